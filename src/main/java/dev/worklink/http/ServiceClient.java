package dev.worklink.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * Sends {@link ServiceRequest}s: authenticates each attempt afresh, retries transient failures with exponential
 * backoff and jitter (honouring {@code Retry-After}), refreshes credentials once after a 401, and turns error
 * answers into {@link ServiceException}s carrying the service's own words. It is the single place where bytes
 * leave the machine, so the dry-run and offline guards live here.
 */
public final class ServiceClient {

    /** Longest wait a {@code Retry-After} may ask for; a longer one is cut to this. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);
    /** How much of an error body is read for its message; success bodies are read whole. */
    static final int MAX_ERROR_BODY = 64 * 1024;

    /** Made on the first request really sent: a dry run or an offline failure never builds a client. */
    private final java.util.function.Supplier<CloseableHttpClient> http;
    private final HttpSettings settings;
    private final Log log;
    private final Sleeper sleeper;
    private final ClearTextRule clearText;

    public ServiceClient(java.util.function.Supplier<CloseableHttpClient> http, HttpSettings settings, Log log, Sleeper sleeper) {
        this.http = http;
        this.settings = settings;
        this.log = log;
        this.sleeper = sleeper;
        this.clearText = new ClearTextRule(settings.allowInsecure(), log);
    }

    public ServiceClient(CloseableHttpClient http, HttpSettings settings, Log log, Sleeper sleeper) {
        this(() -> http, settings, log, sleeper);
    }

    public ServiceClient(CloseableHttpClient http, HttpSettings settings, Log log) {
        this(() -> http, settings, log, Sleeper.REAL);
    }

    public HttpSettings settings() {
        return settings;
    }

    public Log log() {
        return log;
    }

    /**
     * Sends the request and returns its 2xx answer.
     *
     * @throws ServiceException      the service answered with an error (after retries, for transient ones)
     * @throws MayHaveActedException a call that is not safe to repeat went out but got no usable answer (see
     *                               {@link ServiceRequest.Idempotence#NOT_IDEMPOTENT})
     * @throws OfflineException      Maven is offline and this is not a dry run
     * @throws InsecureEndpointException the URL is {@code http://} to another machine and {@code allowInsecure} is not set
     * @throws IOException           the network failed after every retry
     */
    public ServiceResponse execute(ServiceRequest request, RequestAuthenticator auth) throws IOException {
        return execute(request, auth, 0);
    }

    /**
     * Sends the request again after its caller found that an earlier attempt, reported as {@link MayHaveActedException},
     * did not take effect: the retry budget goes on from {@code attemptsMade}, after a backoff.
     */
    public ServiceResponse execute(ServiceRequest request, RequestAuthenticator auth, int attemptsMade) throws IOException {
        // The goals check every endpoint before their first call; this is the last guard, where bytes would leave.
        clearText.check(request.uri(), "for " + request.label());
        if (settings.dryRun()) {
            logDryRun(request, auth);
            return ServiceResponse.notSent();
        }
        if (settings.offline()) {
            throw new OfflineException(request.label());
        }
        boolean refreshed = false;
        int attempt = attemptsMade;
        if (attemptsMade > 0) {
            pause(request, backoff(attemptsMade - 1));
        }
        while (true) {
            Duration wait;
            String reason;
            SentWhole sent = new SentWhole();
            try {
                Attempt result = send(request, auth, sent);
                if (result.status >= 200 && result.status < 300) {
                    return result.response;
                }
                if (result.status == 401 && !refreshed && auth.refreshAfterUnauthorized(request.label())) {
                    refreshed = true;
                    log.info("The service rejected the credentials for " + request.label() + " (401); obtained a fresh token, trying once more.");
                    continue;
                }
                ServiceException error = errorOf(request.label(), result);
                if (!isTransientStatus(result.status)) {
                    throw error;
                }
                if (!request.safeToRepeat() && mayHaveActed(result.status)) {
                    throw new MayHaveActedException(request.label(), "HTTP " + result.status, result.status, attempt + 1,
                            attempt < settings.retries(), error);
                }
                if (attempt >= settings.retries()) {
                    throw error;
                }
                wait = retryAfter(result.response.header("Retry-After")).orElse(backoff(attempt));
                reason = "HTTP " + result.status;
            } catch (ServiceException | MayHaveActedException e) {
                throw e;
            } catch (IOException e) {
                if (e instanceof javax.net.ssl.SSLException) {
                    throw new IOException(tlsFailure(request, e), e);
                }
                if (!isTransientFailure(e)) {
                    throw new IOException(request.label() + " failed: " + describe(e), e);
                }
                if (!request.safeToRepeat() && !cannotHaveActed(e, sent.whole)) {
                    throw new MayHaveActedException(request.label(), describe(e), 0, attempt + 1,
                            attempt < settings.retries(), e);
                }
                if (attempt >= settings.retries()) {
                    throw new IOException(request.label() + " failed after " + (attempt + 1) + " attempt(s): " + describe(e)
                            + ". Check that " + request.uri().getScheme() + "://" + request.uri().getAuthority()
                            + " is reachable (proxies in settings.xml, firewall), or raise worklink.retries.", e);
                }
                wait = backoff(attempt);
                reason = describe(e);
            }
            attempt++;
            log.warn(request.label() + ": " + reason + "; retrying in " + wait.toMillis() + " ms (attempt " + (attempt + 1)
                    + " of " + (settings.retries() + 1) + ")");
            pause(request, wait);
        }
    }

