package dev.worklink.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;

/**
 * A local stand-in of the Huawei Cloud services the plugin calls (IAM tokens, CodeArts Req attachments), on
 * loopback. It enforces their documented contracts (id patterns, authentication by token or AK/SK signature,
 * multipart field names, the attachment size limit), answers with their documented shapes, records what it received
 * for tests to assert on, and can be told to misbehave. Bodies are streamed and hashed, never held: a 1 GiB upload
 * takes no more memory than a small one.
 *
 * <p>It accepts only the identities in {@link SandboxCredentials}. It is driven from Java (this class) or over HTTP
 * through its admin API under {@code /__sandbox/} (see {@link AdminApi}); admin calls are not recorded.
 */
public final class Sandbox implements AutoCloseable {

    private static final int THREADS = 32;
    /** The largest body of an AK/SK-signed request Huawei's API gateway takes: 12 MB. */
    static final long MAX_SIGNED_BODY = 12L * 1024 * 1024;

    private final SandboxOptions options;
    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final Authentication authentication;
    private final List<SandboxService> services;
    private final SuperOfficeService superOffice;
    private final IdentityProvider identityProvider = new IdentityProvider();
    private final ReqAttachmentService attachments;
    private final List<Route> routes = new ArrayList<>();
    private final AdminApi admin = new AdminApi(this);
    private final MisbehaviourQueue misbehaviours = new MisbehaviourQueue();
    private final Recorder recorder;
    private final AtomicLong seq = new AtomicLong();
    private final Set<String> connections = ConcurrentHashMap.newKeySet();
    /** HTTPS listeners by port, serving the same services and record as the HTTP one (see {@link #listenHttps}). */
    private final Map<Integer, HttpsServer> httpsListeners = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private volatile long attachmentLimit;
    private volatile ListShape listShape = ListShape.DOC;
    private volatile boolean requireProjectId;
    private volatile boolean closed;

