package dev.worklink.http;

import java.io.IOException;
import java.util.Map;

/**
 * Adds authentication to one attempt of a request. It is called again before every attempt, so that a
 * signature carries a fresh date and a refreshed token is used.
 */
public interface RequestAuthenticator {

    /** No authentication at all. */
    RequestAuthenticator NONE = new RequestAuthenticator() {
        @Override
        public Map<String, String> headersFor(ServiceRequest request) {
            return Map.of();
        }

        @Override
        public String describe() {
            return "no credentials";
        }
    };

    /**
     * The headers that authenticate this attempt. {@code request.headers()} holds every other header that
     * will be sent (a signer may cover them); the Host header is the URI's authority.
     */
    Map<String, String> headersFor(ServiceRequest request) throws IOException;

    /**
     * Where the credential comes from and of what kind, without its value: "IAM password of user 'ci'
     * from the server 'codearts' in Maven settings".
     */
    String describe();

    /**
     * The largest request body these credentials may sign, in bytes; unlimited unless the scheme says otherwise
     * (Huawei's API gateway takes AK/SK-signed bodies of at most 12 MB).
     */
    default long maxSignedBodyBytes() {
        return Long.MAX_VALUE;
    }

    /**
     * Called after a 401. Returns true when a fresh credential was obtained and the request is worth
     * sending once more (an IAM token fetched again); false otherwise.
     */
    default boolean refreshAfterUnauthorized(String rejectedBy) throws IOException {
        return false;
    }

    /**
     * The other URLs this authenticator sends credentials to (an IAM endpoint, a login service), each with what it is
     * in the user's words, so that a goal can check them before its first call; empty when there are none.
     */
    default Map<String, java.net.URI> credentialEndpoints() {
        return Map.of();
    }

    /** Header names whose values are secrets, masked in dry-run and debug logs. */
    static boolean isSecretHeader(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.equals("authorization") || n.equals("x-auth-token") || n.equals("x-subject-token")
                || n.equals("so-apptoken") || n.equals("proxy-authorization") || n.equals("cookie")
                || n.equals("x-xsrf-token") || n.equals("x-security-token");
    }
}
