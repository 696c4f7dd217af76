package dev.worklink.files;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.imageio.ImageIO;

/** Real images of a given size and format, written with ImageIO, for tests of image handling. */
public final class ImageTypeSamples {

    private ImageTypeSamples() {}

    /** Writes an image of {@code width} × {@code height} pixels in {@code format} (png, jpeg, gif, bmp, tiff). */
    public static Path write(Path file, String format, int width, int height) throws IOException {
        int type = format.equals("jpeg") || format.equals("bmp") ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB;
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0xff000000 | (x * 7 % 256) << 16 | (y * 13 % 256) << 8 | ((x + y) % 256));
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("ImageIO has no writer for " + format);
        }
        return file;
    }

    /** Appends zero bytes until the file is exactly {@code size} bytes long (its signature and header stay as they are). */
    public static Path padTo(Path file, long size) throws IOException {
        long missing = size - Files.size(file);
        if (missing < 0) {
            throw new IllegalArgumentException(file + " is already larger than " + size + " bytes");
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
            byte[] zeros = new byte[8192];
            while (missing > 0) {
                int n = (int) Math.min(zeros.length, missing);
                out.write(zeros, 0, n);
                missing -= n;
            }
        }
        return file;
    }
}
