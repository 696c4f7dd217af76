package dev.worklink.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.impl.io.ContentLengthOutputStream;
import org.apache.hc.core5.http.impl.io.SessionOutputBufferImpl;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file path of an upload on a plain connection (bench/ANALYSIS.md, section 1): the body's output is a
 * {@link FileSink}, the file's bytes go by {@code transferTo}, and the server receives exactly the declared bytes.
 */
class FileSinkTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private Path randomFile(int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return Files.write(dir.resolve("artifact.bin"), bytes);
    }

    @Test
    void aFileEntityOnAPlainConnectionIsGivenAFileSinkAndArrivesByteForByte() throws Exception {
        server.stubFor(post("/upload").willReturn(aResponse().withStatus(200).withBody("{}")));
        // more than two transfer steps, and not a multiple of one
        Path file = randomFile(2 * StreamedFileBody.TRANSFER_STEP + 12345);
        RecordingLog log = RecordingLog.withoutDebug();
        StreamedFileEntity body = new StreamedFileEntity(file, ContentType.APPLICATION_OCTET_STREAM,
                new TransferProgress("artifact.bin", Files.size(file), log));
        boolean[] offered = new boolean[1];
        HttpPost post = new HttpPost("http://127.0.0.1:" + server.getPort() + "/upload");
        post.setEntity(new AbstractHttpEntity(ContentType.APPLICATION_OCTET_STREAM, null) {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                offered[0] = out instanceof FileSink;
                body.writeTo(out);
            }

            @Override
            public long getContentLength() {
                return body.getContentLength();
            }

            @Override
            public InputStream getContent() throws IOException {
                return body.getContent();
            }

            @Override
            public boolean isRepeatable() {
                return true;
            }

            @Override
            public boolean isStreaming() {
                return false;
            }

            @Override
            public void close() {}
        });

        try (CloseableHttpClient http = HttpClientFactory.create(HttpSettings.defaults(), "test")) {
            int status = http.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            assertThat(status).isEqualTo(200);
        }

        assertThat(offered[0]).as("the body's output on a plain connection is a FileSink").isTrue();
        byte[] received = server.getAllServeEvents().get(0).getRequest().getBody();
        assertThat(received).hasSize((int) Files.size(file));
        assertThat(Arrays.equals(received, Files.readAllBytes(file))).as("the bytes the server received are the file's").isTrue();
        assertThat(log.text()).contains("Uploading artifact.bin: 75%");
    }

    /** One connection's two ends, and HttpClient's own content stream on the client's end, as HttpClient builds it. */
    private record Wire(ServerSocketChannel listener, SocketChannel client, SocketChannel server) implements AutoCloseable {
        static Wire open() throws IOException {
            ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel client = SocketChannel.open(listener.getLocalAddress());
            return new Wire(listener, client, listener.accept());
        }

        HttpClientFactory.ChannelContent content(long length) {
            SessionOutputBufferImpl buffer = new SessionOutputBufferImpl(8192);
            OutputStream socket = Channels.newOutputStream(client);
            return new HttpClientFactory.ChannelContent(new ContentLengthOutputStream(buffer, socket, length), buffer, socket, client, length);
        }

        CompletableFuture<byte[]> received() {
            return CompletableFuture.supplyAsync(() -> {
                try (InputStream in = Channels.newInputStream(server)) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        @Override
        public void close() throws IOException {
            client.close();
            server.close();
            listener.close();
        }
    }

    @Test
    void bytesWrittenBeforeAndAfterTheFileKeepTheirPlaceAroundIt() throws Exception {
        Path file = randomFile(100_000);
        byte[] head = "--boundary\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n--boundary--\r\n".getBytes(StandardCharsets.US_ASCII);
        try (Wire wire = Wire.open(); FileChannel channel = FileChannel.open(file)) {
            CompletableFuture<byte[]> received = wire.received();
            HttpClientFactory.ChannelContent out = wire.content(head.length + 99_000 + tail.length);
            out.write(head);
            out.transferFrom(channel, 1_000, 99_000);
            out.write(tail);
            out.close();
            wire.client().shutdownOutput();

            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            expected.write(head);
            expected.write(Files.readAllBytes(file), 1_000, 99_000);
            expected.write(tail);
            assertThat(Arrays.equals(received.get(10, TimeUnit.SECONDS), expected.toByteArray())).isTrue();
        }
    }

    @Test
    void noMoreBytesThanTheDeclaredLengthAreSent() throws Exception {
        Path file = randomFile(1_000);
        try (Wire wire = Wire.open(); FileChannel channel = FileChannel.open(file)) {
            CompletableFuture<byte[]> received = wire.received();
            HttpClientFactory.ChannelContent out = wire.content(900);
            assertThatThrownBy(() -> out.transferFrom(channel, 0, 1_000))
                    .isInstanceOf(IOException.class).hasMessageContaining("Content-Length of 900 bytes");
            out.write(new byte[900]);
            assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class);
            out.close();
            wire.client().shutdownOutput();
            assertThat(received.get(10, TimeUnit.SECONDS)).hasSize(900);
        }
    }

    @Test
    void aFileThatEndsBeforeItsLengthFailsRatherThanWaitingForBytesThatNeverCome() throws Exception {
        Path file = randomFile(1_000);
        try (Wire wire = Wire.open(); FileChannel channel = FileChannel.open(file)) {
            HttpClientFactory.ChannelContent out = wire.content(2_000);
            assertThatThrownBy(() -> out.transferFrom(channel, 0, 2_000))
                    .isInstanceOf(EOFException.class).hasMessageContaining("ended at byte 1000");
        }
    }
}
