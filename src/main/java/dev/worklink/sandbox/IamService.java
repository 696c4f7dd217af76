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
 */
final class IamService implements SandboxService {

    /** Every token the sandbox issues starts with this (as real ones start with MII), so leaks are easy to find. */
    static final String TOKEN_PREFIX = "MIIsandbox";

    private final Authentication auth;
    private final Clock clock;

    IamService(Authentication auth, Clock clock) {
        this.auth = auth;
        this.clock = clock;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.open("POST", "^/v3/auth/tokens$", this::token));
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
