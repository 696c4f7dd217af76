package dev.worklink.auth;

import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceRequest;
import java.util.Map;

/** A ready token from settings.xml, sent as a header as it is (CodeArts: {@code X-Auth-Token}). */
public final class TokenAuthenticator implements RequestAuthenticator {

    private final String header;
    private final String token;
    private final String source;

    public TokenAuthenticator(String header, String token, String source) {
        this.header = header;
        this.token = token;
        this.source = source;
    }

    @Override
    public Map<String, String> headersFor(ServiceRequest request) {
        return Map.of(header, token);
    }

    @Override
    public String describe() {
        return "ready token sent as " + header + " from " + source;
    }
}
