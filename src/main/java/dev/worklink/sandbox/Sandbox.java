package dev.worklink.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in of the services the plugin calls, on loopback: it enforces their documented contracts (id
 * patterns, authentication, multipart field names, size limits), answers with their documented shapes, records
 * what it received for tests to assert on, and can be told to misbehave. Bodies are streamed and hashed, never held.
 *
 * <p>Admin API (not recorded): {@code GET /__sandbox/health}, {@code GET /__sandbox/record}, {@code GET /__sandbox/stats},
 * {@code GET /__sandbox/tokens}, {@code POST /__sandbox/reset}, {@code POST /__sandbox/misbehave} (a {@link Misbehaviour}
 * as JSON), {@code POST /__sandbox/expire-tokens}, {@code POST /__sandbox/attachment-limit} ({@code {"bytes":N}}).
 */
public final class Sandbox implements AutoCloseable {

    private final SandboxOptions options;
    private final HttpServer server;
    private final ExecutorService workers;
    private final List<Route> routes = new ArrayList<>();
    private final List<RecordedRequest> records = new ArrayList<>();
    private final AtomicLong seq = new AtomicLong();
    private final Deque<Misbehaviour> misbehaviours = new ArrayDeque<>();
    private final Set<String> connections = ConcurrentHashMap.newKeySet();
    private final Authentication authentication = new Authentication();
    private final ReqAttachmentService attachments;
    private volatile long attachmentLimit;

