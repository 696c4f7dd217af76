package dev.worklink.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who a CodeArts request comes from: a token the sandbox issued (or its ready token), or an AK/SK signature, which
 * it checks by signing what it received (Host, raw path and query, the signed headers, {@code X-Sdk-Date} and the
 * body's hash, or {@code UNSIGNED-PAYLOAD} for a multipart body that says so) with the sandbox's secret key, through
 * its own {@link SdkHmacSha256} (never the plugin's signer: the sandbox is the oracle the plugin is tested against).
 *
 * <p>It is as strict as the signing guide, no stricter and no kinder: SignedHeaders must be written as documented
 * (lower-case names, sorted, {@code host} and {@code x-sdk-date} among them), and {@code UNSIGNED-PAYLOAD} stands for
 * the body's hash only on a multipart/form-data body. Any other header may be signed, {@code X-Security-Token} (of
 * temporary keys) and {@code X-Project-Id} included.
 */
final class Authentication {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(15);
    static final String FAILURE_PREFIX = "Incorrect IAM authentication information: ";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT);

    /** Either who the request is from, or why it is refused. */
    record Verdict(String identity, String failure) {
        static Verdict as(String identity) {
            return new Verdict(identity, null);
        }

        static Verdict refused(String failure) {
            return new Verdict(null, failure);
        }
    }

    private final Clock clock;
    private final Map<String, String> issued = new ConcurrentHashMap<>();
    private final Set<String> expired = ConcurrentHashMap.newKeySet();
    private final Map<String, TemporaryKey> temporaryKeys = new ConcurrentHashMap<>();

    /** Temporary keys: a secret, a security token and an end (null: never). */
    record TemporaryKey(String accessKey, String secretKey, String securityToken, Instant expiresAt) {}

    Authentication(Clock clock) {
        this.clock = clock;
        // the sandbox's fixed temporary keys, valid from the start
        issueTemporary(new TemporaryKey(SandboxCredentials.TEMPORARY_ACCESS_KEY, SandboxCredentials.TEMPORARY_SECRET_KEY,
                SandboxCredentials.SECURITY_TOKEN, null));
    }

    void issue(String token, String user) {
        issued.put(token, user);
    }

    void issueTemporary(TemporaryKey key) {
        temporaryKeys.put(key.accessKey(), key);
    }

    /** Every token issued so far is refused from now on; the ready token stays valid. */
    void expireAll() {
        expired.addAll(issued.keySet());
    }

    List<String> issuedTokens() {
        return List.copyOf(issued.keySet());
    }

    /** Whether a request's AK/SK signature covers the hash of its body, so the whole body must be hashed. */
    static boolean signatureCoversBody(Map<String, String> headers) {
        return headers.get("x-auth-token") == null && headers.get("authorization") != null
                && !(UNSIGNED_PAYLOAD.equals(headers.get("x-sdk-content-sha256")) && isMultipart(headers));
    }

    /** Checks a request whose body has been read. */
    Verdict check(SandboxExchange ex) {
        String token = ex.header("X-Auth-Token");
        if (token != null) {
            return checkToken(token);
        }
        String authorization = ex.header("Authorization");
        if (authorization != null) {
            return checkSignature(ex, authorization);
        }
        return Verdict.refused("the request carries neither X-Auth-Token nor an SDK-HMAC-SHA256 Authorization header");
    }

    private Verdict checkToken(String token) {
        if (SandboxCredentials.READY_TOKEN.equals(token)) {
            return Verdict.as("token:ready");
        }
        String user = issued.get(token);
        if (user == null) {
            return Verdict.refused("the X-Auth-Token is not a token this sandbox issued");
        }
        if (expired.contains(token)) {
            return Verdict.refused("the X-Auth-Token has expired");
        }
        return Verdict.as("token:" + user);
    }

    private Verdict checkSignature(SandboxExchange ex, String authorization) {
        Map<String, String> fields = authorizationFields(authorization);
        if (fields == null || !fields.keySet().containsAll(List.of("access", "signedheaders", "signature"))) {
            return Verdict.refused("the Authorization header is not 'SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...'");
        }
        String accessKey = fields.get("access");
        if (!SandboxCredentials.ACCESS_KEY.equals(accessKey) && !temporaryKeys.containsKey(accessKey)) {
            return Verdict.refused("the access key " + masked(accessKey) + " is unknown");
        }
        String signedHeaders = fields.get("signedheaders");
        List<String> signed = List.of(signedHeaders.split(";", -1));
        for (int i = 0; i < signed.size(); i++) {
            String name = signed.get(i);
            boolean documented = !name.isEmpty() && name.equals(name.toLowerCase(Locale.ROOT)) && name.strip().equals(name)
                    && (i == 0 || signed.get(i - 1).compareTo(name) < 0);
            if (!documented) {
                return Verdict.refused("SignedHeaders must be lower-case header names in sorted order, separated by ';' "
                        + "(e.g. content-type;host;x-sdk-date), but are " + signedHeaders);
            }
        }
        if (!signed.contains("host") || !signed.contains("x-sdk-date")) {
            return Verdict.refused("SignedHeaders must include host and x-sdk-date, but are " + String.join(";", signed));
        }
        Map<String, String> headers = ex.headers();
        for (String name : signed) {
            if (!headers.containsKey(name)) {
                return Verdict.refused("the signed header " + name + " is not in the request");
            }
        }
        SigningKey key = signingKey(accessKey, headers, signed);
        if (key.failure() != null) {
            return Verdict.refused(key.failure());
        }
        String date = headers.get("x-sdk-date");
        Instant when;
        try {
            when = LocalDateTime.parse(date, SDK_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return Verdict.refused("X-Sdk-Date '" + date + "' is not yyyyMMdd'T'HHmmss'Z'");
        }
        Duration skew = Duration.between(when, clock.instant()).abs();
        if (skew.compareTo(CLOCK_SKEW) > 0) {
            return Verdict.refused("X-Sdk-Date " + date + " is " + skew.toMinutes() + " minutes from the server's time; at most "
                    + CLOCK_SKEW.toMinutes() + " minutes are allowed");
        }
        boolean unsigned = UNSIGNED_PAYLOAD.equals(headers.get("x-sdk-content-sha256"));
        if (unsigned && !isMultipart(headers)) {
            return Verdict.refused("X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD stands for the body's hash only on a multipart/form-data "
                    + "body, but this request's Content-Type is " + headers.get("content-type") + ": its body must be hashed and signed");
        }
        String payloadHash = unsigned ? UNSIGNED_PAYLOAD : ex.bodySha256();
        if (payloadHash == null) {
            return Verdict.refused("the body was not hashed");
        }
        String canonical = SdkHmacSha256.canonicalRequest(ex.method(), ex.rawPath(), ex.rawQuery(), headers, signed, payloadHash);
        String expected = SdkHmacSha256.signature(key.secret(), date, canonical);
        byte[] given = fields.get("signature").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given)) {
            ex.note("the sandbox signed this canonical request: " + canonical.replace("\n", "\\n"));
            return Verdict.refused("the signature does not match the request");
        }
        return Verdict.as(key.identity());
    }

    /** A key's secret and who signs with it, or why the key cannot sign this request. */
    private record SigningKey(String secret, String identity, String failure) {}

    /**
     * The secret of a permanent or temporary access key. Temporary keys also need their security token, sent as
     * {@code X-Security-Token} and signed (huaweicloud-sdk-java-v3 {@code BasicCredentials}), and must not have expired.
     */
    private SigningKey signingKey(String accessKey, Map<String, String> headers, List<String> signed) {
        if (SandboxCredentials.ACCESS_KEY.equals(accessKey)) {
            return new SigningKey(SandboxCredentials.SECRET_KEY, "aksk:" + accessKey, null);
        }
        TemporaryKey temporary = temporaryKeys.get(accessKey);
        String token = headers.get("x-security-token");
        if (token == null) {
            return new SigningKey(null, null, "the access key " + masked(accessKey) + " is temporary and needs its X-Security-Token");
        }
        if (!signed.contains("x-security-token")) {
            return new SigningKey(null, null, "X-Security-Token is sent but not in SignedHeaders");
        }
        if (!MessageDigest.isEqual(temporary.securityToken().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return new SigningKey(null, null, "the X-Security-Token does not belong to the access key " + masked(accessKey));
        }
        if (temporary.expiresAt() != null && !clock.instant().isBefore(temporary.expiresAt())) {
            return new SigningKey(null, null, "the temporary access key " + masked(accessKey) + " has expired");
        }
        return new SigningKey(temporary.secretKey(), "temporary:" + accessKey, null);
    }

    /** {@code SDK-HMAC-SHA256 Access=a, SignedHeaders=b, Signature=c} as lower-case keys to values, or null. */
    private static Map<String, String> authorizationFields(String authorization) {
        String value = authorization.trim();
        if (!value.startsWith(SdkHmacSha256.ALGORITHM + " ")) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String item : value.substring(SdkHmacSha256.ALGORITHM.length()).split(",")) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            fields.put(item.substring(0, eq).trim().toLowerCase(Locale.ROOT), item.substring(eq + 1).trim());
        }
        return fields;
    }

    private static boolean isMultipart(Map<String, String> headers) {
        String type = headers.get("content-type");
        return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    private static String masked(String accessKey) {
        return accessKey.length() <= 4 ? "****" : accessKey.substring(0, 4) + "****";
    }
}
