package dev.worklink.auth;

import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceRequest;
import java.io.IOException;
import java.util.Map;

/** Sends an IAM token obtained with a password as {@code X-Auth-Token}, fetching it again once after a 401. */
public final class IamTokenAuthenticator implements RequestAuthenticator {

    private final IamTokenSource tokens;
    private final ServiceClient iamClient;
    private final String source;
    /** The fingerprint of the token each thread sent last, so that a 401 refreshes exactly the token that was rejected. */
    private final ThreadLocal<String> lastSent = new ThreadLocal<>();

    public IamTokenAuthenticator(IamTokenSource tokens, ServiceClient iamClient, String source) {
        this.tokens = tokens;
        this.iamClient = iamClient;
        this.source = source;
    }

    @Override
    public Map<String, String> headersFor(ServiceRequest request) throws IOException {
        String token = tokens.token(iamClient);
        lastSent.set(CachedCredential.fingerprint(token));
        return Map.of("X-Auth-Token", token);
    }

    @Override
    public boolean refreshAfterUnauthorized(String rejectedBy) throws IOException {
        tokens.refresh(iamClient, lastSent.get());
        return true;
    }

    @Override
    public String describe() {
        return "IAM token for user '" + tokens.user() + "' of account '" + tokens.domain() + "' (password from " + source
                + ", token from " + tokens.iamEndpoint() + ")";
    }
}
