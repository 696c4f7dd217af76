package dev.worklink.files;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * An image's type as its first bytes (its signature) say, whatever its name: services check the content, and a
 * text file named {@code logo.png} is no PNG. {@link #dimensions(Path)} reads an image's width and height from its
 * header the same way, without decoding the image.
 */
public enum ImageType {
    PNG("image/png"),
    JPEG("image/jpeg"),
    GIF("image/gif"),
    TIFF("image/tiff"),
    BMP("image/bmp"),
    /** No signature this enum knows (or an empty file). */
    UNKNOWN("application/octet-stream");

    /** Enough bytes for every signature below. */
    static final int HEADER_BYTES = 16;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final String mimeType;

    ImageType(String mimeType) {
        this.mimeType = mimeType;
    }

    /** The Content-Type of this type; {@code application/octet-stream} for {@link #UNKNOWN}. */
    public String mimeType() {
        return mimeType;
    }

    /** The type of the file, from its first bytes only (the file is not read further). */
    public static ImageType detect(Path file) throws IOException {
        byte[] head = new byte[HEADER_BYTES];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (n < head.length) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        }
        return detect(Arrays.copyOf(head, n));
    }

    /** The type of an image whose first bytes these are. */
    public static ImageType detect(byte[] head) {
        if (startsWith(head, PNG_SIGNATURE)) {
            return PNG;
        }
        if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return JPEG;
        }
        if (startsWith(head, "GIF87a".getBytes()) || startsWith(head, "GIF89a".getBytes())) {
            return GIF;
        }
        if (startsWith(head, new byte[] {'I', 'I', 42, 0}) || startsWith(head, new byte[] {'M', 'M', 0, 42})) {
            return TIFF;
        }
        // "BM", file size, then four reserved bytes that are zero: "BM" alone would take a text starting "BMW" for a bitmap.
        if (head.length >= 14 && head[0] == 'B' && head[1] == 'M' && head[6] == 0 && head[7] == 0 && head[8] == 0 && head[9] == 0) {
            return BMP;
        }
        return UNKNOWN;
    }

    /** Width and height in pixels. */
    public record Dimensions(int width, int height) {
        @Override
        public String toString() {
            return width + " × " + height;
        }
    }

    /** Segments a JPEG may carry before its frame header; past this many the file is taken for damaged. */
    private static final int MAX_JPEG_SEGMENTS = 1024;

    /**
     * The width and height of a PNG, JPEG or GIF, read from its header only (PNG: the IHDR chunk; JPEG: the first
     * SOF<i>n</i> frame header, skipping the segments before it; GIF: the logical screen descriptor). Empty for other
     * types and for a header that cannot be read.
     */
    public static Optional<Dimensions> dimensions(Path file) throws IOException {
        ImageType type = detect(file);
        if (type != PNG && type != JPEG && type != GIF) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 8192))) {
            return switch (type) {
                case PNG -> pngDimensions(in);
                case GIF -> gifDimensions(in);
                default -> jpegDimensions(in);
            };
        } catch (EOFException truncated) {
            return Optional.empty();
        }
    }

    /** Signature (8), IHDR length (4), "IHDR" (4), then width and height as big-endian 32-bit integers. */
    private static Optional<Dimensions> pngDimensions(DataInputStream in) throws IOException {
        in.skipNBytes(12);
        byte[] chunk = new byte[4];
        in.readFully(chunk);
        if (!Arrays.equals(chunk, new byte[] {'I', 'H', 'D', 'R'})) {
            return Optional.empty();
        }
        return positive(in.readInt(), in.readInt());
    }

    /** "GIF89a" (6), then the logical screen width and height as little-endian 16-bit integers. */
    private static Optional<Dimensions> gifDimensions(DataInputStream in) throws IOException {
        in.skipNBytes(6);
        int width = in.readUnsignedByte() | in.readUnsignedByte() << 8;
        int height = in.readUnsignedByte() | in.readUnsignedByte() << 8;
        return positive(width, height);
    }

    /**
     * Walks the marker segments after SOI up to the first start-of-frame (SOF0–SOF15 but DHT C4, JPG C8 and DAC CC),
     * whose payload is precision (1), height (2), width (2). Segment bodies (EXIF, thumbnails) are skipped, not read.
     */
    private static Optional<Dimensions> jpegDimensions(DataInputStream in) throws IOException {
        in.skipNBytes(2); // SOI
        for (int segments = 0; segments < MAX_JPEG_SEGMENTS; segments++) {
            int b = in.readUnsignedByte();
            if (b != 0xff) {
                return Optional.empty();
            }
            int marker;
            do {
                marker = in.readUnsignedByte(); // 0xFF fill bytes may precede a marker
            } while (marker == 0xff);
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
                continue; // TEM, RSTn, SOI: no length
            }
            if (marker == 0xd9 || marker == 0xda) {
                return Optional.empty(); // EOI or start of scan before any frame header
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                return Optional.empty();
            }
            boolean frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (frame) {
                if (length < 7) {
                    return Optional.empty();
                }
                in.skipNBytes(1); // sample precision
                int height = in.readUnsignedShort();
                int width = in.readUnsignedShort();
                return positive(width, height);
            }
            in.skipNBytes(length - 2L);
        }
        return Optional.empty();
    }

    private static Optional<Dimensions> positive(int width, int height) {
        return width > 0 && height > 0 ? Optional.of(new Dimensions(width, height)) : Optional.empty();
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
