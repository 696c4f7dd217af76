package dev.worklink.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worklink.http.HttpClientFactory;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.Log;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.RequestBody;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sandbox tests share: a sandbox with a 1000-byte attachment limit, a record file and a collected log;
 * the plugin's own HTTP client (Apache HttpClient 5, no retries) and a plain {@link HttpClient} for exact requests.
 */
abstract class SandboxFixture {

    static final String PROJECT = "0123456789abcdef0123456789abcdef";
    static final String IPD_ISSUE = "956239067176935400";
    static final String SCRUM_ISSUE = "4711";
    static final String IPD_UPLOAD = "/v1/ipdprojectservice/projects/" + PROJECT + "/issues/" + IPD_ISSUE + "/attachments/upload";
    static final String IPD_LIST = "/v1/ipdprojectservice/projects/" + PROJECT + "/attachments?issue_id=" + IPD_ISSUE;
    static final String SCRUM_UPLOAD = "/v4/projects/" + PROJECT + "/issues/" + SCRUM_ISSUE + "/attachments/upload";
    static final long LIMIT = 1000;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Sandbox sandbox;
    CloseableHttpClient http;
    ServiceClient client;
    final HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSandbox() throws IOException {
        sandbox = Sandbox.start(SandboxOptions.defaults().withAttachmentLimit(LIMIT).withRecordFile(dir.resolve("record.jsonl"))
                .withLog(log::add));
        HttpSettings settings = HttpSettings.defaults().withRetries(0);
        http = HttpClientFactory.create(settings, "sandbox-test");
        client = new ServiceClient(http, settings, Log.NONE, millis -> {});
    }

    @AfterEach
    void stopSandbox() throws IOException {
        http.close();
        sandbox.close();
    }

    URI uri(String pathAndQuery) {
        return URI.create(sandbox.url() + pathAndQuery);
    }

    /** A file of this size whose bytes vary (so that a shifted or dropped byte changes its hash). */
    Path file(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + (i >>> 8));
        }
        return Files.write(dir.resolve(name), bytes);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    // ---- requests through the plugin's client

    ServiceRequest upload(String path, String field, Path file) {
        return new ServiceRequest("POST", uri(path), Map.of(),
                new RequestBody.MultipartFile(field, file, file.getFileName().toString(), "application/octet-stream"), "upload");
    }

    static RequestAuthenticator token(String token) {
        return new RequestAuthenticator() {
            @Override
            public Map<String, String> headersFor(ServiceRequest request) {
                return Map.of("X-Auth-Token", token);
            }

            @Override
            public String describe() {
                return "a test token";
            }
        };
    }

    static RequestAuthenticator readyToken() {
        return token(SandboxCredentials.READY_TOKEN);
    }

    // ---- exact requests through java.net.http

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return raw.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    HttpResponse<String> iam(String user, String password, String domain) throws IOException, InterruptedException {
        return post("/v3/auth/tokens?nocatalog=true", "application/json;charset=UTF-8", iamBody(user, password, domain).getBytes(StandardCharsets.UTF_8));
    }

    static String iamBody(String user, String password, String domain) {
        return "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + user + "\",\"password\":\""
                + password + "\",\"domain\":{\"name\":\"" + domain + "\"}}}},\"scope\":{\"project\":{\"name\":\"cn-north-4\"}}}}";
    }

    String issuedToken() throws IOException, InterruptedException {
        return iam(SandboxCredentials.IAM_USER, SandboxCredentials.IAM_PASSWORD, SandboxCredentials.IAM_DOMAIN)
                .headers().firstValue("X-Subject-Token").orElseThrow();
    }

    /** A multipart/form-data body with one part per {@code field, fileName (or null), bytes} triple. */
    static byte[] multipart(String boundary, Object... fieldNameBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < fieldNameBytes.length; i += 3) {
            String disposition = "form-data; name=\"" + fieldNameBytes[i] + "\""
                    + (fieldNameBytes[i + 1] != null ? "; filename=\"" + fieldNameBytes[i + 1] + "\"" : "");
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\n"
                    + (fieldNameBytes[i + 1] != null ? "Content-Type: application/octet-stream\r\n" : "") + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes((byte[]) fieldNameBytes[i + 2]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /**
     * The headers of an AK/SK-signed request, signed here by Huawei Cloud's own SDK signer (huaweicloud-sdk-core's
     * {@code AKSKSigner}), never by the plugin's: the sandbox's check is tested against an independent signer. A test
     * chooses what is signed (so it can sign one thing and send another). The SDK signs every header it is given but
     * Content-Type.
     *
     * @param query      the query as it is signed, already percent-encoded, or null
     * @param signedBody the body as it is signed, or null for none
     */
    Map<String, String> signedHeaders(String secretKey, String method, String path, String query, Map<String, String> extraHeaders,
            Instant date, byte[] signedBody) {
        String sdkDate = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC).format(date);
        com.huaweicloud.sdk.core.http.HttpRequest.HttpRequestBuilder b = com.huaweicloud.sdk.core.http.HttpRequest.newBuilder()
                .withEndpoint(sandbox.url()).withPath(path).withMethod(com.huaweicloud.sdk.core.http.HttpMethod.valueOf(method));
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                b.addQueryParam(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        List.of(java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
            }
        }
        b.addHeader("X-Sdk-Date", sdkDate);
        extraHeaders.forEach(b::addHeader);
        if (signedBody != null) {
            b.withBody(new java.io.ByteArrayInputStream(signedBody));
        }
        com.huaweicloud.sdk.core.auth.BasicCredentials keys = new com.huaweicloud.sdk.core.auth.BasicCredentials()
                .withAk(SandboxCredentials.ACCESS_KEY).withSk(secretKey);
        Map<String, String> added = com.huaweicloud.sdk.core.auth.AKSKSigner.getInstance().sign(b.build(), keys);
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("X-Sdk-Date", sdkDate);
        headers.put("Authorization", added.get("Authorization"));
        return headers;
    }

    static String[] flat(Map<String, String> headers) {
        List<String> out = new ArrayList<>();
        headers.forEach((k, v) -> {
            out.add(k);
            out.add(v);
        });
        return out.toArray(String[]::new);
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    RecordedRequest onlyRecord() {
        List<RecordedRequest> records = sandbox.records();
        if (records.size() != 1) {
            throw new AssertionError("expected one recorded request, got " + records);
        }
        return records.get(0);
    }
}
