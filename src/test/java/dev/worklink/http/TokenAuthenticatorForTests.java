package dev.worklink.http;

import java.util.Map;

/** Sends a fixed X-Auth-Token (tests of the sandbox). */
public final class TokenAuthenticatorForTests implements RequestAuthenticator {
    private final String token;

    public TokenAuthenticatorForTests(String token) {
        this.token = token;
    }

    @Override
    public Map<String, String> headersFor(ServiceRequest request) {
        return Map.of("X-Auth-Token", token);
    }

    @Override
    public String describe() {
        return "test token";
    }
}
