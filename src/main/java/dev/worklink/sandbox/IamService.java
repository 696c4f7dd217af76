package dev.worklink.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** IAM: {@code POST /v3/auth/tokens} with a password, answering 201 with the token in {@code X-Subject-Token}. */
final class IamService {

    /** Every token the sandbox issues starts with this, so a test can look for leaked tokens. */
    static final String TOKEN_PREFIX = "MIIsandbox";

    private final Authentication auth;

    IamService(Authentication auth) {
        this.auth = auth;
    }

    void register(Sandbox sandbox) {
        sandbox.route("POST", "^/v3/auth/tokens$", this::token);
    }

    private void token(SandboxExchange ex) throws IOException {
        JsonNode root;
        try {
            root = ex.parseJson(ex.readSmallBody());
        } catch (IOException e) {
            ex.json(400, Map.of("error", Map.of("code", 400, "message", "The request body is not JSON.", "title", "Bad Request")));
            return;
        }
        JsonNode identity = root.path("auth").path("identity");
        JsonNode user = identity.path("password").path("user");
        String project = root.path("auth").path("scope").path("project").path("name").asText(null);
        boolean passwordMethod = false;
        for (JsonNode m : identity.path("methods")) {
            passwordMethod |= "password".equals(m.asText());
        }
        if (!passwordMethod || user.isMissingNode() || project == null || user.path("domain").path("name").isMissingNode()) {
            ex.json(400, Map.of("error", Map.of("code", 400, "message",
                    "The request body must be auth.identity{methods:[password], password.user{name,password,domain.name}} with auth.scope.project.name.",
                    "title", "Bad Request")));
            return;
        }
        String name = user.path("name").asText();
        if (!SandboxCredentials.IAM_USER.equals(name) || !SandboxCredentials.IAM_PASSWORD.equals(user.path("password").asText())
                || !SandboxCredentials.IAM_DOMAIN.equals(user.path("domain").path("name").asText())) {
            ex.json(401, Map.of("error", Map.of("code", 401, "message", "The username or password is wrong.", "title", "Unauthorized")));
            return;
        }
        byte[] random = new byte[48];
        ThreadLocalRandom.current().nextBytes(random);
        String token = TOKEN_PREFIX + HexFormat.of().formatHex(random);
        auth.issue(token, name);
        ex.authenticatedAs("password:" + name);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> tokenBody = new LinkedHashMap<>();
        tokenBody.put("expires_at", now.plus(24, ChronoUnit.HOURS).toString());
        tokenBody.put("issued_at", now.toString());
        tokenBody.put("methods", new String[] {"password"});
        tokenBody.put("user", Map.of("name", name, "domain", Map.of("name", SandboxCredentials.IAM_DOMAIN)));
        tokenBody.put("project", Map.of("name", project));
        byte[] body = SandboxExchange.JSON.writeValueAsBytes(Map.of("token", tokenBody));
        ex.send(201, "application/json;charset=UTF-8", body, Map.of("X-Subject-Token", token));
    }
}
