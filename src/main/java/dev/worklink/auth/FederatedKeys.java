package dev.worklink.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worklink.http.BuildScope;
import dev.worklink.http.Json;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceException;
import dev.worklink.http.ServiceRequest;
import dev.worklink.http.ServiceResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Temporary keys obtained by IAM identity federation with an OIDC ID token, as huaweicloud-sdk-java-v3's
 * {@code core/.../auth/FederalAccessor.java} and {@code IamHelper.java} do it, in two calls:
 * <ol>
 * <li>CreateTokenWithIdToken: {@code POST {iam}/v3.0/OS-AUTH/id-token/tokens}, header {@code X-Idp-Id}, no
 * Authorization, body {@code {"auth":{"id_token":{"id":"<JWT>"}}}} → 201, the unscoped token in {@code X-Subject-Token};</li>
 * <li>CreateTemporaryAccessKeyByToken: {@code POST {iam}/v3.0/OS-CREDENTIAL/securitytokens}, no Authorization, body
 * {@code {"auth":{"identity":{"methods":["token"],"token":{"id":"<unscoped token>","duration_seconds":21600}}}}} → 201
 * {@code {"credential":{"access","secret","securitytoken","expires_at"}}}.</li>
 * </ol>
 * One instance per build ({@link #shared}), so every goal and module signs with the same keys after one exchange. As
 * the SDK's {@code AbstractCredentials} (lazily, on the first request; again when fewer than 40 minutes of the keys'
 * life remain, {@code DEFAULT_EXPIRATION_THRESHOLD_SECONDS}), re-reading the ID token each time. An exchange IAM
 * refused (400, 401, 403; 404 for an unknown identity provider) is not repeated in the same build: the same token would
 * be refused again.
 */
public final class FederatedKeys implements AutoCloseable {

    /** The SDK's {@code AbstractCredentials.DEFAULT_EXPIRATION_THRESHOLD_SECONDS}: 40 minutes. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(40);
    /** The SDK's {@code FederalAccessor.DEFAULT_DURATION_SECONDS}: 6 hours. */
    static final int DURATION_SECONDS = 6 * 60 * 60;

    static final String ID_TOKEN_PATH = "/v3.0/OS-AUTH/id-token/tokens";
    static final String SECURITY_TOKENS_PATH = "/v3.0/OS-CREDENTIAL/securitytokens";

    private final URI iamEndpoint;
    private final String idpId;
    private final IdTokenSource idToken;
    private final Clock clock;
    private TemporaryKeys keys;
    private ServiceException refused;
    private int exchanges;

    FederatedKeys(URI iamEndpoint, String idpId, IdTokenSource idToken, Clock clock) {
        this.iamEndpoint = iamEndpoint;
        this.idpId = idpId;
        this.idToken = idToken;
        this.clock = clock;
    }

    /**
     * The build's federation for this identity provider, ID token source and IAM host, made on first use. Two
     * federations are the same when those are; the ID token counts only by where it comes from.
     */
    public static FederatedKeys shared(BuildScope build, URI iamEndpoint, String idpId, IdTokenSource idToken) {
        return build.shared(BuildScope.key(FederatedKeys.class, iamEndpoint, idpId, idToken.describe()), FederatedKeys.class,
                () -> new FederatedKeys(iamEndpoint, idpId, idToken, Clock.systemUTC()));
    }

    public String idpId() {
        return idpId;
    }

    public URI iamEndpoint() {
        return iamEndpoint;
    }

    public IdTokenSource idToken() {
        return idToken;
    }

    /** How many exchanges gave keys (tests). */
    public synchronized int exchanges() {
        return exchanges;
    }

    /** Valid temporary keys: exchanged on first use, and again when fewer than 40 minutes remain; null in a dry run. */
    public synchronized TemporaryKeys keys(ServiceClient client) throws IOException {
        if (keys == null || keys.expiresAt() == null || !clock.instant().isBefore(keys.expiresAt().minus(REFRESH_MARGIN))) {
            exchange(client);
        }
        return keys;
    }

    /** Forgets the keys at the build's end. */
    @Override
    public synchronized void close() {
        keys = null;
        refused = null;
    }

    private void exchange(ServiceClient client) throws IOException {
        if (refused != null) {
            throw new ServiceException(refused.label(), refused.status(), refused.errorCode(), refused.errorMessage(), refused.requestId());
        }
        try {
            TemporaryKeys obtained = exchangeOnce(client);
            if (obtained != null) {
                exchanges++;
            }
            keys = obtained;
        } catch (ServiceException e) {
            // refused credentials (400, 401, 403, as CachedCredential), or an identity provider IAM does not know (404)
            if (CachedCredential.isRefusalStatus(e.status()) || e.status() == 404) {
                refused = e;
            }
            throw e;
        }
    }

    private TemporaryKeys exchangeOnce(ServiceClient client) throws IOException {
        String jwt = idToken.read(client);
        if (jwt == null) {
            return null;
        }
        // Step 1: the ID token for an unscoped token. Both bodies carry secrets: never logged, not even in a dry run.
        ObjectNode step1 = Json.mapper().createObjectNode();
        step1.putObject("auth").putObject("id_token").put("id", jwt);
        ServiceRequest tokenRequest = ServiceRequest.secretJson("POST", resolve(ID_TOKEN_PATH), Json.mapper().writeValueAsBytes(step1),
                "exchange the ID token from " + idToken.describe() + " with identity provider '" + idpId + "'")
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withHeader("X-Idp-Id", idpId)
                .with(ServiceRequest.Idempotence.SAFE_TO_REPEAT);
        // Safe to repeat: creates nothing the user sees; repeating it after a lost answer only issues another short-lived token.
        ServiceResponse tokenResponse = client.execute(tokenRequest, RequestAuthenticator.NONE);
        if (tokenResponse.dryRun()) {
            return null;
        }
        String unscoped = tokenResponse.header("X-Subject-Token");
        if (unscoped == null || unscoped.isBlank()) {
            throw new IOException("IAM at " + iamEndpoint + " answered HTTP " + tokenResponse.status() + " to " + ID_TOKEN_PATH
                    + " without an X-Subject-Token header; is " + iamEndpoint + " an IAM endpoint?");
        }
        // Step 2: the unscoped token for temporary keys.
        ObjectNode step2 = Json.mapper().createObjectNode();
        ObjectNode identity = step2.putObject("auth").putObject("identity");
        identity.putArray("methods").add("token");
        identity.putObject("token").put("id", unscoped).put("duration_seconds", DURATION_SECONDS);
        ServiceRequest keysRequest = ServiceRequest.secretJson("POST", resolve(SECURITY_TOKENS_PATH), Json.mapper().writeValueAsBytes(step2),
                "get temporary access keys from IAM for identity provider '" + idpId + "'")
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                // Safe to repeat: another pair of short-lived keys; nothing the user sees is created.
                .with(ServiceRequest.Idempotence.SAFE_TO_REPEAT);
        ServiceResponse keysResponse = client.execute(keysRequest, RequestAuthenticator.NONE);
        return parseCredential(keysResponse.body());
    }

    /** {@code {"credential":{"access","secret","securitytoken","expires_at"}}}; the message never quotes the body. */
    TemporaryKeys parseCredential(String body) throws IOException {
        JsonNode credential;
        try {
            credential = Json.mapper().readTree(body).path("credential");
        } catch (IOException e) {
            throw new IOException("IAM's answer to " + SECURITY_TOKENS_PATH + " is not JSON.");
        }
        String access = credential.path("access").asText("");
        String secret = credential.path("secret").asText("");
        String token = credential.path("securitytoken").asText("");
        String expires = credential.path("expires_at").asText("");
        if (access.isBlank() || secret.isBlank() || token.isBlank() || expires.isBlank()) {
            throw new IOException("IAM's answer to " + SECURITY_TOKENS_PATH
                    + " lacks one of credential.access, .secret, .securitytoken, .expires_at.");
        }
        try {
            return new TemporaryKeys(access, secret, token, Instant.parse(expires));
        } catch (DateTimeParseException e) {
            throw new IOException("IAM's credential.expires_at '" + expires + "' is not an ISO-8601 instant.");
        }
    }

    private URI resolve(String path) {
        String base = iamEndpoint.getPath() == null ? "" : iamEndpoint.getPath().replaceAll("/+$", "");
        return iamEndpoint.resolve(base + path);
    }
}
