package dev.worklink.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageTypeTest {

    @TempDir
    Path dir;

    private ImageType typeOf(String name, byte[] head) throws Exception {
        return ImageType.detect(Files.write(dir.resolve(name), head));
    }

    @Test
    void recognisesEachTypeByItsSignature() throws Exception {
        assertThat(typeOf("a", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0})).isEqualTo(ImageType.PNG);
        assertThat(typeOf("b", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xdb})).isEqualTo(ImageType.JPEG);
        assertThat(typeOf("c", "GIF87a..".getBytes())).isEqualTo(ImageType.GIF);
        assertThat(typeOf("d", "GIF89a..".getBytes())).isEqualTo(ImageType.GIF);
        assertThat(typeOf("e", new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0})).isEqualTo(ImageType.TIFF);
        assertThat(typeOf("f", new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8})).isEqualTo(ImageType.TIFF);
        assertThat(typeOf("g", new byte[] {'B', 'M', 'F', 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0})).isEqualTo(ImageType.BMP);
    }

    @Test
    void recognisesImagesAsImageIoWritesThemWhateverTheirNames() throws IOException {
        assertThat(ImageType.detect(ImageTypeSamples.write(dir.resolve("png.jpg"), "png", 4, 4))).isEqualTo(ImageType.PNG);
        assertThat(ImageType.detect(ImageTypeSamples.write(dir.resolve("jpeg.png"), "jpeg", 4, 4))).isEqualTo(ImageType.JPEG);
        assertThat(ImageType.detect(ImageTypeSamples.write(dir.resolve("gif.png"), "gif", 4, 4))).isEqualTo(ImageType.GIF);
        assertThat(ImageType.detect(ImageTypeSamples.write(dir.resolve("tiff.png"), "tiff", 4, 4))).isEqualTo(ImageType.TIFF);
        assertThat(ImageType.detect(ImageTypeSamples.write(dir.resolve("bmp.png"), "bmp", 4, 4))).isEqualTo(ImageType.BMP);
    }

    @Test
    void theNameDoesNotCount() throws Exception {
        assertThat(typeOf("logo.png", "this is not a picture\n".getBytes())).isEqualTo(ImageType.UNKNOWN);
        assertThat(typeOf("logo.bmp", "BMW owners' manual, chapter 1".getBytes())).isEqualTo(ImageType.UNKNOWN);
        assertThat(typeOf("empty.gif", new byte[0])).isEqualTo(ImageType.UNKNOWN);
    }

    @Test
    void mimeTypes() {
        assertThat(ImageType.PNG.mimeType()).isEqualTo("image/png");
        assertThat(ImageType.JPEG.mimeType()).isEqualTo("image/jpeg");
        assertThat(ImageType.GIF.mimeType()).isEqualTo("image/gif");
        assertThat(ImageType.TIFF.mimeType()).isEqualTo("image/tiff");
        assertThat(ImageType.BMP.mimeType()).isEqualTo("image/bmp");
        assertThat(ImageType.UNKNOWN.mimeType()).isEqualTo("application/octet-stream");
    }

    @Test
    void detectionReadsOnlyTheFirstBytesOfAHugeFile() throws IOException {
        Path file = dir.resolve("huge.png");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(HexFormat.of().parseHex("89504e470d0a1a0a"));
            raf.setLength(8L * 1024 * 1024 * 1024); // sparse: reading it whole would take long
        }

        assertThat(ImageType.detect(file)).isEqualTo(ImageType.PNG);
    }

    @Test
    void readsTheDimensionsOfAPngFromItsHeader() throws IOException {
        Path file = ImageTypeSamples.write(dir.resolve("a.png"), "png", 128, 64);

        assertThat(ImageType.dimensions(file)).contains(new ImageType.Dimensions(128, 64));
    }

    @Test
    void readsTheDimensionsOfAJpegFromItsFrameHeader() throws IOException {
        Path file = ImageTypeSamples.write(dir.resolve("a.jpg"), "jpeg", 300, 200);

        assertThat(ImageType.dimensions(file)).contains(new ImageType.Dimensions(300, 200));
    }

    @Test
    void skipsTheSegmentsBeforeAJpegsFrameHeaderWithoutReadingThem() throws IOException {
        // SOI, APP1 (an EXIF-like segment of 60 000 bytes), DHT (C4 is no frame), then SOF2 (progressive): 640 × 480
        byte[] app1 = new byte[60_000];
        app1[0] = (byte) 0xff;
        app1[1] = (byte) 0xe1;
        app1[2] = (byte) (59_998 >> 8);
        app1[3] = (byte) (59_998 & 0xff);
        app1[100] = (byte) 0xff; // a marker-looking byte inside the segment must not be taken for one
        app1[101] = (byte) 0xc0;
        byte[] rest = HexFormat.of().parseHex("ffd8");
        byte[] tail = HexFormat.of().parseHex("ffc4000400ff" + "ffff" + "ffc2000b08" + "01e0" + "0280" + "01011100" + "ffd9");
        Path file = dir.resolve("exif.jpg");
        Files.write(file, concat(rest, app1, tail));

        assertThat(ImageType.dimensions(file)).contains(new ImageType.Dimensions(640, 480));
    }

    @Test
    void readsTheDimensionsOfAGifFromItsScreenDescriptor() throws IOException {
        Path file = ImageTypeSamples.write(dir.resolve("a.gif"), "gif", 33, 17);

        assertThat(ImageType.dimensions(file)).contains(new ImageType.Dimensions(33, 17));
    }

    @Test
    void aTruncatedHeaderHasNoDimensions() throws IOException {
        Path png = Files.write(dir.resolve("cut.png"), HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000"));
        Path jpeg = Files.write(dir.resolve("cut.jpg"), HexFormat.of().parseHex("ffd8ffe000104a4649"));

        assertThat(ImageType.dimensions(png)).isEmpty();
        assertThat(ImageType.dimensions(jpeg)).isEmpty();
    }

    @Test
    void otherTypesHaveNoDimensions() throws IOException {
        assertThat(ImageType.dimensions(ImageTypeSamples.write(dir.resolve("a.tif"), "tiff", 4, 4))).isEmpty();
        assertThat(ImageType.dimensions(Files.writeString(dir.resolve("a.txt"), "text"))).isEmpty();
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
