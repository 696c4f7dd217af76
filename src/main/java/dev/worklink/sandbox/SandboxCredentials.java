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

    private SandboxCredentials() {}
}
