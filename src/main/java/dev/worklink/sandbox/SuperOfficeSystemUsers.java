package dev.worklink.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * SuperOffice Online's partner system user login, {@code POST /Login/api/PartnerSystemUser/Authenticate}: it takes
 * {@code {"SignedSystemToken": "<token>.<yyyyMMddHHmm UTC>.<base64 SHA256withRSA signature>", "ApplicationToken",
 * "ContextIdentifier", "ReturnTokenType": "JWT"}}, checks the token and application token against
 * {@link SuperOfficeSandboxCredentials}, the signature against the public keys registered with the sandbox, and the
 * time against its clock (at most 5 minutes off), and answers {@code {"IsSuccessful", "Token", "ErrorMessage"}}: a JWT
 * whose claim {@value #TICKET_CLAIM} is a ticket for the tenant, valid 6 hours. A refusal is a 200 with
 * {@code IsSuccessful: false}.
 */
final class SuperOfficeSystemUsers {

    static final String TICKET_CLAIM = "http://schemes.superoffice.net/identity/ticket";
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    static final Duration TICKET_LIFETIME = Duration.ofHours(6);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm", Locale.ROOT);

    /** A ticket a system user got: for which tenant, until when. */
    record Issued(String tenant, Instant expiresAt) {}

    private final Clock clock;
    private final Set<PublicKey> keys = new CopyOnWriteArraySet<>();
    private final Map<String, Issued> tickets = new ConcurrentHashMap<>();
    private KeyPair jwtKeys;

    SuperOfficeSystemUsers(Clock clock) {
        this.clock = clock;
    }

    /** Accepts signatures made with the private key of this public key, until the next reset. */
    void registerPublicKey(PublicKey key) {
        if (!"RSA".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("a system user signs with an RSA key, not " + key.getAlgorithm());
        }
        keys.add(key);
    }

    /** Forgets the registered keys; issued tickets stay valid, as IAM tokens do. */
    void reset() {
        keys.clear();
    }

    /** The tenant a ticket was issued for, while it is valid; else null. */
    String tenantOf(String ticket) {
        Issued issued = tickets.get(ticket);
        return issued == null || clock.instant().isAfter(issued.expiresAt()) ? null : issued.tenant();
    }

    /** An X.509 public key, as PEM ({@code -----BEGIN PUBLIC KEY-----}) or as the base64 of its DER. */
    static PublicKey parsePublicKey(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expected {\"publicKey\": \"-----BEGIN PUBLIC KEY-----...\"} (PEM or base64 X.509)");
        }
        String base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("publicKey is not an RSA public key (PEM -----BEGIN PUBLIC KEY----- or base64 X.509)");
        }
    }

    void authenticate(SandboxExchange ex) throws IOException {
        JsonNode body;
        try {
            body = ex.json();
        } catch (IOException e) {
            ex.note("not JSON: " + SandboxExchange.firstLine(e.getMessage()));
            ex.json(400, Map.of("Error", "The request body must be JSON: " + SandboxExchange.firstLine(e.getMessage()),
                    "ErrorType", "BadRequest"));
            return;
        }
        String refusal = refusal(body);
        if (refusal != null) {
            ex.note("refused: " + refusal);
            ex.json(200, answer(false, null, refusal));
            return;
        }
        String tenant = body.path("ContextIdentifier").asText();
        String ticket = SuperOfficeSandboxCredentials.ISSUED_TICKET_PREFIX + SandboxExchange.randomHex(12);
        Instant expires = clock.instant().plus(TICKET_LIFETIME);
        tickets.put(ticket, new Issued(tenant, expires));
        ex.authenticatedAs("systemuser:" + tenant);
        ex.note("ticket issued for " + tenant);
        ex.json(200, answer(true, jwt(tenant, ticket, expires, "http://" + ex.header("Host") + "/" + tenant + "/"), null));
    }

    /** Why this login is refused, or null. */
    private String refusal(JsonNode body) {
        String signed = body.path("SignedSystemToken").asText("");
        String appToken = body.path("ApplicationToken").asText("");
        String tenant = body.path("ContextIdentifier").asText("");
        String type = body.path("ReturnTokenType").asText("");
        if (!type.equalsIgnoreCase("JWT")) {
            return "ReturnTokenType must be JWT (the sandbox issues no other), not '" + type + "'";
        }
        if (!tenant.startsWith(SuperOfficeSandboxCredentials.ONLINE_TENANT_PREFIX)) {
            return "ContextIdentifier '" + tenant + "' is not an Online customer id (Cust12345)";
        }
        if (!MessageDigest.isEqual(appToken.getBytes(StandardCharsets.UTF_8),
                SuperOfficeSandboxCredentials.APP_TOKEN.getBytes(StandardCharsets.UTF_8))) {
            return "The ApplicationToken is not the application token this sandbox knows";
        }
        int sigDot = signed.lastIndexOf('.');
        int timeDot = sigDot <= 0 ? -1 : signed.lastIndexOf('.', sigDot - 1);
        if (timeDot <= 0) {
            return "SignedSystemToken must be '<system user token>.<yyyyMMddHHmm>.<base64 signature>'";
        }
        String token = signed.substring(0, timeDot);
        String time = signed.substring(timeDot + 1, sigDot);
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                SuperOfficeSandboxCredentials.SYSTEM_USER_TOKEN.getBytes(StandardCharsets.UTF_8))) {
            return "The system user token is not one this sandbox knows";
        }
        Instant when;
        try {
            when = LocalDateTime.parse(time, TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return "The time in SignedSystemToken, '" + time + "', is not yyyyMMddHHmm (UTC)";
        }
        Duration skew = Duration.between(when, clock.instant()).abs();
        if (skew.compareTo(MAX_SKEW) > 0) {
            return "The time in SignedSystemToken, " + time + " UTC, is " + skew.toMinutes() + " minutes from the server's time; at most "
                    + MAX_SKEW.toMinutes() + " are allowed";
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signed.substring(sigDot + 1));
        } catch (IllegalArgumentException e) {
            return "The signature in SignedSystemToken is not base64";
        }
        if (keys.isEmpty()) {
            return "No public key is registered with the sandbox (POST /__sandbox/superoffice-public-key), so no signature can be checked";
        }
        byte[] signedPart = signed.substring(0, sigDot).getBytes(StandardCharsets.UTF_8);
        for (PublicKey key : keys) {
            if (verifies(key, signedPart, signature)) {
                return null;
            }
        }
        return "The signature in SignedSystemToken does not verify (SHA256withRSA) with any registered public key";
    }

    private static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(data);
            return rsa.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Map<String, Object> answer(boolean ok, String token, String error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("IsSuccessful", ok);
        body.put("Token", token);
        body.put("ErrorMessage", error);
        return body;
    }

    /** A JWT as SuperOffice's login returns it, signed RS256 with a key of this sandbox. */
    private String jwt(String tenant, String ticket, Instant expires, String netserverUrl) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "system-user@" + tenant);
        claims.put(TICKET_CLAIM, ticket);
        claims.put("http://schemes.superoffice.net/identity/ctx", tenant);
        claims.put("http://schemes.superoffice.net/identity/netserver_url", netserverUrl);
        claims.put("iss", "SuperOffice AS (worklink sandbox)");
        claims.put("exp", expires.getEpochSecond());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signedPart = b64.encodeToString(SandboxExchange.JSON.writeValueAsBytes(header)) + "."
                + b64.encodeToString(SandboxExchange.JSON.writeValueAsBytes(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(jwtKeys().getPrivate());
            rsa.update(signedPart.getBytes(StandardCharsets.US_ASCII));
            return signedPart + "." + b64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the JWT", e);
        }
    }

    private synchronized KeyPair jwtKeys() throws GeneralSecurityException {
        if (jwtKeys == null) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            jwtKeys = g.generateKeyPair();
        }
        return jwtKeys;
    }
}
