package dev.worklink.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Proxy;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.function.Supplier;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.SessionOutputBuffer;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the one pooled HTTP client a build shares: timeouts, TLS verified against the JVM's trust store
 * ({@code javax.net.ssl.*} properties), proxies chosen per request from settings.xml (never JVM-global system
 * properties), and no automatic retries (the {@link ServiceClient} retries, signing each attempt afresh).
 */
public final class HttpClientFactory {

    /** Enough connections for the largest {@code parallelUploads} a user would sensibly set. */
    static final int MAX_CONNECTIONS = 64;

    private HttpClientFactory() {}

    public static CloseableHttpClient create(HttpSettings settings, String userAgent) {
        PoolingHttpClientConnectionManager connections = new ChannelSockets()
                .setTlsSocketStrategy(new LazyTls())
                .setConnectionFactory(new QuietConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.timeout()))
                        .setValidateAfterInactivity(Timeout.ofSeconds(2))
                        .build())
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .build();
        BasicCredentialsProvider proxyCredentials = new BasicCredentialsProvider();
        for (ProxySpec proxy : settings.proxies()) {
            if (proxy.username() != null && !proxy.username().isBlank()) {
                proxyCredentials.setCredentials(new AuthScope(proxy.host(), proxy.port()),
                        new UsernamePasswordCredentials(proxy.username(), proxy.password() == null ? new char[0] : proxy.password().toCharArray()));
            }
        }
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.timeout()))
                        .setConnectionRequestTimeout(Timeout.of(settings.timeout()))
                        .build())
                .setRoutePlanner(new SettingsProxyRoutePlanner(settings.proxies()))
                .setDefaultCredentialsProvider(proxyCredentials)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                // the services authenticate by header, never by cookie; without cookie handling HttpClient does not
                // load and parse its public-suffix list (tens of milliseconds on a fresh JVM)
                .disableCookieManagement()
                .evictIdleConnections(Timeout.of(30, TimeUnit.SECONDS))
                .setUserAgent(userAgent)
                .build();
    }

    /**
     * Connections that never write headers or bytes to HttpClient's header and wire loggers
     * ({@code org.apache.hc.client5.http.headers}, {@code org.apache.hc.client5.http.wire}): at DEBUG, which
     * {@code mvn -X} turns on for every logger, they print every header ({@code Authorization}, {@code X-Auth-Token},
     * {@code X-Subject-Token}, {@code SO-AppToken}) and every byte (the IAM password). Doing it here, rather than by
     * setting logger levels, works the same under every Maven's logging (3.6.3 to 4.0) and touches no JVM-global
     * state. HttpClient's other DEBUG lines (routes, connection leases, request lines) stay for {@code -X}.
     * <p>
     * The connections are those of HttpClient's default {@code ManagedHttpClientConnectionFactory} (default
     * HTTP/1.1 configuration, no charset coding) minus the two loggers.
     */
    static final class QuietConnections implements HttpConnectionFactory<ManagedHttpClientConnection> {
        private final AtomicLong ids = new AtomicLong();

        @Override
        public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
            QuietConnection connection = new QuietConnection("worklink-" + ids.incrementAndGet());
            if (socket != null) {
                connection.bind(socket);
            }
            return connection;
        }
    }

    static final class QuietConnection extends DefaultManagedHttpClientConnection {
        /** Bytes per read of a file and per write of them to the socket ({@link ChannelContent}). */
        static final int TRANSFER_BUFFER = 1024 * 1024;

        /** Made on the connection's first file upload, kept while the connection lives (one request at a time). */
        private ByteBuffer transferBuffer;

        QuietConnection(String id) {
            super(id);
        }

        ByteBuffer transferBuffer() {
            if (transferBuffer == null) {
                try {
                    transferBuffer = ByteBuffer.allocateDirect(TRANSFER_BUFFER);
                } catch (OutOfMemoryError directMemoryFull) {
                    // -XX:MaxDirectMemorySize (by default the heap's size) spent, e.g. many connections under -Xmx64m:
                    // a small heap buffer works too, with the JDK's own copies
                    transferBuffer = ByteBuffer.allocate(64 * 1024);
                }
            }
            return transferBuffer;
        }

        @Override
        public void bind(Socket socket) throws IOException {
            bind(new SocketHolder(socket)); // not a LoggingSocketHolder: no wire log
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            bind(new SocketHolder(sslSocket, socket));
        }

        /**
         * On a plain TCP connection (no TLS) with a known length, the body's output is a {@link FileSink}: a file body
         * goes from the file to the socket through a direct buffer, never through the heap ({@link ChannelContent}).
         */
        @Override
        protected OutputStream createContentOutputStream(long length, SessionOutputBuffer buffer, OutputStream socket,
                Supplier<List<? extends Header>> trailers) {
            OutputStream content = super.createContentOutputStream(length, buffer, socket, trailers);
            SocketHolder holder = getSocketHolder();
            if (length < 0 || holder == null || holder.getSSLSocket() != null || holder.getSocket().getChannel() == null) {
                return content;
            }
            return new ChannelContent(content, buffer, socket, holder.getSocket().getChannel(), length, this::transferBuffer);
        }

        @Override
        protected void onRequestSubmitted(ClassicHttpRequest request) {
            // no header log
        }

        @Override
        protected void onResponseReceived(ClassicHttpResponse response) {
            // no header log
        }
    }

    /**
     * A body of known length on a plain TCP connection. What the entity writes as bytes goes through HttpClient's own
     * stream ({@code ContentLengthOutputStream}, after the request head in the session buffer); a file goes, once that
     * buffer is flushed, from the file into the connection's direct buffer ({@code pread}) and from it to the socket
     * channel ({@code write}): curl's two copies, not the four of a heap array. Never more bytes than the declared length.
     *
     * <p>Not {@link FileChannel#transferTo} ({@code sendfile}): it costs the sender least, but the socket buffers then
     * hold the page cache's 4 KiB pages, and the receiver on the same machine took 1.3 to 1.6 times as long to read
     * them as curl's bytes (bench/ANALYSIS.md, section 1).
     */
    static final class ChannelContent extends OutputStream implements FileSink {
        private final OutputStream content;
        private final SessionOutputBuffer buffer;
        private final OutputStream socket;
        private final SocketChannel channel;
        private final long length;
        private final java.util.function.Supplier<ByteBuffer> transferBuffer;
        private long written;

        ChannelContent(OutputStream content, SessionOutputBuffer buffer, OutputStream socket, SocketChannel channel, long length,
                java.util.function.Supplier<ByteBuffer> transferBuffer) {
            this.content = content;
            this.buffer = buffer;
            this.socket = socket;
            this.channel = channel;
            this.length = length;
            this.transferBuffer = transferBuffer;
        }

        private void claim(long count) throws IOException {
            if (count > length - written) {
                throw new IOException("The request body is longer than its Content-Length of " + length + " bytes");
            }
            written += count;
        }

        @Override
        public void write(int b) throws IOException {
            claim(1);
            content.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            claim(len);
            content.write(b, off, len);
        }

        @Override
        public void transferFrom(FileChannel file, long position, long count) throws IOException {
            claim(count);
            buffer.flush(socket); // the request head and the bytes written before the file go first
            ByteBuffer direct = transferBuffer.get();
            long end = position + count;
            while (position < end) {
                direct.clear().limit((int) Math.min(direct.capacity(), end - position));
                int n = file.read(direct, position);
                if (n < 0) {
                    throw new EOFException("The file ended at byte " + position + " of the " + end + " being uploaded: it changed while it was read");
                }
                position += n;
                direct.flip();
                while (direct.hasRemaining()) {
                    channel.write(direct);
                }
            }
        }

        @Override
        public void flush() throws IOException {
            content.flush();
        }

        @Override
        public void close() throws IOException {
            content.close();
        }
    }

    /**
     * The connection manager of HttpClient's builder, whose direct (not SOCKS) sockets are those of a
     * {@link SocketChannel}: they behave as {@code new Socket()} does for HttpClient (connect and read timeouts, socket
     * options, TLS layered on top) and also let {@link ChannelContent} reach the channel.
     */
    static final class ChannelSockets extends PoolingHttpClientConnectionManagerBuilder {
        static final DetachedSocketFactory SOCKETS = proxy ->
                proxy == null || proxy.type() == Proxy.Type.DIRECT ? SocketChannel.open().socket() : new Socket(proxy);

        @Override
        protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver ports, DnsResolver dns, TlsSocketStrategy tls) {
            return new DefaultHttpClientConnectionOperator(SOCKETS, ports, dns,
                    RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tls).build());
        }
    }

    /**
     * Builds the TLS strategy (trust store, cipher suites: some tenths of a second) on the first https connection,
     * so that a dry run or an http endpoint never pays for it.
     */
    static final class LazyTls implements TlsSocketStrategy {
        private volatile TlsSocketStrategy delegate;

        @Override
        public javax.net.ssl.SSLSocket upgrade(java.net.Socket socket, String target, int port, Object attachment, HttpContext context)
                throws java.io.IOException {
            TlsSocketStrategy d = delegate;
            if (d == null) {
                synchronized (this) {
                    if (delegate == null) {
                        delegate = (TlsSocketStrategy) ClientTlsStrategyBuilder.create().useSystemProperties().build();
                    }
                    d = delegate;
                }
            }
            return d.upgrade(socket, target, port, attachment, context);
        }
    }

    /** Picks the first settings.xml proxy that serves the target's scheme and whose nonProxyHosts spare it. */
    static final class SettingsProxyRoutePlanner extends DefaultRoutePlanner {
        private final List<ProxySpec> proxies;

        SettingsProxyRoutePlanner(List<ProxySpec> proxies) {
            super(null);
            this.proxies = proxies;
        }

        @Override
        protected HttpHost determineProxy(HttpHost target, HttpContext context) {
            for (ProxySpec proxy : proxies) {
                if (proxy.appliesTo(target.getSchemeName(), target.getHostName())) {
                    return new HttpHost("http", proxy.host(), proxy.port());
                }
            }
            return null;
        }
    }
}
