package dev.worklink.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.RequestBody;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceException;
import dev.worklink.http.ServiceRequest;
import dev.worklink.http.ServiceResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Obtains an IAM user token with a password ({@code POST /v3/auth/tokens}) and keeps it for the whole build:
 * every goal and module asking for the same user, domain, region and IAM host shares one token, fetched once.
 * A token the service rejected (401) is fetched again, once, by whichever thread notices first.
 */
public final class IamTokenSource {

    /** Tokens live 24 hours; one closer than this to its end is fetched again before use. */
    static final Duration EXPIRY_MARGIN = Duration.ofMinutes(10);
    static final Duration LIFETIME = Duration.ofHours(24);

    private static final Map<Key, IamTokenSource> SHARED = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Key(URI iamEndpoint, String user, String domain, String region, String passwordHash) {}

    private final URI iamEndpoint;
    private final String user;
    private final String password;
    private final String domain;
    private final String region;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MIN;
    /** IAM refused these credentials: asking again would only count towards locking the user out. */
    private ServiceException refused;
    private int fetches;

    IamTokenSource(URI iamEndpoint, String user, String password, String domain, String region, Clock clock) {
        this.iamEndpoint = iamEndpoint;
        this.user = user;
        this.password = password;
        this.domain = domain;
        this.region = region;
        this.clock = clock;
    }

    /** The token source of this process for these credentials, created on first use. */
    public static IamTokenSource shared(URI iamEndpoint, String user, String password, String domain, String region) {
        Key key = new Key(iamEndpoint, user, domain, region, AkSkSigner.sha256Hex(password.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return SHARED.computeIfAbsent(key, k -> new IamTokenSource(iamEndpoint, user, password, domain, region, Clock.systemUTC()));
    }

    /** Forgets every shared token (tests only). */
    static void clearShared() {
        SHARED.clear();
    }

    public String user() {
        return user;
    }

    public String domain() {
        return domain;
    }

    public URI iamEndpoint() {
        return iamEndpoint;
    }

    /** How many times this source called IAM. */
    public synchronized int fetches() {
        return fetches;
    }

    /** A valid token, fetched from IAM if there is none yet or it is about to expire. */
    public synchronized String token(ServiceClient client) throws IOException {
        if (token == null || clock.instant().isAfter(expiresAt.minus(EXPIRY_MARGIN))) {
            fetch(client);
        }
        return token;
    }

    /**
     * After a 401 for {@code rejected}: fetches a new token, unless another caller already replaced it.
     *
     * @return the token to use now
     */
    public synchronized String refresh(ServiceClient client, String rejected) throws IOException {
        if (token == null || Objects.equals(token, rejected)) {
            fetch(client);
        }
        return token;
    }

    private void fetch(ServiceClient client) throws IOException {
        if (refused != null) {
            throw new ServiceException(refused.label(), refused.status(), refused.errorCode(), refused.errorMessage(), refused.requestId());
        }
        try {
            fetchOnce(client);
        } catch (ServiceException e) {
            if (e.isClientError()) {
                refused = e;
            }
            throw e;
        }
    }

    private void fetchOnce(ServiceClient client) throws IOException {
        URI uri = iamEndpoint.resolve(stripSlash(iamEndpoint.getPath()) + "/v3/auth/tokens?nocatalog=true");
        ServiceRequest request = ServiceRequest.json("POST", uri, requestBody(), "get an IAM token for user '" + user + "'");
        request = new ServiceRequest(request.method(), request.uri(), request.headers(), new RequestBody.Json(requestBody(), true), request.label());
        ServiceResponse response = client.execute(request, RequestAuthenticator.NONE);
        if (response.dryRun()) {
            token = null;
            return;
        }
        String subjectToken = response.header("X-Subject-Token");
        if (subjectToken == null || subjectToken.isBlank()) {
            throw new IOException("IAM at " + iamEndpoint + " answered HTTP " + response.status()
                    + " without an X-Subject-Token header; is " + iamEndpoint + " an IAM endpoint?");
        }
        fetches++;
        token = subjectToken;
        expiresAt = clock.instant().plus(LIFETIME);
    }

    private static String stripSlash(String path) {
        return path == null ? "" : path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    byte[] requestBody() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode auth = root.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode userNode = identity.putObject("password").putObject("user");
        userNode.put("name", user);
        userNode.put("password", password);
        userNode.putObject("domain").put("name", domain);
        auth.putObject("scope").putObject("project").put("name", region);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
