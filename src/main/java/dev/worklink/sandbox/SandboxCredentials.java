package dev.worklink.sandbox;

/**
 * The identities the sandbox knows. They are public on purpose: the sandbox is a rehearsal stage, and these are the
 * only credentials it accepts.
 */
public final class SandboxCredentials {

    /** IAM password mode: user, password and account (domain) name. */
    public static final String IAM_USER = "sandbox-user";
    public static final String IAM_PASSWORD = "sandbox-password";
    public static final String IAM_DOMAIN = "sandbox-domain";

    /** AK/SK mode. */
    public static final String ACCESS_KEY = "SANDBOXAK00000000001";
    public static final String SECRET_KEY = "sandbox-secret-key-0000000000000000000000";

    /**
     * The IAM project of the region the sandbox's account works in: what {@code GET /v3/projects?name=cn-north-4}
     * answers, and the {@code X-Project-Id} a sandbox that insists on one accepts. IAM project ids are 32 hex digits.
     */
    public static final String IAM_REGION = "cn-north-4";
    public static final String IAM_PROJECT_ID = "04a1b2c3d4e5f60718293a4b5c6d7e8f";
    public static final String IAM_DOMAIN_ID = "0b1c2d3e4f5061728394a5b6c7d8e9f0";

    /** A token accepted as {@code X-Auth-Token} without an IAM call (token mode). */
    public static final String READY_TOKEN = "sandbox-ready-token-0000000000000000";

    /**
     * Temporary keys the sandbox always accepts, with their security token (an aksk server's {@code <securityToken>},
     * {@code HUAWEICLOUD_SDK_SECURITY_TOKEN}). Keys it issues by federation are made up per exchange.
     */
    public static final String TEMPORARY_ACCESS_KEY = "SANDBOXTMPAK00000001";
    public static final String TEMPORARY_SECRET_KEY = "sandbox-temporary-secret-key-000000000000";
    public static final String SECURITY_TOKEN = "sandbox-security-token-" + "0".repeat(48);

    /** IAM identity federation: the identity provider id the sandbox knows by default ({@code X-Idp-Id}). */
    public static final String IDP_ID = "sandbox-idp";
    /** The identity provider's client id: the audience an ID token must be asked for (GitHub Actions). */
    public static final String IDP_CLIENT_ID = "sandbox-client-id";
    /** The ID token the sandbox's identity provider accepts by default: a JWT for {@link #IDP_CLIENT_ID}, not signed by anyone. */
    public static final String ID_TOKEN = jwt(IDP_CLIENT_ID);
    /** The bearer token the sandbox's GitHub Actions ID token endpoint accepts ({@code ACTIONS_ID_TOKEN_REQUEST_TOKEN}). */
    public static final String GITHUB_REQUEST_TOKEN = "sandbox-github-request-token-0000000000";

    private SandboxCredentials() {}

    /** A JWT shaped like GitHub Actions' for this audience (header, claims, a signature nobody checks), base64url. */
    static String jwt(String audience) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"sandbox\"}";
        String claims = "{\"iss\":\"https://token.actions.githubusercontent.com\",\"aud\":\"" + audience.replace("\"", "")
                + "\",\"sub\":\"repo:sandbox-owner/sandbox-repo:ref:refs/heads/main\",\"repository\":\"sandbox-owner/sandbox-repo\"}";
        return b64.encodeToString(header.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".c2FuZGJveC1zaWduYXR1cmU";
    }
}
