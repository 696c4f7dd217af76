package dev.worklink.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox's IAM identity provider for OIDC federation: its id ({@code X-Idp-Id}), its client id (the audience an ID
 * token is asked for) and the one ID token it accepts; and what it issued since the last reset (unscoped tokens,
 * temporary keys), so that tests can look for them in logs. Defaults from {@link SandboxCredentials}; changed per
 * sandbox with {@link Sandbox#identityProvider} or {@code POST /__sandbox/identity-provider}.
 */
final class IdentityProvider {

    /** What the identity provider accepts. */
    record Config(String idpId, String clientId, String idToken) {
        static final Config DEFAULT = new Config(SandboxCredentials.IDP_ID, SandboxCredentials.IDP_CLIENT_ID, SandboxCredentials.ID_TOKEN);
    }

    private volatile Config config = Config.DEFAULT;
    private final Set<String> unscopedTokens = ConcurrentHashMap.newKeySet();
    private final List<Authentication.TemporaryKey> issuedKeys = new ArrayList<>();

    Config config() {
        return config;
    }

    void configure(Config value) {
        config = value;
    }

    void issuedUnscoped(String token) {
        unscopedTokens.add(token);
    }

    boolean isUnscoped(String token) {
        return unscopedTokens.contains(token);
    }

    synchronized void issuedKeys(Authentication.TemporaryKey key) {
        issuedKeys.add(key);
    }

    /** Back to the defaults; forgets what was issued (unscoped tokens are refused from now on). */
    synchronized void reset() {
        config = Config.DEFAULT;
        unscopedTokens.clear();
        issuedKeys.clear();
    }

    /** For tests and the admin API: the configuration, the unscoped tokens and temporary keys issued since the last reset. */
    synchronized Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("idpId", config.idpId());
        state.put("clientId", config.clientId());
        state.put("idToken", config.idToken());
        state.put("unscopedTokens", List.copyOf(unscopedTokens));
        List<Map<String, Object>> keys = new ArrayList<>();
        for (Authentication.TemporaryKey k : issuedKeys) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("access", k.accessKey());
            key.put("secret", k.secretKey());
            key.put("securitytoken", k.securityToken());
            key.put("expires_at", String.valueOf(k.expiresAt()));
            keys.add(key);
        }
        state.put("temporaryKeys", keys);
        return state;
    }
}
