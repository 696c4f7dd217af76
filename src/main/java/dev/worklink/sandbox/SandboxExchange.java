package dev.worklink.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;

/**
 * One request being served: reading its body (streamed), answering it, and what goes into its record. Every answer
 * carries an {@code X-Request-Id}.
 */
public final class SandboxExchange {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_JSON = 64 * 1024;
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-auth-token", "so-apptoken", "proxy-authorization", "cookie");

    private final HttpExchange exchange;
    private final Matcher route;
    private final String requestId = HexFormat.of().formatHex(randomBytes(16));
    private List<RecordedPart> parts = List.of();
    private long bodySize;
    private String bodySha256;
    private String jsonBody;
    private int status;
    private String authenticatedAs;
    private boolean bodyRead;

    SandboxExchange(HttpExchange exchange, Matcher route) {
        this.exchange = exchange;
        this.route = route;
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    public String rawPath() {
        return exchange.getRequestURI().getRawPath();
    }

    public String rawQuery() {
        return exchange.getRequestURI().getRawQuery();
    }

    /** A path group of the route's pattern. */
    public String pathGroup(int n) {
        return route.group(n);
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** A decoded query parameter, or null. */
    public String queryParam(String name) {
        String q = rawQuery();
        if (q == null) {
            return null;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            if (java.net.URLDecoder.decode(k, StandardCharsets.UTF_8).equals(name)) {
                return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Lower-case header names to their first value, as a signature covers them. */
    public Map<String, String> lowerCaseHeaders() {
        Map<String, String> out = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
        return out;
    }

    public boolean isMultipart() {
        return MultipartStream.boundaryOf(header("Content-Type")) != null;
    }

    /** Reads a multipart body, streaming; records its parts and size. */
    public MultipartStream.Result readMultipart(long partLimit) throws IOException {
        String boundary = MultipartStream.boundaryOf(header("Content-Type"));
        if (boundary == null) {
            throw new MultipartStream.MalformedException("the Content-Type is not multipart/form-data with a boundary");
        }
        bodyRead = true;
        CountingInput counting = new CountingInput(exchange.getRequestBody(), false);
        MultipartStream.Result result = MultipartStream.read(counting, boundary, partLimit);
        parts = result.parts();
        bodySize = counting.count;
        return result;
    }

    /** Reads a body of at most {@link #MAX_JSON} bytes whole, recording its size, hash and (for JSON) its text. */
    public byte[] readSmallBody() throws IOException {
        bodyRead = true;
        byte[] body = exchange.getRequestBody().readNBytes(MAX_JSON + 1);
        if (body.length > MAX_JSON) {
            drain();
            throw new IOException("body over " + MAX_JSON + " bytes");
        }
        bodySize = body.length;
        bodySha256 = sha256Hex(body);
        String type = header("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).contains("json")) {
            jsonBody = new String(body, StandardCharsets.UTF_8);
        }
        return body;
    }

    /** Streams a body of any size through a hash, recording size and SHA-256, writing it to {@code sink} if not null. */
    public void readStreamedBody(OutputStream sink) throws IOException {
        bodyRead = true;
        CountingInput counting = new CountingInput(exchange.getRequestBody(), true);
        byte[] buffer = new byte[MultipartStream.BUFFER];
        int n;
        while ((n = counting.read(buffer)) >= 0) {
            if (sink != null) {
                sink.write(buffer, 0, n);
            }
        }
        bodySize = counting.count;
        bodySha256 = HexFormat.of().formatHex(counting.sha.digest());
    }

    /** Reads and forgets whatever of the body is left, so the client can finish sending before it is answered. */
    public void drain() throws IOException {
        if (bodyRead && parts.isEmpty() && bodySha256 != null) {
            return;
        }
        InputStream in = exchange.getRequestBody();
        byte[] skip = new byte[MultipartStream.BUFFER];
        long total = 0;
        int n;
        while ((n = in.read(skip)) >= 0) {
            total += n;
        }
        if (!bodyRead) {
            bodySize = total;
            bodyRead = true;
        }
    }

    void authenticatedAs(String identity) {
        this.authenticatedAs = identity;
    }

    public String authenticatedAs() {
        return authenticatedAs;
    }

    public int status() {
        return status;
    }

    /** Answers with a JSON document. */
    public void json(int code, Object body) throws IOException {
        byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        send(code, "application/json;charset=UTF-8", bytes, Map.of());
    }

    /** Answers with Huawei's error body {@code {"error_code","error_msg"}}. */
    public void huaweiError(int code, String errorCode, String message) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error_code", errorCode);
        body.put("error_msg", message);
        json(code, body);
    }

    public void send(int code, String contentType, byte[] body, Map<String, String> headers) throws IOException {
        drain();
        status = code;
        exchange.getResponseHeaders().set("X-Request-Id", requestId);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /** Streams a file as the answer (stored images). */
    public void sendFile(int code, String contentType, java.nio.file.Path file) throws IOException {
        drain();
        status = code;
        exchange.getResponseHeaders().set("X-Request-Id", requestId);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(code, java.nio.file.Files.size(file));
        try (OutputStream out = exchange.getResponseBody()) {
            java.nio.file.Files.copy(file, out);
        }
        exchange.close();
    }

    /** Closes the connection without answering. */
    void dropConnection() {
        status = 0;
        exchange.close();
    }

    public JsonNode parseJson(byte[] body) throws IOException {
        return JSON.readTree(body);
    }

    RecordedRequest record(long seq) {
        Map<String, String> headers = new LinkedHashMap<>();
        lowerCaseHeaders().forEach((k, v) -> headers.put(k, SECRET_HEADERS.contains(k) ? "***" : v));
        return new RecordedRequest(seq, method(), rawPath(), rawQuery(), headers, parts, bodySize, bodySha256, jsonBody, status,
                connection(), authenticatedAs);
    }

    String connection() {
        return exchange.getRemoteAddress().getAddress().getHostAddress() + ":" + exchange.getRemoteAddress().getPort();
    }

    static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(MultipartStream.sha256().digest(data));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    /** Counts (and optionally hashes) what passes through. */
    private static final class CountingInput extends InputStream {
        private final InputStream in;
        private final MessageDigest sha;
        long count;

        CountingInput(InputStream in, boolean hash) {
            this.in = in;
            this.sha = hash ? MultipartStream.sha256() : null;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
                if (sha != null) {
                    sha.update((byte) b);
                }
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
                if (sha != null) {
                    sha.update(b, off, n);
                }
            }
            return n;
        }
    }
}
