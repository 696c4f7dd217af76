package dev.worklink.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request being served. Its body is read once, before anything is decided, as a stream: multipart parts are
 * counted and hashed, other bodies are hashed and kept only when they are small JSON. Then it is answered once, and
 * becomes a {@link RecordedRequest}. Every answer carries an {@code X-Request-Id}.
 */
final class SandboxExchange {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_JSON = 64 * 1024;
    private static final Set<String> SECRET_HEADERS =
            Set.of("authorization", "x-auth-token", "so-apptoken", "proxy-authorization", "cookie", "x-subject-token", "x-xsrf-token",
                    "x-security-token");
    private static final Pattern SECRET_JSON_FIELD =
            Pattern.compile("(?i)(\"(?:[^\"]*(?:password|secret)[^\"]*|[^\"]*token)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    /** Raw bodies of these types are also spooled to a temp file, for a handler that keeps the bytes (SuperOffice images). */
    private static final String SPOOLED_TYPE_PREFIX = "image/";

    private final HttpExchange exchange;
    private final long seq;
    private final Consumer<SandboxExchange> onAnswer;
    private final long startNanos = System.nanoTime();
    private final String requestId = randomHex(16);
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Matcher route;

    private List<MultipartStream.Part> parts = List.of();
    private String multipartProblem;
    private long bodySize;
    private String bodySha256;
    private byte[] smallBody;
    private byte[] head = new byte[0];
    private Path spooled;

    private boolean answered;
    private int status;
    private String errorCode;
    private String errorMessage;
    private String note;
    private String authenticatedAs;

    /**
     * @param onAnswer called once, just before the answer (or the dropped connection) goes out, so that a client
     *                 that has its answer finds the request already recorded
     */
    SandboxExchange(HttpExchange exchange, long seq, Consumer<SandboxExchange> onAnswer) {
        this.exchange = exchange;
        this.seq = seq;
        this.onAnswer = onAnswer;
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
    }

    // ---- the request

    String method() {
        return exchange.getRequestMethod();
    }

    /** The path as received, still percent-encoded. */
    String rawPath() {
        return exchange.getRequestURI().getRawPath();
    }

    /** The query as received, or null. */
    String rawQuery() {
        return exchange.getRequestURI().getRawQuery();
    }

    /** A header's first value, or null; the name in any case. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Lower-case header names to their first values, as a signature covers them. */
    Map<String, String> headers() {
        return headers;
    }

    void route(Matcher matched) {
        this.route = matched;
    }

    /** A group of the matched route's path pattern, percent-decoded. */
    String pathGroup(int n) {
        return decode(route.group(n).replace("+", "%2B"));
    }

    /** A decoded query parameter (the first of that name), or null. */
    String queryParam(String name) {
        String q = rawQuery();
        if (q == null) {
            return null;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(key).equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    String connection() {
        InetSocketAddress remote = exchange.getRemoteAddress();
        return remote.getAddress().getHostAddress() + ":" + remote.getPort();
    }

    // ---- the body

    /**
     * Reads the whole body. A multipart body is parsed part by part; it is hashed as a whole only when
     * {@code hashWholeMultipart} (an AK/SK signature covers its hash), since that doubles the work on large files.
     * A multipart body that is not well-formed is read to its end and its problem kept for the handler to answer.
     */
    void receiveBody(boolean hashWholeMultipart) throws IOException {
        String boundary = MultipartStream.boundaryOf(header("Content-Type"));
        boolean multipart = boundary != null;
        BodyInput in = new BodyInput(exchange.getRequestBody(), !multipart || hashWholeMultipart);
        try {
            if (multipart) {
                try {
                    parts = new MultipartStream(in, boundary).readAll();
                } catch (MultipartStream.MalformedException e) {
                    multipartProblem = e.getMessage();
                    in.transferTo(OutputStream.nullOutputStream());
                }
            } else {
                readPlainBody(in);
            }
            bodySha256 = in.sha == null ? null : in.sha.hex();
        } finally {
            bodySize = in.count;
            if (in.sha != null) {
                in.sha.close();
            }
        }
    }

    private void readPlainBody(InputStream in) throws IOException {
        String type = header("Content-Type");
        boolean keep = type == null || type.toLowerCase(Locale.ROOT).contains("json");
        ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
        byte[] headBuf = new byte[MultipartStream.HEAD_BYTES];
        byte[] buffer = new byte[bufferFor(header("Content-Length"))];
        if (type != null && type.trim().toLowerCase(Locale.ROOT).startsWith(SPOOLED_TYPE_PREFIX)) {
            spooled = Files.createTempFile("worklink-sandbox-body-", ".bin");
        }
        try (OutputStream spool = spooled == null ? OutputStream.nullOutputStream() : Files.newOutputStream(spooled)) {
            readPlainBody(in, kept, headBuf, buffer, spool);
        }
    }

    private void readPlainBody(InputStream in, ByteArrayOutputStream kept, byte[] headBuf, byte[] buffer, OutputStream spool)
            throws IOException {
        int headLength = 0;
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
            spool.write(buffer, 0, n);
            if (kept != null) {
                if (kept.size() + n <= MAX_JSON) {
                    kept.write(buffer, 0, n);
                } else {
                    kept = null;
                }
            }
            if (headLength < headBuf.length) {
                int copy = Math.min(n, headBuf.length - headLength);
                System.arraycopy(buffer, 0, headBuf, headLength, copy);
                headLength += copy;
            }
        }
        smallBody = kept == null ? null : kept.toByteArray();
        head = Arrays.copyOf(headBuf, headLength);
    }

    /** Small bodies (most calls) get a small buffer; large or chunked ones the full one. */
    private static int bufferFor(String contentLength) {
        try {
            long length = contentLength == null ? -1 : Long.parseLong(contentLength.trim());
            return length < 0 ? MultipartStream.BUFFER : (int) Math.max(512, Math.min(MultipartStream.BUFFER, length));
        } catch (NumberFormatException e) {
            return MultipartStream.BUFFER;
        }
    }

    boolean isMultipart() {
        return MultipartStream.boundaryOf(header("Content-Type")) != null;
    }

    /** The parts of a well-formed multipart body; empty for other bodies. */
    List<MultipartStream.Part> parts() {
        return parts;
    }

    /** What is wrong with a multipart body, or null. */
    String multipartProblem() {
        return multipartProblem;
    }

    long bodySize() {
        return bodySize;
    }

    /** The hex SHA-256 of the whole body; null for a multipart body nobody needed it for. */
    String bodySha256() {
        return bodySha256;
    }

    /** The first bytes of a body that is not multipart (for content sniffing). */
    byte[] head() {
        return head.clone();
    }

    /**
     * The body of a raw {@code image/*} request, spooled to a temp file as it was read: the caller owns the file from
     * now on (it moves or deletes it). Null for other bodies, or when it was taken already; an untaken file is deleted
     * once the request is answered.
     */
    Path takeSpooledBody() {
        Path file = spooled;
        spooled = null;
        return file;
    }

    private void discardSpooledBody() {
        if (spooled != null) {
            try {
                Files.deleteIfExists(spooled);
            } catch (IOException ignored) {
                // a temp file left behind is all that is lost
            }
            spooled = null;
        }
    }

    /** The body as JSON; an IOException when it is missing, too large (over 64 KiB) or not JSON. */
    JsonNode json() throws IOException {
        if (smallBody == null) {
            throw new IOException(bodySize > MAX_JSON ? "the body is larger than " + MAX_JSON + " bytes" : "the body is not JSON");
        }
        if (smallBody.length == 0) {
            throw new IOException("the body is empty");
        }
        return JSON.readTree(smallBody);
    }

    // ---- the answer

    boolean answered() {
        return answered;
    }

    int status() {
        return status;
    }

    String requestId() {
        return requestId;
    }

    void authenticatedAs(String identity) {
        this.authenticatedAs = identity;
    }

    /** Who the request was authenticated as ({@code aksk:<AK>}, {@code token:<user>}), or null. */
    String authenticatedAs() {
        return authenticatedAs;
    }

    /** A detail for the log line (why a signature failed, what was stored). */
    void note(String text) {
        this.note = text;
    }

    void json(int code, Object body) throws IOException {
        json(code, body, Map.of());
    }

    void json(int code, Object body, Map<String, String> extraHeaders) throws IOException {
        send(code, "application/json;charset=UTF-8", JSON.writeValueAsBytes(body), extraHeaders);
    }

    /** Huawei's error body {@code {"error_code","error_msg"}}. */
    void huaweiError(int code, String huaweiCode, String message) throws IOException {
        huaweiError(code, huaweiCode, message, Map.of());
    }

    void huaweiError(int code, String huaweiCode, String message, Map<String, String> extraHeaders) throws IOException {
        errorCode = huaweiCode;
        errorMessage = message;
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error_code", huaweiCode);
        body.put("error_msg", message);
        json(code, body, extraHeaders);
    }

    void send(int code, String contentType, byte[] body, Map<String, String> extraHeaders) throws IOException {
        if (answered) {
            throw new IllegalStateException("the request " + seq + " was answered twice");
        }
        answered = true;
        status = code;
        onAnswer.accept(this);
        Headers h = exchange.getResponseHeaders();
        h.set("X-Request-Id", requestId);
        if (contentType != null) {
            h.set("Content-Type", contentType);
        }
        extraHeaders.forEach(h::set);
        try {
            exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } finally {
            exchange.close();
            discardSpooledBody();
        }
    }

    /** Answers with a file's bytes, streamed from disk. */
    void sendFile(int code, String contentType, Path file) throws IOException {
        if (answered) {
            throw new IllegalStateException("the request " + seq + " was answered twice");
        }
        answered = true;
        status = code;
        onAnswer.accept(this);
        exchange.getResponseHeaders().set("X-Request-Id", requestId);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        try {
            long size = Files.size(file);
            exchange.sendResponseHeaders(code, size == 0 ? -1 : size);
            if (size > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    Files.copy(file, out);
                }
            }
        } finally {
            exchange.close();
            discardSpooledBody();
        }
    }

    /** Closes the connection without a response: the client sees the connection end (status 0 in the record). */
    void drop(String why) {
        answered = true;
        status = 0;
        if (why != null) {
            note = why;
        }
        onAnswer.accept(this);
        // With no response headers sent, closing the exchange closes the connection itself.
        exchange.close();
        discardSpooledBody();
    }

    // ---- the record

    RecordedRequest record() {
        Map<String, String> shown = new LinkedHashMap<>();
        headers.forEach((k, v) -> shown.put(k, SECRET_HEADERS.contains(k) ? "***" : v));
        String type = header("Content-Type");
        String jsonBody = smallBody != null && type != null && type.toLowerCase(Locale.ROOT).contains("json")
                ? withoutSecrets(new String(smallBody, StandardCharsets.UTF_8)) : null;
        return new RecordedRequest(seq, method(), rawPath(), rawQuery(), shown, parts.stream().map(MultipartStream.Part::recorded).toList(),
                bodySize, bodySha256, jsonBody, status, connection(), authenticatedAs, requestId);
    }

    /** One human line: {@code POST /path -> 200 attachment demo.jar 1234 bytes sha256 ab12cd34ef56… (12 ms)}. */
    String logLine() {
        StringBuilder line = new StringBuilder(method()).append(' ').append(rawPath());
        if (rawQuery() != null) {
            line.append('?').append(rawQuery());
        }
        line.append(" -> ").append(answered && status == 0 ? "no response" : String.valueOf(status));
        if (errorCode != null) {
            line.append(' ').append(errorCode).append(' ').append(errorMessage);
        }
        for (MultipartStream.Part p : parts) {
            line.append(' ').append(p.field()).append(p.fileName() != null ? " " + p.fileName() : "").append(' ').append(p.size())
                    .append(" bytes sha256 ").append(p.sha256(), 0, 12).append('…');
        }
        if (parts.isEmpty() && bodySize > 0) {
            line.append(' ').append(bodySize).append(" bytes");
        }
        if (authenticatedAs != null) {
            line.append(" as ").append(authenticatedAs);
        }
        if (note != null) {
            line.append(" (").append(note).append(')');
        }
        line.append(" in ").append((System.nanoTime() - startNanos) / 1_000_000).append(" ms");
        return line.toString();
    }

    /** Passwords, secrets and tokens ({@code ApplicationToken}) in a recorded JSON body are masked, like secret headers. */
    static String withoutSecrets(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            return root != null && mask(root) ? JSON.writeValueAsString(root) : json;
        } catch (IOException e) {
            return SECRET_JSON_FIELD.matcher(json).replaceAll("$1\"***\"");
        }
    }

    private static boolean mask(JsonNode node) {
        return mask(node, false);
    }

    /** Inside an object named like a token ({@code id_token}, {@code token}), its {@code id} is the token itself. */
    private static boolean mask(JsonNode node, boolean inToken) {
        boolean masked = false;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey().toLowerCase(Locale.ROOT);
                boolean secret = name.contains("password") || name.contains("secret") || name.endsWith("token") || (inToken && name.equals("id"));
                if (secret && field.getValue().isValueNode()) {
                    field.setValue(JSON.getNodeFactory().textNode("***"));
                    masked = true;
                } else {
                    masked |= mask(field.getValue(), name.endsWith("token"));
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode item : node) {
                masked |= mask(item, inToken);
            }
        }
        return masked;
    }

    /** The first line of a message (Jackson's go on about the source position). */
    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Counts what passes through and, when asked, hashes it; only bulk reads, to stay fast. */
    private static final class BodyInput extends InputStream {
        private final InputStream in;
        final StreamingSha256 sha;
        long count;

        BodyInput(InputStream in, boolean hash) {
            this.in = in;
            this.sha = hash ? new StreamingSha256() : null;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
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
