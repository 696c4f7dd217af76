package dev.worklink.auth;

import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.RequestBody;
import dev.worklink.http.ServiceRequest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests with Huawei Cloud's {@code SDK-HMAC-SHA256} scheme (access key / secret key).
 *
 * <p>The canonical request is {@code METHOD \n URI/ \n sorted-query \n canonical-headers \n signed-headers \n
 * payload-hash}; the string to sign is {@code SDK-HMAC-SHA256 \n date \n hex(sha256(canonical request))}. File
 * bodies are not hashed: they carry {@code X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD}, which stands for the hash,
 * and a multipart Content-Type (with its boundary) is not signed.
 */
public final class AkSkSigner implements RequestAuthenticator {

    public static final String ALGORITHM = "SDK-HMAC-SHA256";
    public static final DateTimeFormatter SDK_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String accessKey;
    private final String secretKey;
    private final ProjectIdSource projectIds;
    private final String source;
    private final Clock clock;

    /**
     * @param projectId optional; sent as {@code X-Project-Id} (and signed) when given
     * @param source    where the keys come from, for messages ("the server 'codearts' in Maven settings")
     */
    public AkSkSigner(String accessKey, String secretKey, String projectId, String source, Clock clock) {
        this(accessKey, secretKey, ProjectIdSource.fixed(projectId), source, clock);
    }

    private AkSkSigner(String accessKey, String secretKey, ProjectIdSource projectIds, String source, Clock clock) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.projectIds = projectIds == null ? ProjectIdSource.NONE : projectIds;
        this.source = source;
        this.clock = clock;
    }

    /**
     * A signer whose {@code X-Project-Id} comes from {@code projectIds}, asked before each request (a lookup answers
     * once): as the SDK's {@code BasicCredentials} does, every signed call carries the region's IAM project id.
     */
    public static AkSkSigner withProjectIds(String accessKey, String secretKey, ProjectIdSource projectIds, String source, Clock clock) {
        return new AkSkSigner(accessKey, secretKey, projectIds, source, clock);
    }

    /** The same keys sending no {@code X-Project-Id}: how the project lookup itself is signed. */
    public AkSkSigner withoutProjectId() {
        return new AkSkSigner(accessKey, secretKey, ProjectIdSource.NONE, source, clock);
    }

    @Override
    public Map<String, String> headersFor(ServiceRequest request) throws java.io.IOException {
        String projectId = projectIds.projectId();
        Map<String, String> signed = new TreeMap<>();
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            boolean multipartType = h.getKey().equalsIgnoreCase("Content-Type") && request.body() instanceof RequestBody.MultipartFile;
            if (!multipartType) {
                signed.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue());
            }
        }
        Map<String, String> added = new LinkedHashMap<>();
        String date = SDK_DATE.format(clock.instant());
        added.put("X-Sdk-Date", date);
        signed.put("x-sdk-date", date);
        signed.put("host", hostHeader(request.uri()));
        String payloadHash;
        if (request.body() instanceof RequestBody.Json json) {
            payloadHash = sha256Hex(json.bytes());
        } else if (request.body() instanceof RequestBody.Empty) {
            payloadHash = sha256Hex(new byte[0]);
        } else {
            payloadHash = RequestBody.UNSIGNED_PAYLOAD;
            added.put("X-Sdk-Content-Sha256", RequestBody.UNSIGNED_PAYLOAD);
            signed.put("x-sdk-content-sha256", RequestBody.UNSIGNED_PAYLOAD);
        }
        if (projectId != null && !projectId.isBlank()) {
            added.put("X-Project-Id", projectId);
            signed.put("x-project-id", projectId);
        }
        List<String> names = new ArrayList<>(signed.keySet());
        String signature = signature(secretKey, request.method(), request.uri().getRawPath(), request.uri().getRawQuery(),
                signed, names, date, payloadHash);
        added.put("Authorization", authorization(accessKey, names, signature));
        return added;
    }

    /**
     * Huawei Cloud's API gateway documents that AK/SK-signed requests carry bodies of at most 12 MB; IAM password and
     * token credentials carry attachments up to CodeArts' 50 MB.
     */
    public static final long MAX_SIGNED_BODY = 12L * 1024 * 1024;

    @Override
    public long maxSignedBodyBytes() {
        return MAX_SIGNED_BODY;
    }

    @Override
    public String describe() {
        return "AK/SK signature with access key " + maskedAccessKey() + " from " + source;
    }

    /** The first four characters of the access key: enough to tell keys apart, not enough to use one. */
    private String maskedAccessKey() {
        return accessKey.length() <= 4 ? "****" : accessKey.substring(0, 4) + "****";
    }

    /** The value of the Host header HttpClient sends for this URI: host, and port when it is not the default. */
    public static String hostHeader(URI uri) {
        String host = uri.getHost();
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80)
                || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443);
        return defaultPort ? host : host + ":" + port;
    }

    public static String authorization(String accessKey, List<String> signedHeaders, String signature) {
        return ALGORITHM + " Access=" + accessKey + ", SignedHeaders=" + String.join(";", signedHeaders) + ", Signature=" + signature;
    }

    /**
     * The hex signature of one request.
     *
     * @param rawPath       the path as sent (percent-encoded)
     * @param rawQuery      the query as sent, or null
     * @param headers       lower-case header names to values; must hold every name in {@code signedHeaders}
     * @param signedHeaders lower-case names of the signed headers
     * @param payloadHash   hex SHA-256 of the body, or {@code UNSIGNED-PAYLOAD}
     */
    public static String signature(String secretKey, String method, String rawPath, String rawQuery,
            Map<String, String> headers, List<String> signedHeaders, String sdkDate, String payloadHash) {
        String canonical = canonicalRequest(method, rawPath, rawQuery, headers, signedHeaders, payloadHash);
        String stringToSign = ALGORITHM + "\n" + sdkDate + "\n" + sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hmacSha256(secretKey.getBytes(StandardCharsets.UTF_8), stringToSign));
    }

    public static String canonicalRequest(String method, String rawPath, String rawQuery, Map<String, String> headers,
            List<String> signedHeaders, String payloadHash) {
        List<String> names = signedHeaders.stream().map(n -> n.toLowerCase(Locale.ROOT)).sorted().toList();
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : names) {
            String value = headers.get(name);
            canonicalHeaders.append(name).append(':').append(value == null ? "" : value.trim()).append('\n');
        }
        return method.toUpperCase(Locale.ROOT) + "\n"
                + canonicalUri(rawPath) + "\n"
                + canonicalQuery(rawQuery) + "\n"
                + canonicalHeaders + "\n"
                + String.join(";", names) + "\n"
                + payloadHash;
    }

    /** Each path segment decoded, then encoded as RFC 3986 says; always ends with {@code /}. */
    public static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        StringBuilder sb = new StringBuilder();
        String[] segments = rawPath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(encode(decode(segments[i])));
        }
        if (sb.charAt(sb.length() - 1) != '/') {
            sb.append('/');
        }
        return sb.toString();
    }

    /** Keys and values decoded, encoded as RFC 3986 says, sorted by key then value, joined with {@code &}. */
    public static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(new String[] {encode(decode(key)), encode(decode(value))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder();
        for (String[] pair : pairs) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(pair[0]).append('=').append(pair[1]);
        }
        return sb.toString();
    }

    /** RFC 3986 percent-encoding of UTF-8: only {@code A-Z a-z 0-9 - _ . ~} stay as they are. */
    public static String encode(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    /** Percent-decoding that leaves {@code +} alone (in a URI it is a plus, not a space). */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] hmacSha256(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
