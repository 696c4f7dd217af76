package dev.worklink.sandbox;

/**
 * The identities the sandbox's SuperOffice side knows. Public on purpose, like {@link SandboxCredentials}: they are the
 * only credentials it accepts.
 *
 * <p>Tenants: the WebAPI lives under {@code /{tenant}/api/v1/...}. A tenant whose name starts with {@value #ONLINE_TENANT_PREFIX}
 * ({@code Cust12345}) behaves as SuperOffice Online and refuses Basic authentication; any other ({@code SuperOffice})
 * behaves as an on-site installation.
 */
public final class SuperOfficeSandboxCredentials {

    /** Basic authentication (on-site tenants only). */
    public static final String USER = "so-user";
    public static final String PASSWORD = "so-password";

    /** A ticket accepted as {@code Authorization: SOTicket ...} on every tenant, with {@link #APP_TOKEN}. */
    public static final String TICKET = "7T:c2FuZGJveC1zby10aWNrZXQtMDAwMDAw";

    /** An access token accepted as {@code Authorization: Bearer ...} on every tenant, with {@link #APP_TOKEN}. */
    public static final String BEARER_TOKEN = "sandbox-so-bearer-token-00000000000000000000";

    /** The application token: {@code SO-AppToken} of SOTicket and Bearer calls, and {@code ApplicationToken} of a system user login. */
    public static final String APP_TOKEN = "sandbox-so-app-token-0000000000000000";

    /** The system user token a system user login signs; the signature is checked with a public key registered with the sandbox. */
    public static final String SYSTEM_USER_TOKEN = "sandbox-so-system-user-token-000000000000";

    /** Tickets issued to system users start with this (then random characters), so a test can look for leaks. */
    public static final String ISSUED_TICKET_PREFIX = "7T:sandbox-system-user-";

    /** Tenants whose name starts with this are Online. */
    public static final String ONLINE_TENANT_PREFIX = "Cust";

    /** The system user login of the sandbox; a plugin's {@code <loginEndpoint>} is {@code <sandbox url>/Login}. */
    public static final String LOGIN_PATH = "/Login/api/PartnerSystemUser/Authenticate";

    private SuperOfficeSandboxCredentials() {}
}
