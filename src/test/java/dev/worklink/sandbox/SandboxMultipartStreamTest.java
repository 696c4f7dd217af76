package dev.worklink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxMultipartStreamTest {

    private static final String BOUNDARY = "----worklink-7MA4YWxkTrZu0gW";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : pieces) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] filePart(String field, String fileName, byte[] content) {
        return concat(bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"), content, bytes("\r\n"));
    }

    private static byte[] closing() {
        return bytes("--" + BOUNDARY + "--\r\n");
    }

    private static List<MultipartStream.Part> parse(InputStream in) throws IOException {
        return new MultipartStream(in, BOUNDARY).readAll();
    }

    /** Hands out at most {@code step} bytes per read, to put the boundary across every possible read edge. */
    private static InputStream trickle(byte[] data, int step) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    /** Content full of near-boundaries: CRLF, dashes and the boundary's first characters. */
    private static byte[] treacherousContent(int size) {
        byte[] near = bytes("\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1) + "X\r\n-\r\n--\r");
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = i % 97 < near.length ? near[i % 97] : (byte) (i * 7);
        }
        return out;
    }

    @Test
    void aFilePartIsCountedAndHashedExactly() throws Exception {
        byte[] content = treacherousContent(300_000);

        List<MultipartStream.Part> parts = parse(new ByteArrayInputStream(concat(filePart("attachment", "a.bin", content), closing())));

        assertThat(parts).hasSize(1);
        MultipartStream.Part p = parts.get(0);
        assertThat(p.recorded()).isEqualTo(new RecordedPart("attachment", "a.bin", "application/octet-stream", 300_000, SandboxFixture.sha256(content)));
        assertThat(p.head()).hasSize(MultipartStream.HEAD_BYTES).startsWith(content[0], content[1], content[2]);
    }

    @Test
    void theResultDoesNotDependOnHowTheBytesArrive() throws Exception {
        byte[] content = treacherousContent(5_000);
        byte[] body = concat(filePart("attachment", "a.bin", content), filePart("other", "b.bin", new byte[0]), closing());

        for (int step : new int[] {1, 2, 3, 7, 13, 64, 1000}) {
            List<MultipartStream.Part> parts = parse(trickle(body, step));

            assertThat(parts).extracting(MultipartStream.Part::size).containsExactly(5_000L, 0L);
            assertThat(parts.get(0).sha256()).isEqualTo(SandboxFixture.sha256(content));
        }
    }

    @Test
    void aFileLargerThanTheBufferAndTheInlineHashIsHashedExactly() throws Exception {
        byte[] content = treacherousContent(3 * 1024 * 1024 + 17);

        List<MultipartStream.Part> parts = parse(new ByteArrayInputStream(concat(filePart("attachment", "big.bin", content), closing())));

        assertThat(parts.get(0).size()).isEqualTo(content.length);
        assertThat(parts.get(0).sha256()).isEqualTo(SandboxFixture.sha256(content));
    }

    @Test
    void thePreambleAndEpilogueAreIgnored() throws Exception {
        byte[] body = concat(bytes("This is the preamble.\r\n"), filePart("attachment", "a.bin", bytes("abc")), closing(), bytes("epilogue"));

        assertThat(parse(new ByteArrayInputStream(body))).extracting(MultipartStream.Part::size).containsExactly(3L);
    }

    @Test
    void aPlainFieldHasNoFileName() throws Exception {
        byte[] body = concat(bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nhello\r\n"), closing());

        MultipartStream.Part p = parse(new ByteArrayInputStream(body)).get(0);

        assertThat(p.field()).isEqualTo("comment");
        assertThat(p.fileName()).isNull();
        assertThat(p.isFile()).isFalse();
        assertThat(p.contentType()).isNull();
        assertThat(p.size()).isEqualTo(5);
    }

    @Test
    void aBodyWithoutTheClosingDelimiterIsMalformed() {
        byte[] body = filePart("attachment", "a.bin", bytes("abc"));

        assertThatThrownBy(() -> parse(new ByteArrayInputStream(body))).isInstanceOf(MultipartStream.MalformedException.class)
                .hasMessage("the body ends inside the part 'attachment'");
    }

    @Test
    void aBodyWithoutAnyBoundaryIsMalformed() {
        assertThatThrownBy(() -> parse(new ByteArrayInputStream(bytes("just text")))).isInstanceOf(MultipartStream.MalformedException.class)
                .hasMessage("the body holds no multipart boundary");
    }

    @Test
    void anEndlessHeaderLineIsMalformed() {
        byte[] body = concat(bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + "x".repeat(20_000)), closing());

        assertThatThrownBy(() -> parse(new ByteArrayInputStream(body))).isInstanceOf(MultipartStream.MalformedException.class)
                .hasMessageContaining("longer than");
    }

    @Test
    void theBoundaryComesFromTheContentTypeQuotedOrNot() {
        assertThat(MultipartStream.boundaryOf("multipart/form-data; boundary=abc")).isEqualTo("abc");
        assertThat(MultipartStream.boundaryOf("Multipart/Form-Data; charset=UTF-8; BOUNDARY=\"a b:c\"")).isEqualTo("a b:c");
        assertThat(MultipartStream.boundaryOf("application/json")).isNull();
        assertThat(MultipartStream.boundaryOf("multipart/form-data")).isNull();
        assertThat(MultipartStream.boundaryOf(null)).isNull();
    }

    @Test
    void dispositionParametersAllowEscapedQuotesWindowsPathsAndRfc5987Names() {
        assertThat(MultipartStream.dispositionParams("form-data; name=\"attachment\"; filename=\"say \\\"hi\\\".txt\""))
                .isEqualTo(Map.of("name", "attachment", "filename", "say \"hi\".txt"));
        assertThat(MultipartStream.dispositionParams("form-data; name=file; filename=\"C:\\dir\\a.txt\"").get("filename"))
                .isEqualTo("C:\\dir\\a.txt");
        assertThat(MultipartStream.dispositionParams("form-data; name=\"a\"; filename=\"x\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf")
                .get("filename*")).isEqualTo("报告.pdf");
    }
}