    private void pause(ServiceRequest request, Duration wait) throws InterruptedIOException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to retry " + request.label());
        }
    }

    private record Attempt(int status, ServiceResponse response) {}

    /** Set once the request's body has been written whole to the connection (a request without body: at once). */
    private static final class SentWhole {
        volatile boolean whole;
    }

    private Attempt send(ServiceRequest request, RequestAuthenticator auth, SentWhole sent) throws IOException {
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), request.uri());
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            http.addHeader(h.getKey(), h.getValue());
        }
        for (Map.Entry<String, String> h : auth.headersFor(request).entrySet()) {
            http.setHeader(h.getKey(), h.getValue());
        }
        long bytes = attachBody(http, request);
        if (http.getEntity() == null) {
            // Without a body there is no telling whether the request line went out before the failure: assume it did.
            sent.whole = true;
        } else {
            http.setEntity(new HttpEntityWrapper(http.getEntity()) {
                @Override
                public void writeTo(java.io.OutputStream out) throws IOException {
                    super.writeTo(out);
                    sent.whole = true;
                }
            });
        }
        if (log.isDebugEnabled()) {
            log.debug("HTTP " + request.method() + " " + request.uri() + " " + maskedHeaders(http.getHeaders()) + " " + request.body().summary());
        }
        // The client is built on first use; its set-up is not part of the transfer the report times.
        CloseableHttpClient client = this.http.get();
        long start = System.nanoTime();
        return client.execute(http, new AnswerReader(request, bytes, start));
    }

    /**
     * Reads an answer into an {@link Attempt}. A class and not a lambda: a lambda that captures {@code long}s links
     * through method-handle classes that a fresh JVM spins as the first upload starts (BuildScope.key says why).
     */
    private final class AnswerReader implements HttpClientResponseHandler<Attempt> {
        private final ServiceRequest request;
        private final long bytes;
        private final long start;

        AnswerReader(ServiceRequest request, long bytes, long start) {
            this.request = request;
            this.bytes = bytes;
            this.start = start;
        }

        @Override
        public Attempt handleResponse(ClassicHttpResponse response) throws IOException {
            String body = bodyOf(response.getCode(), response.getEntity());
            long elapsed = System.nanoTime() - start;
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header h : response.getHeaders()) {
                headers.putIfAbsent(h.getName(), h.getValue());
            }
            ServiceResponse r = new ServiceResponse(response.getCode(), headers, body == null ? "" : body,
                    headerIgnoringCase(headers, "X-Request-Id"), false, bytes, elapsed);
            if (log.isDebugEnabled()) {
                log.debug("HTTP " + response.getCode() + " for " + request.method() + " " + request.uri()
                        + (r.requestId() != null ? " (X-Request-Id " + r.requestId() + ")" : ""));
            }
            return new Attempt(response.getCode(), r);
        }
    }

    /**
     * A 2xx body whole: a list of 100 attachments with their users runs past any small cap, and a cut answer would not
     * parse. An error body only up to {@link #MAX_ERROR_BODY}: it is read for the service's message alone. Text without
     * a declared charset is UTF-8, JSON's own (RFC 8259), rather than HTTP's old ISO-8859-1 default.
     */
    static String bodyOf(int status, HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        try {
            String body = status >= 200 && status < 300
                    ? EntityUtils.toString(entity, StandardCharsets.UTF_8)
                    : EntityUtils.toString(entity, StandardCharsets.UTF_8, MAX_ERROR_BODY);
            return body == null ? "" : body;
        } catch (org.apache.hc.core5.http.ParseException e) {
            throw new IOException("the answer's Content-Type cannot be read: " + e.getMessage(), e);
        }
    }

    private long attachBody(HttpUriRequestBase http, ServiceRequest request) throws IOException {
        RequestBody body = request.body();
        HttpEntity entity;
        if (body instanceof RequestBody.Json json) {
            // The Content-Type goes out exactly as the request states it: an AK/SK signature covers it, and HttpClient
            // would re-format one taken from the entity ("a;charset=b" as "a; charset=b").
            if (!http.containsHeader("Content-Type")) {
                http.setHeader("Content-Type", ServiceRequest.JSON_CONTENT_TYPE);
            }
            entity = new ByteArrayEntity(json.bytes(), null);
        } else if (body instanceof RequestBody.MultipartFile file) {
            TransferProgress progress = new TransferProgress(file.fileName(), Files.size(file.file()), log);
            // File names go out as UTF-8 (as browsers send them), but the part's charset stays off the
            // Content-Type header, which some gateways refuse: the header is set here with the boundary alone.
            String boundary = "worklink-" + java.util.UUID.randomUUID();
            http.setHeader("Content-Type", "multipart/form-data; boundary=" + boundary);
            entity = MultipartEntityBuilder.create()
                    .setMode(HttpMultipartMode.LEGACY)
                    .setCharset(StandardCharsets.UTF_8)
                    .setBoundary(boundary)
                    .addPart(file.field(), new StreamedFileBody(file.file(), file.fileName(), ContentType.parse(file.contentType()), progress))
                    .build();
        } else if (body instanceof RequestBody.RawFile file) {
            http.removeHeaders("Content-Type");
            TransferProgress progress = new TransferProgress(file.file().getFileName().toString(), Files.size(file.file()), log);
            entity = new StreamedFileEntity(file.file(), ContentType.parse(file.contentType()), progress);
        } else {
            return 0;
        }
        http.setEntity(entity);
        return entity.getContentLength();
    }

    private void logDryRun(ServiceRequest request, RequestAuthenticator auth) {
        StringBuilder sb = new StringBuilder("[dry run] would send ").append(request.method()).append(' ').append(request.uri());
        request.headers().forEach((k, v) -> sb.append("\n    ").append(k).append(": ").append(RequestAuthenticator.isSecretHeader(k) ? "****" : v));
        sb.append("\n    (credentials: ").append(auth.describe()).append(')');
        sb.append("\n    body: ").append(request.body().summary());
        log.info(sb.toString());
    }

    private static String maskedHeaders(Header[] headers) {
        StringBuilder sb = new StringBuilder("[");
        for (Header h : headers) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(h.getName()).append(": ").append(RequestAuthenticator.isSecretHeader(h.getName()) ? "****" : h.getValue());
        }
        return sb.append(']').toString();
    }

    static boolean isTransientStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /**
     * A gateway's 502 or 504 may come after the service behind it acted; a 429 or 503 means the request was turned
     * away before anything was done.
     */
    static boolean mayHaveActed(int status) {
        return status == 502 || status == 504;
    }

    /** Connection refused, reset or dropped, and timeouts: worth another attempt. An unknown host is not. */
    static boolean isTransientFailure(IOException e) {
        if (e instanceof UnknownHostException || e instanceof javax.net.ssl.SSLHandshakeException) {
            return false;
        }
        return e instanceof HttpHostConnectException || e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof ConnectTimeoutException || e instanceof NoHttpResponseException
                || e instanceof SocketTimeoutException || e instanceof SocketException
                || e instanceof org.apache.hc.core5.http.ConnectionClosedException;
    }

    /**
     * A failure that shows the service cannot have acted: no connection was made (refused, unreachable, connect
     * timeout), or the body did not go out whole (a service acts on a whole request only). A timeout or a reset after
     * the body went out, or a connection closed with no answer, may come after the service acted.
     */
    static boolean cannotHaveActed(IOException e, boolean bodySentWhole) {
        if (e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof ConnectTimeoutException) {
            return true;
        }
        return !bodySentWhole;
    }

    /**
     * A TLS failure, with what to do when the service's certificate comes from a CA the JVM does not know: the plugin
     * verifies certificates against the JVM's trust store, which the standard {@code javax.net.ssl.*} properties choose.
     */
    static String tlsFailure(ServiceRequest request, IOException e) {
        return request.label() + " failed: the TLS connection to " + request.uri().getScheme() + "://" + request.uri().getRawAuthority()
                + " could not be set up: " + describe(e) + ". If the service's certificate comes from a certificate authority of your "
                + "own (a company CA, a test environment), give Maven's JVM a trust store that holds it: "
                + "-Djavax.net.ssl.trustStore=/path/to/truststore.p12 -Djavax.net.ssl.trustStorePassword=<password> "
                + "(in MAVEN_OPTS or .mvn/jvm.config). Check also that the host name matches the certificate.";
    }

    private static String describe(IOException e) {
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    Duration backoff(int attempt) {
        long base = settings.backoffBase().toMillis() << Math.min(attempt, 16);
        // Equal jitter: half fixed, half random, so that parallel uploads spread out but still wait.
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    /** {@code Retry-After} as seconds or an HTTP date, capped at {@link #MAX_RETRY_AFTER}. */
    static java.util.Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                d = Duration.between(ZonedDateTime.now(when.getZone()), when);
            } catch (java.time.format.DateTimeParseException notDate) {
                return java.util.Optional.empty();
            }
        }
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return java.util.Optional.of(d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
    }

    private static ServiceException errorOf(String label, Attempt result) {
        String[] codeAndMessage = errorWords(result.response.body());
        return new ServiceException(label, result.status, codeAndMessage[0], codeAndMessage[1], result.response.requestId());
    }

    /**
     * The service's own error code and message from an error body: Huawei's {@code error_code}/{@code error_msg},
     * IAM's {@code {"error":{"code","message"}}}, a CodeArts {@code {"status":"error","message"}} or SuperOffice's
     * {@code Error}/{@code Message}; else the body text itself.
     */
    public static String[] errorWords(String body) {
        if (body == null || body.isBlank()) {
            return new String[] {null, null};
        }
        try {
            JsonNode node = Json.mapper().readTree(body);
            if (node != null && node.isObject()) {
                if (node.hasNonNull("error_code") || node.hasNonNull("error_msg")) {
                    return new String[] {text(node, "error_code"), text(node, "error_msg")};
                }
                JsonNode error = node.get("error");
                if (error != null && error.isObject()) {
                    return new String[] {text(error, "code"), text(error, "message")};
                }
                if (node.hasNonNull("Error") || node.hasNonNull("Message")) {
                    return new String[] {text(node, "ErrorType"), node.hasNonNull("Message") ? text(node, "Message") : text(node, "Error")};
                }
                if (node.hasNonNull("message")) {
                    return new String[] {text(node, "code"), text(node, "message")};
                }
            }
        } catch (IOException notJson) {
            // fall through to the plain text
        }
        String text = body.strip();
        return new String[] {null, text.length() > 500 ? text.substring(0, 500) + "…" : text};
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String headerIgnoringCase(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
