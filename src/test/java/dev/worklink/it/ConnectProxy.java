package dev.worklink.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A small HTTP proxy for the ITs that only tunnels ({@code CONNECT host:port}, as clients reach {@code https://}
 * targets through a proxy) and only for a client that sends the expected {@code Proxy-Authorization: Basic}: others get
 * {@code 407} with {@code Proxy-Authenticate}. It tunnels to loopback targets only. Every CONNECT it receives is written
 * as one line to its record file: {@code tunnel <target> user=<user> via=<local address of the outbound socket>} or
 * {@code refused <target> <why>}, never a password. It runs on daemon threads of the JVM that starts it (the outer
 * Maven build), like the sandbox.
 */
public final class ConnectProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String expectedAuthorization;
    private final Path record;

    private ConnectProxy(int port, String user, String password, Path record) throws IOException {
        this.server = new ServerSocket();
        this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        this.expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.record = record;
        Files.createDirectories(record.toAbsolutePath().getParent());
        Files.deleteIfExists(record);
        Files.createFile(record);
        Thread accept = new Thread(this::acceptLoop, "it-connect-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    /** Starts a proxy on loopback {@code port} that requires {@code user}/{@code password}, recording to {@code recordFile}. */
    public static ConnectProxy start(Object port, String user, String password, Object recordFile) throws IOException {
        return new ConnectProxy(Integer.parseInt(String.valueOf(port)), user, password, Path.of(String.valueOf(recordFile)));
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> serve(client), "it-connect-proxy-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String[] lines = head.split("\r\n");
                String[] requestLine = lines[0].split(" ");
                Map<String, String> headers = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    if (colon > 0) {
                        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                    }
                }
                String target = requestLine.length > 1 ? requestLine[1] : "";
                if (!"CONNECT".equals(requestLine[0])) {
                    write("refused " + target + " method " + requestLine[0]);
                    respond(out, "405 Method Not Allowed", "");
                    return;
                }
                String authorization = headers.get("proxy-authorization");
                if (!expectedAuthorization.equals(authorization)) {
                    write("refused " + target + (authorization == null ? " no Proxy-Authorization" : " wrong Proxy-Authorization"));
                    respond(out, "407 Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"worklink-it\"\r\n");
                    continue;
                }
                int colon = target.lastIndexOf(':');
                String host = target.substring(0, colon);
                int port = Integer.parseInt(target.substring(colon + 1));
                if (!InetAddress.getByName(host).isLoopbackAddress()) {
                    write("refused " + target + " not a loopback target");
                    respond(out, "403 Forbidden", "");
                    return;
                }
                try (Socket upstream = new Socket(host, port)) {
                    String user = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())), StandardCharsets.UTF_8);
                    write("tunnel " + target + " user=" + user.substring(0, user.indexOf(':')) + " via="
                            + upstream.getLocalAddress().getHostAddress() + ":" + upstream.getLocalPort());
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread back = new Thread(() -> pump(upstream, client), "it-connect-proxy-back");
                    back.setDaemon(true);
                    back.start();
                    pump(in, upstream);
                    back.join();
                }
                return;
            }
        } catch (IOException | RuntimeException e) {
            // the client or the target went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pump(InputStream from, Socket to) {
        try {
            from.transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            pump(from.getInputStream(), to);
        } catch (IOException e) {
            // closed
        }
    }

    /** The request line and headers up to the empty line, or null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) ? state + 1 : (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
            if (head.size() > 64 * 1024) {
                throw new IOException("request head too long");
            }
        }
        return null;
    }

    private static void respond(OutputStream out, String status, String extraHeaders) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\n" + extraHeaders + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private synchronized void write(String line) throws IOException {
        Files.writeString(record, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
