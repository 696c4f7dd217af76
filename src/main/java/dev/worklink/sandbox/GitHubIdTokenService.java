package dev.worklink.sandbox;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * GitHub Actions' ID token endpoint, for tests of keyless CI: {@code GET /github/id-token?api-version=2.0&audience=<aud>}
 * with {@code Authorization: Bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>} answers {@code {"value":"<JWT>"}}. Point
 * {@code ACTIONS_ID_TOKEN_REQUEST_URL} at {@code <sandbox>/github/id-token?api-version=2.0}. Asked for the identity
 * provider's client id, it gives the ID token the sandbox's IAM accepts; for any other audience (or none: GitHub's
 * default, the repository owner's URL) a token IAM refuses, as a real identity provider would. The audience asked for
 * is in the recorded query.
 */
final class GitHubIdTokenService implements SandboxService {

    static final String PATH = "/github/id-token";
    static final String DEFAULT_AUDIENCE = "https://github.com/sandbox-owner";

    private final IdentityProvider identityProvider;

    GitHubIdTokenService(IdentityProvider identityProvider) {
        this.identityProvider = identityProvider;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.open("GET", "^" + PATH + "$", this::idToken));
    }

    private void idToken(SandboxExchange ex) throws IOException {
        String authorization = ex.header("Authorization");
        if (authorization == null || !authorization.equals("Bearer " + SandboxCredentials.GITHUB_REQUEST_TOKEN)) {
            ex.note("no or a wrong bearer token");
            ex.json(401, Map.of("message", "Bad credentials"));
            return;
        }
        String audience = ex.queryParam("audience");
        IdentityProvider.Config config = identityProvider.config();
        String token = config.clientId().equals(audience) ? config.idToken()
                : SandboxCredentials.jwt(audience == null || audience.isBlank() ? DEFAULT_AUDIENCE : audience);
        ex.authenticatedAs("github-actions");
        ex.note("audience " + audience);
        ex.json(200, Map.of("value", token));
    }
}
