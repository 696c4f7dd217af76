package dev.worklink.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sandbox's own reading of Huawei Cloud's {@code SDK-HMAC-SHA256} signature, written from the API gateway's
 * signing guide as SPEC.md quotes it ("aksk" under Credentials), and deliberately sharing no code with the plugin's
 * {@code dev.worklink.auth.AkSkSigner}: the sandbox is the oracle the plugin's signer is tested against, so a mistake
 * in one must not be repeated in the other.
 *
 * <pre>
 * CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HexEncode(Hash(body))
 * StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n HexEncode(Hash(CanonicalRequest))
 * Signature        = HexEncode(HMAC-SHA256(secret key, StringToSign))
 * </pre>
 *
 * The canonical URI is each path segment URI-encoded, ending with {@code /}; the canonical query is each name and
 * value URI-encoded (RFC 3986: a space is {@code %20}, only {@code A-Z a-z 0-9 - _ . ~} stay), sorted by name, then
 * value; each signed header is {@code name:trimmed-value\n}.
 */
final class SdkHmacSha256 {

    static final String ALGORITHM = "SDK-HMAC-SHA256";

    private SdkHmacSha256() {}

    /**
     * @param headers       the request's headers, names lower-case
     * @param signedHeaders lower-case names, in the order the Authorization header gave them (already checked sorted)
     */
    static String canonicalRequest(String method, String rawPath, String rawQuery, Map<String, String> headers,
            List<String> signedHeaders, String payloadHash) {
        StringBuilder out = new StringBuilder(256);
        out.append(method).append('\n');
        out.append(canonicalUri(rawPath)).append('\n');
        out.append(canonicalQuery(rawQuery)).append('\n');
        for (String name : signedHeaders) {
            String value = headers.get(name);
            out.append(name).append(':').append(value == null ? "" : value.strip()).append('\n');
        }
        out.append('\n');
        out.append(String.join(";", signedHeaders)).append('\n');
        out.append(payloadHash);
        return out.toString();
    }

    static String signature(String secretKey, String sdkDate, String canonicalRequest) {
        String stringToSign = ALGORITHM + '\n' + sdkDate + '\n' + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(hmac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute HmacSHA256", e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute SHA-256", e);
        }
    }

    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        int start = 0;
        while (true) {
            int slash = rawPath.indexOf('/', start);
            segments.add(uriEncode(percentDecode(slash < 0 ? rawPath.substring(start) : rawPath.substring(start, slash))));
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        String joined = String.join("/", segments);
        return joined.endsWith("/") ? joined : joined + "/";
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(Map.entry(uriEncode(percentDecode(name)), uriEncode(percentDecode(value))));
        }
        pairs.sort(Comparator.<Map.Entry<String, String>, String>comparing(Map.Entry::getKey).thenComparing(Map.Entry::getValue));
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> pair : pairs) {
            out.append(out.length() == 0 ? "" : "&").append(pair.getKey()).append('=').append(pair.getValue());
        }
        return out.toString();
    }

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

    /** RFC 3986 section 2.1: every byte of the UTF-8 form that is not unreserved becomes %XX (upper-case hex). */
    static String uriEncode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && UNRESERVED.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append(String.format("%%%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** %XX sequences to bytes, read as UTF-8; {@code +} stays a plus (a URI is not a form). */
    static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
                i += 3;
            } else {
                int cp = text.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