    private Sandbox(SandboxOptions options) throws IOException {
        this.options = options;
        this.attachmentLimit = options.attachmentLimitBytes();
        Clock clock = Clock.systemUTC();
        this.authentication = new Authentication(clock);
        this.superOffice = new SuperOfficeService(clock);
        this.attachments = new ReqAttachmentService(this::attachmentLimit, this::listShape, clock);
        this.services = List.of(
                new IamService(authentication, identityProvider, clock),
                new IamProjectsService(),
                new GitHubIdTokenService(identityProvider),
                attachments,
                new PlanService(clock),
                new PipelineIconService(),
                superOffice);
        services.forEach(s -> routes.addAll(s.routes()));
        this.recorder = new Recorder(options.recordFile(), options.log());
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "worklink-sandbox-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        workers.allowCoreThreadTimeOut(true);
        // The JDK server writes a response's headers and body apart; without TCP_NODELAY, Nagle's algorithm holds the
        // body until the client's delayed ACK, some 40 ms a call. The JDK reads the setting once, at its first server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 128);
        } catch (IOException e) {
            recorder.close();
            workers.shutdown();
            throw e;
        }
        server.createContext("/", this::handle);
        server.setExecutor(workers);
    }

    /**
     * Also serves over HTTPS on {@code port} (0: any free port), with the certificate of {@code tls}: the same services,
     * misbehaviours and record as over HTTP, so that a test can check TLS set-up (trust stores, proxies that tunnel)
     * for real. Admin calls stay on the HTTP side. A port that already has an HTTPS listener keeps it.
     *
     * @return {@code https://<host>:<port>}
     */
    public synchronized String listenHttps(int port, javax.net.ssl.SSLContext tls) throws IOException {
        HttpsServer existing = port == 0 ? null : httpsListeners.get(port);
        HttpsServer https = existing;
        if (https == null) {
            https = HttpsServer.create(new InetSocketAddress(options.host(), port), 128);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            https.createContext("/", this::handle);
            https.setExecutor(workers);
            https.start();
            httpsListeners.put(https.getAddress().getPort(), https);
        }
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "https://" + host + ":" + https.getAddress().getPort();
    }

    /** Starts a sandbox listening on {@code options.host()} and {@code options.port()} (0: any free port). */
    public static Sandbox start(SandboxOptions options) throws IOException {
        Sandbox sandbox = new Sandbox(options);
        sandbox.server.start();
        return sandbox;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String url() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + host + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The requests received since the last reset, in arrival order (admin calls are not recorded). */
    public List<RecordedRequest> records() {
        return recorder.snapshot();
    }

    /**
     * Forgets the record, stored attachments, queued misbehaviour and the connections seen, and restores the
     * attachment limit it started with and the doc page's list shape. Issued tokens stay as they are.
     */
    public void reset() {
        recorder.clear();
        misbehaviours.clear();
        connections.clear();
        peakInFlight.set(inFlight.get());
        services.forEach(SandboxService::reset);
        attachmentLimit = options.attachmentLimitBytes();
        listShape = ListShape.DOC;
        requireProjectId = false;
    }

    /**
     * The most requests (admin calls aside) the sandbox was serving at one moment since it started or was reset: the
     * evidence that calls overlapped, which no wall-clock measurement gives reliably on a busy machine.
     */
    public int peakConcurrentRequests() {
        return peakInFlight.get();
    }

    /** Queues a misbehaviour; see {@link Misbehaviour} for how queued ones apply. */
    public void misbehave(Misbehaviour m) {
        misbehaviours.add(m);
    }

    /** Every token issued so far is refused with 401 APIGW.0301 from now on (the ready token stays valid). */
    public void expireTokens() {
        authentication.expireAll();
    }

    /** The IAM tokens the sandbox issued (to check that none leaks into a log). */
    public List<String> issuedTokens() {
        return authentication.issuedTokens();
    }

    /** The recorded {@code POST /v3/auth/tokens} calls. */
    public int iamCalls() {
        return (int) records().stream().filter(r -> r.method().equals("POST") && r.path().equals("/v3/auth/tokens")).count();
    }

    /**
     * Until the next reset, the IAM identity provider {@code idpId} (its client id {@code clientId}, the audience GitHub
     * Actions is asked for) accepts only {@code idToken}. The defaults are in {@link SandboxCredentials}.
     */
    public void identityProvider(String idpId, String clientId, String idToken) {
        if (idpId == null || idpId.isBlank() || clientId == null || clientId.isBlank() || idToken == null || idToken.isBlank()) {
            throw new IllegalArgumentException("an identity provider needs a non-empty idpId, clientId and idToken");
        }
        identityProvider.configure(new IdentityProvider.Config(idpId, clientId, idToken));
    }

    /**
     * The identity provider's configuration and what federation issued since the last reset:
     * {@code {idpId, clientId, idToken, unscopedTokens: [..], temporaryKeys: [{access, secret, securitytoken, expires_at}]}}.
     */
    public Map<String, Object> federation() {
        return identityProvider.state();
    }

    /** Distinct TCP connections (client address and port) that carried requests since the last reset. */
    public int connectionsAccepted() {
        return connections.size();
    }

    public long attachmentLimit() {
        return attachmentLimit;
    }

    /** Sets the largest attachment accepted until the next reset. */
    public void attachmentLimit(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("the attachment limit is a positive number of bytes, not " + bytes);
        }
        attachmentLimit = bytes;
    }

    /**
     * The CodeArts Req attachments stored since the last reset, oldest first, each as {@code id, projectId, issueId,
     * fileName, size, sha256} (admin API: {@code GET /__sandbox/attachments}).
     */
    public List<Map<String, Object>> storedAttachments() {
        List<Map<String, Object>> result = new ArrayList<>();
        for (ReqAttachmentService.Stored s : attachments.stored()) {
            Map<String, Object> item = new java.util.LinkedHashMap<>();
            item.put("id", s.id());
            item.put("projectId", s.projectId());
            item.put("issueId", s.issueId());
            item.put("fileName", s.fileName());
            item.put("size", s.size());
            item.put("sha256", s.sha256());
            result.add(item);
        }
        return result;
    }

    public ListShape listShape() {
        return listShape;
    }

    /**
     * Words IPD attachment list entries as the doc page does or as the official SDKs model them, until the next reset
     * (admin API: {@code POST /__sandbox/list-shape} with {@code {"shape":"doc"|"sdk"}}).
     */
    public void listShape(ListShape shape) {
        listShape = java.util.Objects.requireNonNull(shape, "shape");
    }

    public boolean requiresProjectId() {
        return requireProjectId;
    }

    /**
     * When true, AK/SK-signed CodeArts requests must carry a signed {@code X-Project-Id} naming the account's IAM project
     * ({@link SandboxCredentials#IAM_PROJECT_ID}), as the official SDK always sends one; others get 401 APIGW.0301. Until
     * the next reset (admin API: {@code POST /__sandbox/require-project-id} with {@code {"required":true}}).
     */
    public void requireProjectId(boolean required) {
        requireProjectId = required;
    }

    /** The recorded IAM project queries ({@code GET /v3/projects}). */
    public int projectLookups() {
        return (int) records().stream().filter(r -> r.method().equals("GET") && r.path().equals(IamProjectsService.PATH)).count();
    }

    /**
     * SuperOffice system user logins signed with the private key of this public key are accepted, until the next
     * reset (admin API: {@code POST /__sandbox/superoffice-public-key}).
     */
    public void registerSuperOfficePublicKey(java.security.PublicKey key) {
        superOffice.registerPublicKey(key);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        httpsListeners.values().forEach(h -> h.stop(0));
        workers.shutdownNow();
        recorder.close();
        superOffice.close();
    }

    private void handle(HttpExchange he) {
        try {
            if (he.getRequestURI().getRawPath().startsWith(AdminApi.PREFIX)) {
                admin.handle(he);
            } else {
                serve(new SandboxExchange(he, seq.incrementAndGet(), ex -> recorder.record(ex.record(), ex.logLine())));
            }
        } catch (IOException | RuntimeException e) {
            he.close();
        }
    }

    /** Read the body, then misbehave, or route, authenticate and answer; the answer records the request. */
    private void serve(SandboxExchange ex) {
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            serveCounted(ex);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void serveCounted(SandboxExchange ex) {
        connections.add(ex.connection());
        Misbehaviour fault = misbehaviours.next(ex.rawPath());
        try {
            ex.receiveBody(Authentication.signatureCoversBody(ex.headers()));
            if (fault == null || !misbehave(ex, fault)) {
                dispatch(ex);
            }
        } catch (IOException e) {
            ex.note("connection lost: " + e.getMessage());
        } catch (RuntimeException e) {
            ex.note("sandbox failure: " + e);
            if (!ex.answered()) {
                try {
                    ex.huaweiError(500, "SANDBOX.0500", "The sandbox failed: " + e);
                } catch (IOException | RuntimeException ignored) {
                    // the connection is gone as well
                }
            }
        } finally {
            if (!ex.answered()) {
                ex.drop(null);
            }
        }
    }

    /**
     * Plays a misbehaviour; false when the request is then to be served normally (latency alone, or a lost answer:
     * served, and then the answer dropped).
     */
    private static boolean misbehave(SandboxExchange ex, Misbehaviour m) throws IOException {
        if (m.latencyMillis() > 0) {
            try {
                Thread.sleep(m.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (m.loseAnswer()) {
            ex.loseAnswer();
            return false;
        }
        if (m.drop()) {
            ex.drop("misbehaviour: dropped");
            return true;
        }
        if (m.status() > 0) {
            ex.note("misbehaviour");
            ex.huaweiError(m.status(), String.format("APIGW.%04d", m.status()),
                    "The sandbox was told to answer " + m.status() + " to this request",
                    m.retryAfter() == null ? Map.of() : Map.of("Retry-After", m.retryAfter()));
            return true;
        }
        return false;
    }

    private void dispatch(SandboxExchange ex) throws IOException {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Matcher m = route.path().matcher(ex.rawPath());
            if (!m.matches()) {
                continue;
            }
            if (!route.method().equals(ex.method())) {
                allowed.add(route.method());
                continue;
            }
            ex.route(m);
            if (route.authenticated()) {
                Authentication.Verdict verdict = authentication.check(ex);
                if (verdict.failure() != null) {
                    ex.huaweiError(401, "APIGW.0301", Authentication.FAILURE_PREFIX + verdict.failure());
                    return;
                }
                ex.authenticatedAs(verdict.identity());
                boolean signed = verdict.identity().startsWith("aksk:") || verdict.identity().startsWith("temporary:");
                if (signed && ex.bodySize() > MAX_SIGNED_BODY) {
                    // Huawei's API gateway takes AK/SK-signed bodies of at most 12 MB (the error code is the sandbox's own).
                    ex.huaweiError(413, "APIGW.0413", "The request body is " + ex.bodySize() + " bytes; AK/SK-signed requests carry at most "
                            + MAX_SIGNED_BODY + " bytes (12 MB)");
                    return;
                }
                if (requireProjectId && signed && !ex.rawPath().startsWith("/v3/")) {
                    String problem = ProjectScope.problem(ex.headers());
                    if (problem != null) {
                        ex.huaweiError(401, "APIGW.0301", Authentication.FAILURE_PREFIX + problem);
                        return;
                    }
                }
            }
            route.handler().handle(ex);
            if (!ex.answered()) {
                throw new IllegalStateException("the handler of " + route.method() + " " + route.path() + " did not answer");
            }
            return;
        }
        if (!allowed.isEmpty()) {
            ex.huaweiError(405, "APIGW.0101", "The API does not exist or has not been published in the environment: "
                    + ex.method() + " is not allowed here, only " + String.join(", ", allowed), Map.of("Allow", String.join(", ", allowed)));
            return;
        }
        ex.huaweiError(404, "APIGW.0101", "The API does not exist or has not been published in the environment");
    }
}
