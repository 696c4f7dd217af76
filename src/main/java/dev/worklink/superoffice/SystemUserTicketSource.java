package dev.worklink.superoffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.worklink.auth.CachedCredential;
import dev.worklink.http.BuildScope;
import dev.worklink.http.Json;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceException;
import dev.worklink.http.ServiceRequest;
import dev.worklink.http.ServiceResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Obtains the ticket of a SuperOffice Online system user and keeps it for the whole build: every goal and module
 * asking for the same system user shares one ticket, obtained once.
 *
 * <p>The call (SuperOffice's partner system user flow): the plugin signs {@code <systemUserToken>.<yyyyMMddHHmm UTC>}
 * with the application's RSA private key (SHA256withRSA, PKCS#1 v1.5) and posts
 * <pre>{"SignedSystemToken": "&lt;token&gt;.&lt;time&gt;.&lt;base64 signature&gt;", "ApplicationToken": "...",
 *  "ContextIdentifier": "Cust12345", "ReturnTokenType": "JWT"}</pre>
 * to {@code <login>/api/PartnerSystemUser/Authenticate}. The answer is
 * {@code {"IsSuccessful": true, "Token": "<JWT>", "ErrorMessage": null}}; the JWT's claim
 * {@value #TICKET_CLAIM} is the ticket, sent as {@code Authorization: SOTicket <ticket>}. A ticket lives 6 hours.
 * The JWT's signature is not checked: it comes straight from the login host, over TLS.
 */
public final class SystemUserTicketSource extends CachedCredential {

    public static final String TICKET_CLAIM = "http://schemes.superoffice.net/identity/ticket";
    /** How the login call's label starts, so that its failures can be told from the image call's. */
    public static final String LOGIN_LABEL = "authenticate the system user";
    public static final String AUTHENTICATE_PATH = "/api/PartnerSystemUser/Authenticate";
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Tickets live 6 hours. */
    static final Duration LIFETIME = Duration.ofHours(6);

    private final URI loginEndpoint;
    private final String contextIdentifier;
    private final String systemUserToken;
    private final String appToken;
    private final PrivateKey privateKey;

    SystemUserTicketSource(URI loginEndpoint, String contextIdentifier, String systemUserToken, String appToken,
            PrivateKey privateKey, Clock clock) {
        super(clock);
        this.loginEndpoint = loginEndpoint;
        this.contextIdentifier = contextIdentifier;
        this.systemUserToken = systemUserToken;
        this.appToken = appToken;
        this.privateKey = privateKey;
    }

    /** The build's ticket source for this system user, created on first use; the secrets enter its key only as hashes. */
    public static SystemUserTicketSource shared(BuildScope build, URI loginEndpoint, String contextIdentifier, String systemUserToken, String appToken,
            PrivateKey privateKey) {
        Object key = BuildScope.key(SystemUserTicketSource.class, loginEndpoint, contextIdentifier, sha256Hex(systemUserToken.getBytes(StandardCharsets.UTF_8)),
                sha256Hex(appToken.getBytes(StandardCharsets.UTF_8)), sha256Hex(privateKey.getEncoded()));
        return build.shared(key, SystemUserTicketSource.class, () -> new SystemUserTicketSource(loginEndpoint, contextIdentifier, systemUserToken,
                appToken, privateKey, Clock.systemUTC()));
    }


    public URI loginEndpoint() {
        return loginEndpoint;
    }

    public String contextIdentifier() {
        return contextIdentifier;
    }

    /** {@code <login>/api/PartnerSystemUser/Authenticate}. */
    public URI authenticateUri() {
        String base = loginEndpoint.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + AUTHENTICATE_PATH);
    }

    /** A valid ticket, obtained from the login service if there is none yet or it is about to expire. */
    public String ticket(ServiceClient client) throws IOException {
        return current(client);
    }

    /** A login answered 200 with IsSuccessful false is a refusal too. */
    @Override
    protected boolean isRefusal(ServiceException e) {
        return isRefusalStatus(e.status()) || e.status() == 200;
    }

    @Override
    protected Obtained obtain(ServiceClient client) throws IOException {
        String label = LOGIN_LABEL + " of " + contextIdentifier + " at " + loginEndpoint;
        Instant now = clock.instant();
        // Safe to repeat: a second login only yields another ticket; nothing the user sees is created.
        ServiceRequest request = ServiceRequest.secretJson("POST", authenticateUri(), requestBody(now), label)
                .with(ServiceRequest.Idempotence.SAFE_TO_REPEAT);
        ServiceResponse response = client.execute(request, RequestAuthenticator.NONE);
        if (response.dryRun()) {
            return null;
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            // Jackson's message would quote the body, which may hold a token.
            throw new IOException(label + ": the login service answered HTTP " + response.status() + " with a body that is not JSON; is "
                    + loginEndpoint + " SuperOffice's login service (https://<env>.superoffice.com/Login)?");
        }
        if (root == null || !root.isObject()) {
            throw new IOException(label + ": the login service answered HTTP " + response.status() + " without a JSON object");
        }
        if (!root.path("IsSuccessful").asBoolean(false)) {
            String why = root.hasNonNull("ErrorMessage") ? root.get("ErrorMessage").asText() : "IsSuccessful is not true";
            throw new ServiceException(label, 200, null, why, response.requestId());
        }
        String jwt = root.hasNonNull("Token") ? root.get("Token").asText() : null;
        if (jwt == null || jwt.isBlank()) {
            throw new IOException(label + ": the login service answered IsSuccessful without a Token");
        }
        JsonNode claims = claims(jwt, label);
        JsonNode ticketClaim = claims.get(TICKET_CLAIM);
        if (ticketClaim == null || ticketClaim.asText().isBlank()) {
            throw new IOException(label + ": the JWT the login service returned has no claim " + TICKET_CLAIM);
        }
        Instant expiresAt = now.plus(LIFETIME);
        if (claims.has("exp") && claims.get("exp").canConvertToLong()) {
            Instant exp = Instant.ofEpochSecond(claims.get("exp").asLong());
            if (exp.isBefore(expiresAt)) {
                expiresAt = exp;
            }
        }
        return new Obtained(ticketClaim.asText(), expiresAt);
    }

    /** The JSON payload of a JWT ({@code header.payload.signature}, base64url). */
    static JsonNode claims(String jwt, String label) throws IOException {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IOException(label + ": the Token the login service returned is not a JWT (header.payload.signature)");
        }
        try {
            JsonNode payload = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1].replace('+', '-').replace('/', '_').replace("=", "")));
            if (payload == null || !payload.isObject()) {
                throw new IOException("not an object");
            }
            return payload;
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(label + ": the payload of the JWT the login service returned is not base64url JSON");
        }
    }

    byte[] requestBody(Instant now) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("SignedSystemToken", signedSystemToken(systemUserToken, privateKey, now));
        root.put("ApplicationToken", appToken);
        root.put("ContextIdentifier", contextIdentifier);
        root.put("ReturnTokenType", "JWT");
        try {
            return Json.mapper().writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write the system user request", e);
        }
    }

    /**
     * {@code <systemUserToken>.<yyyyMMddHHmm>.<base64 SHA256withRSA signature of "<systemUserToken>.<yyyyMMddHHmm>">},
     * the time in UTC.
     */
    public static String signedSystemToken(String systemUserToken, PrivateKey key, Instant now) {
        String signedPart = systemUserToken + "." + TIMESTAMP.format(now);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signedPart.getBytes(StandardCharsets.UTF_8));
            return signedPart + "." + Base64.getEncoder().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            // No cause: its message could describe the key.
            throw new IllegalStateException("Could not sign the system user token with the private key (SHA256withRSA): "
                    + e.getClass().getSimpleName());
        }
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