    private Sandbox(SandboxOptions options) throws IOException {
        this.options = options;
        this.attachmentLimit = options.attachmentLimitBytes();
        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 128);
        this.workers = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "worklink-sandbox");
            t.setDaemon(true);
            return t;
        });
        new IamService(authentication).register(this);
        attachments = new ReqAttachmentService(this, authentication);
        attachments.register();
        server.createContext("/", this::handle);
        server.setExecutor(workers);
    }

    public static Sandbox start(SandboxOptions options) throws IOException {
        Sandbox sandbox = new Sandbox(options);
        sandbox.server.start();
        return sandbox;
    }

    public String url() {
        return "http://" + options.host() + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Adds a call the sandbox answers; services register theirs when the sandbox is made. */
    void route(String method, String pathRegex, Route.Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), handler));
    }

    long attachmentLimit() {
        return attachmentLimit;
    }

    public void attachmentLimit(long bytes) {
        attachmentLimit = bytes;
    }

    public List<RecordedRequest> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** Clears the record, stored attachments, queued misbehaviour and the attachment limit; tokens stay valid. */
    public void reset() {
        synchronized (records) {
            records.clear();
        }
        synchronized (misbehaviours) {
            misbehaviours.clear();
        }
        connections.clear();
        attachments.reset();
        attachmentLimit = options.attachmentLimitBytes();
    }

    public void misbehave(Misbehaviour m) {
        synchronized (misbehaviours) {
            misbehaviours.add(m);
        }
    }

    /** Every token issued so far answers 401 APIGW.0301 from now on. */
    public void expireTokens() {
        authentication.expireAll();
    }

    /** The IAM tokens the sandbox issued (to check that none leaks). */
    public List<String> issuedTokens() {
        return authentication.issuedTokens();
    }

    public int iamCalls() {
        return (int) records().stream().filter(r -> r.path().equals("/v3/auth/tokens")).count();
    }

    public int connectionsAccepted() {
        return connections.size();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange he) throws IOException {
        String path = he.getRequestURI().getRawPath();
        try {
            if (path.startsWith("/__sandbox/")) {
                admin(he, path);
                return;
            }
            connections.add(he.getRemoteAddress().getAddress().getHostAddress() + ":" + he.getRemoteAddress().getPort());
            Route route = null;
            Matcher matcher = null;
            boolean pathKnown = false;
            for (Route r : routes) {
                Matcher m = r.path().matcher(path);
                if (m.matches()) {
                    pathKnown = true;
                    if (r.method().equals(he.getRequestMethod())) {
                        route = r;
                        matcher = m;
                        break;
                    }
                }
            }
            SandboxExchange ex = new SandboxExchange(he, matcher);
            try {
                serve(ex, route, pathKnown, path);
            } finally {
                record(ex);
            }
        } catch (Exception e) {
            try {
                byte[] body = ("{\"error_code\":\"SANDBOX.0500\",\"error_msg\":\"" + e.getClass().getSimpleName() + "\"}").getBytes(StandardCharsets.UTF_8);
                he.sendResponseHeaders(500, body.length);
                he.getResponseBody().write(body);
            } catch (IOException | RuntimeException ignored) {
                // the response was already under way; the client sees a broken answer
            }
            he.close();
        }
    }

    private void serve(SandboxExchange ex, Route route, boolean pathKnown, String path) throws IOException {
        Misbehaviour m = nextMisbehaviour(path);
        if (m != null) {
            if (m.latencyMillis() > 0) {
                try {
                    Thread.sleep(m.latencyMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (m.drop()) {
                ex.drain();
                ex.dropConnection();
                return;
            }
            if (m.status() > 0) {
                Map<String, String> headers = m.retryAfter() == null ? Map.of() : Map.of("Retry-After", m.retryAfter());
                Map<String, String> body = new LinkedHashMap<>();
                body.put("error_code", "SANDBOX." + m.status());
                body.put("error_msg", "The sandbox was told to answer " + m.status() + " to this call");
                ex.send(m.status(), "application/json;charset=UTF-8", SandboxExchange.JSON.writeValueAsBytes(body), headers);
                return;
            }
        }
        if (route == null) {
            if (pathKnown) {
                ex.huaweiError(405, "APIGW.0405", "The method " + ex.method() + " is not allowed for " + path);
            } else {
                ex.huaweiError(404, "APIGW.0101", "The API does not exist or has not been published in the environment");
            }
            return;
        }
        route.handler().handle(ex);
    }

    private Misbehaviour nextMisbehaviour(String path) {
        synchronized (misbehaviours) {
            Iterator<Misbehaviour> it = misbehaviours.iterator();
            List<Misbehaviour> replaced = new ArrayList<>();
            Misbehaviour hit = null;
            while (it.hasNext()) {
                Misbehaviour m = it.next();
                if (m.pathContains() != null && !path.contains(m.pathContains())) {
                    continue;
                }
                if (m.skip() > 0) {
                    replaced.add(m.afterSkipping(m.skip() - 1));
                    it.remove();
                    break;
                }
                hit = m;
                it.remove();
                if (m.count() > 1) {
                    replaced.add(new Misbehaviour(m.pathContains(), 0, m.count() - 1, m.status(), m.retryAfter(), m.drop(), m.latencyMillis()));
                }
                break;
            }
            for (int i = replaced.size() - 1; i >= 0; i--) {
                misbehaviours.addFirst(replaced.get(i));
            }
            return hit;
        }
    }

    private void record(SandboxExchange ex) {
        RecordedRequest r = ex.record(seq.incrementAndGet());
        synchronized (records) {
            records.add(r);
            if (options.recordFile() != null) {
                try {
                    Files.writeString(options.recordFile(), SandboxExchange.JSON.writeValueAsString(r) + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    if (options.log() != null) {
                        options.log().accept("could not append to " + options.recordFile() + ": " + e.getMessage());
                    }
                }
            }
        }
        if (options.log() != null) {
            StringBuilder line = new StringBuilder(r.method() + " " + r.path() + " -> " + r.status());
            for (RecordedPart p : r.parts()) {
                line.append(", ").append(p.field()).append(' ').append(p.fileName()).append(' ').append(p.size()).append(" bytes")
                        .append(p.sha256() != null ? " sha256 " + p.sha256() : "");
            }
            options.log().accept(line.toString());
        }
    }

    private void admin(HttpExchange he, String path) throws IOException {
        byte[] body = he.getRequestBody().readAllBytes();
        String method = he.getRequestMethod();
        Object answer;
        switch (method + " " + path) {
            case "GET /__sandbox/health" -> answer = Map.of("status", "ok");
            case "GET /__sandbox/record" -> answer = records();
            case "GET /__sandbox/tokens" -> answer = issuedTokens();
            case "GET /__sandbox/stats" -> answer = Map.of("iamCalls", iamCalls(), "connectionsAccepted", connectionsAccepted(),
                    "requests", records().size());
            case "POST /__sandbox/reset" -> {
                reset();
                answer = Map.of("status", "ok");
            }
            case "POST /__sandbox/expire-tokens" -> {
                expireTokens();
                answer = Map.of("status", "ok");
            }
            case "POST /__sandbox/misbehave" -> {
                misbehave(SandboxExchange.JSON.readValue(body, Misbehaviour.class));
                answer = Map.of("status", "ok");
            }
            case "POST /__sandbox/attachment-limit" -> {
                JsonNode node = SandboxExchange.JSON.readTree(body);
                attachmentLimit(node.path("bytes").asLong(options.attachmentLimitBytes()));
                answer = Map.of("status", "ok");
            }
            default -> answer = null;
        }
        byte[] out = answer == null ? "{\"error\":\"unknown admin call\"}".getBytes(StandardCharsets.UTF_8)
                : SandboxExchange.JSON.writeValueAsBytes(answer);
        he.getResponseHeaders().set("Content-Type", "application/json");
        he.sendResponseHeaders(answer == null ? 404 : 200, out.length);
        try (OutputStream o = he.getResponseBody()) {
            o.write(out);
        }
    }
}
