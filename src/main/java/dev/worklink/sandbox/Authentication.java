package dev.worklink.sandbox;

import dev.worklink.auth.AkSkSigner;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a CodeArts request comes from: a token the sandbox issued (or its ready token), or an AK/SK signature it
 * checks itself by signing what it received. Anything else gets Huawei's 401 {@code APIGW.0301}.
 */
final class Authentication {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(15);
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "^SDK-HMAC-SHA256\\s+Access=([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-fA-F]+)$");

    private final Map<String, String> issued = new ConcurrentHashMap<>();
    private final Set<String> expired = ConcurrentHashMap.newKeySet();

    void issue(String token, String user) {
        issued.put(token, user);
    }

    /** Every token issued so far answers 401 from now on. */
    void expireAll() {
        expired.addAll(issued.keySet());
    }

    List<String> issuedTokens() {
        return List.copyOf(issued.keySet());
    }

    /**
     * Checks the request; answers 401 itself and returns false when it does not authenticate.
     *
     * @param body the body when it was read whole (its hash is what a signature covers), else null
     */
    boolean check(SandboxExchange ex, byte[] body) throws IOException {
        String failure;
        String token = ex.header("X-Auth-Token");
        String authorization = ex.header("Authorization");
        if (token != null) {
            if (SandboxCredentials.READY_TOKEN.equals(token)) {
                ex.authenticatedAs("token:ready");
                return true;
            }
            String user = issued.get(token);
            if (user != null && !expired.contains(token)) {
                ex.authenticatedAs("token:" + user);
                return true;
            }
            failure = user == null ? "the token is not valid" : "the token has expired";
        } else if (authorization != null) {
            failure = checkSignature(ex, authorization, body);
            if (failure == null) {
                return true;
            }
        } else {
            failure = "no X-Auth-Token and no Authorization header";
        }
        ex.huaweiError(401, "APIGW.0301", "Incorrect IAM authentication information: " + failure);
        return false;
    }

    private static String checkSignature(SandboxExchange ex, String authorization, byte[] body) {
        Matcher m = AUTHORIZATION.matcher(authorization.trim());
        if (!m.matches()) {
            return "the Authorization header is not of the SDK-HMAC-SHA256 form";
        }
        if (!SandboxCredentials.ACCESS_KEY.equals(m.group(1))) {
            return "unknown access key";
        }
        List<String> signed = Arrays.asList(m.group(2).split(";"));
        if (!signed.contains("host") || !signed.contains("x-sdk-date")) {
            return "SignedHeaders must include host and x-sdk-date";
        }
        String date = ex.header("X-Sdk-Date");
        try {
            Instant when = LocalDateTime.parse(date, AkSkSigner.SDK_DATE).toInstant(ZoneOffset.UTC);
            if (Duration.between(when, Instant.now()).abs().compareTo(CLOCK_SKEW) > 0) {
                return "X-Sdk-Date is more than 15 minutes from the server's time";
            }
        } catch (DateTimeParseException | NullPointerException e) {
            return "X-Sdk-Date is missing or not yyyyMMdd'T'HHmmss'Z'";
        }
        String payloadHash;
        if ("UNSIGNED-PAYLOAD".equals(ex.header("X-Sdk-Content-Sha256"))) {
            payloadHash = "UNSIGNED-PAYLOAD";
        } else if (body != null) {
            payloadHash = SandboxExchange.sha256Hex(body);
        } else {
            return "a file body must be sent with X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD";
        }
        Map<String, String> headers = ex.lowerCaseHeaders();
        for (String name : signed) {
            if (!headers.containsKey(name)) {
                return "the signed header " + name + " is missing";
            }
        }
        String expected = AkSkSigner.signature(SandboxCredentials.SECRET_KEY, ex.method(), ex.rawPath(), ex.rawQuery(), headers, signed,
                date, payloadHash);
        if (!expected.equalsIgnoreCase(m.group(3))) {
            return "the signature does not match";
        }
        ex.authenticatedAs("aksk:" + m.group(1));
        return null;
    }
}
