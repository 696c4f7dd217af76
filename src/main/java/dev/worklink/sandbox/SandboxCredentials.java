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

    /** A token accepted as {@code X-Auth-Token} without an IAM call (token mode). */
    public static final String READY_TOKEN = "sandbox-ready-token-0000000000000000";

    private SandboxCredentials() {}
}
