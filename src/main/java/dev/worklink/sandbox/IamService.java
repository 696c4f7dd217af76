package dev.worklink.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM: {@code POST /v3/auth/tokens} with a password identity scoped to a project (the region), answering 201 with
 * the token in {@code X-Subject-Token}. Only {@link SandboxCredentials#IAM_USER} with its password and domain gets one.
 *
 * <p>And OIDC federation, the two calls of huaweicloud-sdk-java-v3's {@code FederalAccessor} / {@code IamHelper}:
 * {@code POST /v3.0/OS-AUTH/id-token/tokens} (CreateTokenWithIdToken: {@code X-Idp-Id} of the {@link IdentityProvider}
 * and its accepted ID token → 201, an unscoped token in {@code X-Subject-Token}), then
 * {@code POST /v3.0/OS-CREDENTIAL/securitytokens} (CreateTemporaryAccessKeyByToken: that token → 201, temporary keys,
 * which {@link Authentication} then accepts with their signed {@code X-Security-Token}).
 */
final class IamService implements SandboxService {

    /** Every token the sandbox issues starts with this (as real ones start with MII), so leaks are easy to find. */
    static final String TOKEN_PREFIX = "MIIsandbox";

    /** IAM's bounds for {@code duration_seconds} of temporary keys (15 minutes to 24 hours), and its default. */
    static final int MIN_DURATION = 900;
    static final int MAX_DURATION = 86400;

    private final Authentication auth;
    private final IdentityProvider identityProvider;
    private final Clock clock;

    IamService(Authentication auth, IdentityProvider identityProvider, Clock clock) {
        this.auth = auth;
        this.identityProvider = identityProvider;
        this.clock = clock;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.open("POST", "^/v3/auth/tokens$", this::token),
                Route.open("POST", "^/v3\\.0/OS-AUTH/id-token/tokens$", this::tokenWithIdToken),
                Route.open("POST", "^/v3\\.0/OS-CREDENTIAL/securitytokens$", this::temporaryKeys));
    }

    @Override
    public void reset() {
        identityProvider.reset();
    }

    /** CreateTokenWithIdToken: the ID token of the configured identity provider for an unscoped token. */
    private void tokenWithIdToken(SandboxExchange ex) throws IOException {
        String type = ex.header("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            iamError(ex, 400, "Bad Request", "Content-Type must be application/json;charset=UTF-8, not " + type);
            return;
        }
        String idpId = ex.header("X-Idp-Id");
        IdentityProvider.Config config = identityProvider.config();
        if (idpId == null || idpId.isBlank()) {
            iamError(ex, 400, "Bad Request", "The X-Idp-Id header is missing.");
            return;
        }
        if (!config.idpId().equals(idpId)) {
            iamError(ex, 404, "Not Found", "Could not find identity provider: " + idpId + ".");
            return;
        }
        JsonNode root;
        try {
            root = ex.json();
        } catch (IOException e) {
            iamError(ex, 400, "Bad Request", "The request body is not valid JSON: " + SandboxExchange.firstLine(e.getMessage()));
            return;
        }
        if (firstMissing(root, List.of("auth.id_token.id")) != null) {
            iamError(ex, 400, "Bad Request", "Invalid request body: auth.id_token.id is missing. Expected {\"auth\":{\"id_token\":{\"id\":\"<JWT>\"}}}");
            return;
        }
        String idToken = root.path("auth").path("id_token").path("id").asText();
        if (!java.security.MessageDigest.isEqual(config.idToken().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                idToken.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            iamError(ex, 401, "Unauthorized", "The ID token is invalid, or not issued for the identity provider's client id.");
            return;
        }
        String token = TOKEN_PREFIX + "Unscoped" + SandboxExchange.randomHex(48);
        identityProvider.issuedUnscoped(token);
        ex.authenticatedAs("oidc:" + idpId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("expires_at", now.plus(24, ChronoUnit.HOURS).toString());
        body.put("issued_at", now.toString());
        body.put("methods", List.of("mapped"));
        body.put("user", Map.of("name", "sandbox-federated-user", "domain", Map.of("name", SandboxCredentials.IAM_DOMAIN),
                "OS-FEDERATION", Map.of("identity_provider", Map.of("id", idpId), "protocol", Map.of("id", "oidc"))));
        ex.json(201, Map.of("token", body), Map.of("X-Subject-Token", token));
    }

    /** CreateTemporaryAccessKeyByToken: an unscoped token this sandbox issued for temporary keys. */
    private void temporaryKeys(SandboxExchange ex) throws IOException {
        JsonNode root;
        try {
            root = ex.json();
        } catch (IOException e) {
            iamError(ex, 400, "Bad Request", "The request body is not valid JSON: " + SandboxExchange.firstLine(e.getMessage()));
            return;
        }
        JsonNode identity = root.path("auth").path("identity");
        boolean tokenMethod = false;
        for (JsonNode method : identity.path("methods")) {
            tokenMethod |= "token".equals(method.asText());
        }
        if (!tokenMethod || firstMissing(root, List.of("auth.identity.token.id")) != null) {
            iamError(ex, 400, "Bad Request", "Invalid request body: expected {\"auth\":{\"identity\":{\"methods\":[\"token\"],"
                    + "\"token\":{\"id\":\"<token>\",\"duration_seconds\":900}}}}");
            return;
        }
        JsonNode duration = identity.path("token").path("duration_seconds");
        int seconds = MIN_DURATION;
        if (!duration.isMissingNode()) {
            if (!duration.canConvertToInt() || duration.asInt() < MIN_DURATION || duration.asInt() > MAX_DURATION) {
                iamError(ex, 400, "Bad Request", "duration_seconds must be " + MIN_DURATION + " to " + MAX_DURATION + ", not " + duration);
                return;
            }
            seconds = duration.asInt();
        }
        String token = identity.path("token").path("id").asText();
        if (!identityProvider.isUnscoped(token)) {
            iamError(ex, 401, "Unauthorized", "The token is invalid.");
            return;
        }
        Instant expires = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(seconds);
        Authentication.TemporaryKey key = new Authentication.TemporaryKey(
                "SBXTMP" + SandboxExchange.randomHex(7).toUpperCase(java.util.Locale.ROOT), "sandbox-temporary-" + SandboxExchange.randomHex(20),
                "sandbox-sts-" + SandboxExchange.randomHex(64), expires);
        auth.issueTemporary(key);
        identityProvider.issuedKeys(key);
        ex.authenticatedAs("token:federated");
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("access", key.accessKey());
        credential.put("secret", key.secretKey());
        credential.put("securitytoken", key.securityToken());
        credential.put("expires_at", expires.toString());
        ex.json(201, Map.of("credential", credential));
    }

    private void token(SandboxExchange ex) throws IOException {
        JsonNode root;
        try {
            root = ex.json();
        } catch (IOException e) {
            iamError(ex, 400, "Bad Request", "The request body is not valid JSON: " + SandboxExchange.firstLine(e.getMessage()));
            return;
        }
        JsonNode identity = root.path("auth").path("identity");
        JsonNode user = identity.path("password").path("user");
        String missing = !hasPasswordMethod(identity) ? "auth.identity.methods [\"password\"]"
                : firstMissing(root, List.of("auth.identity.password.user.name", "auth.identity.password.user.password",
                        "auth.identity.password.user.domain.name", "auth.scope.project.name"));
        if (missing != null) {
            iamError(ex, 400, "Bad Request", "Invalid request body: " + missing + " is missing. Expected "
                    + "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\",\"password\",\"domain\":{\"name\"}}}},"
                    + "\"scope\":{\"project\":{\"name\"}}}}");
            return;
        }
        String name = user.path("name").asText();
        String domain = user.path("domain").path("name").asText();
        if (!SandboxCredentials.IAM_USER.equals(name) || !SandboxCredentials.IAM_PASSWORD.equals(user.path("password").asText())
                || !SandboxCredentials.IAM_DOMAIN.equals(domain)) {
            iamError(ex, 401, "Unauthorized", "The username or password is wrong.");
            return;
        }
        String project = root.path("auth").path("scope").path("project").path("name").asText();
        String token = TOKEN_PREFIX + SandboxExchange.randomHex(48);
        auth.issue(token, name);
        ex.authenticatedAs("password:" + name);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("expires_at", now.plus(24, ChronoUnit.HOURS).toString());
        body.put("issued_at", now.toString());
        body.put("methods", List.of("password"));
        body.put("user", Map.of("name", name, "domain", Map.of("name", domain)));
        body.put("project", Map.of("name", project));
        ex.json(201, Map.of("token", body), Map.of("X-Subject-Token", token));
    }

    private static boolean hasPasswordMethod(JsonNode identity) {
        for (JsonNode method : identity.path("methods")) {
            if ("password".equals(method.asText())) {
                return true;
            }
        }
        return false;
    }

    /** The first dotted path that is not a non-empty string, or null. */
    private static String firstMissing(JsonNode root, List<String> paths) {
        for (String path : paths) {
            JsonNode node = root;
            for (String key : path.split("\\.")) {
                node = node.path(key);
            }
            if (!node.isTextual() || node.asText().isEmpty()) {
                return path;
            }
        }
        return null;
    }

    /** IAM's own error shape: {@code {"error":{"code","message","title"}}}. */
    private static void iamError(SandboxExchange ex, int status, String title, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status);
        error.put("message", message);
        error.put("title", title);
        ex.note(message);
        ex.json(status, Map.of("error", error));
    }
}
