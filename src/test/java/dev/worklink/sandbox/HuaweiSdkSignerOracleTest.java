package dev.worklink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import dev.worklink.auth.AkSkSigner;
import dev.worklink.http.RequestBody;
import dev.worklink.http.ServiceRequest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Huawei Cloud's own signer ({@code com.huaweicloud.sdk.core.auth.AKSKSigner} of huaweicloud-sdk-core, the signer of
 * its official Java SDK) is the oracle here, for two things it shares no code with: the plugin's {@link AkSkSigner}
 * must write the same {@code Authorization} for the same request and date, and the sandbox must accept what the SDK
 * signs (sent over real HTTP) and refuse it when signed with another secret key.
 *
 * <p>The SDK never signs {@code Content-Type} (AKSKSigner.combineAllHeaders filters it out), while the plugin signs
 * a JSON request's Content-Type as the documented vector does (see AkSkSignerTest): the plugin's JSON request is
 * compared here without a Content-Type among its signed headers, and that case is pinned by the documented vector.
 */
class HuaweiSdkSignerOracleTest extends SandboxFixture {

    private static final String PLAN = "f29c3f16d5f54cbab5e167ef9eed3baf";
    private static final String IAM_PROJECT = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String BOUNDARY = "oracle-boundary";

    private final Instant now = Instant.now();

    /** A request as the SDK builds it, with the SDK's own URL (its own query encoding). */
    private com.huaweicloud.sdk.core.http.HttpRequest sdkRequest(HttpMethod method, String path, Map<String, List<String>> query,
            Map<String, String> headers, byte[] body) {
        com.huaweicloud.sdk.core.http.HttpRequest.HttpRequestBuilder b = com.huaweicloud.sdk.core.http.HttpRequest.newBuilder()
                .withEndpoint(sandbox.url()).withPath(path).withMethod(method);
        query.forEach(b::addQueryParam);
        b.addHeader("X-Sdk-Date", SDK_DATE.format(now));
        headers.forEach(b::addHeader);
        if (body != null) {
            b.withBody(new ByteArrayInputStream(body));
        }
        return b.build();
    }

    /** The SDK's Authorization (and the headers it adds) for a request, with these keys. */
    private static Map<String, String> sdkSign(com.huaweicloud.sdk.core.http.HttpRequest request, String secretKey) {
        BasicCredentials keys = new BasicCredentials().withAk(SandboxCredentials.ACCESS_KEY).withSk(secretKey);
        return AKSKSigner.getInstance().sign(request, keys);
    }

    /** Sends a request over real HTTP with the request's own headers, what the SDK added, and the body. */
    private HttpResponse<String> sendSigned(com.huaweicloud.sdk.core.http.HttpRequest request, Map<String, String> sdkHeaders,
            String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.getUrl().toURI())
                .method(request.getMethod().name(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        request.getHeaders().forEach((name, values) -> b.header(name, values.get(0)));
        sdkHeaders.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) { // java.net.http sets Host itself, to the same authority
                b.header(name, value);
            }
        });
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    private AkSkSigner plugin(String projectId) {
        return new AkSkSigner(SandboxCredentials.ACCESS_KEY, SandboxCredentials.SECRET_KEY, projectId, "test", Clock.fixed(now, ZoneOffset.UTC));
    }

    // ---- a GET whose query holds %20, * and ~

    private com.huaweicloud.sdk.core.http.HttpRequest listWithAwkwardQuery() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("issue_id", List.of(IPD_ISSUE));
        query.put("tag", List.of("build 42*~final"));
        return sdkRequest(HttpMethod.GET, "/v1/ipdprojectservice/projects/" + PROJECT + "/attachments", query,
                Map.of("Accept", "application/json"), null);
    }

    @Test
    void aGetWithSpaceStarAndTildeInTheQueryIsSignedAsTheSdkSignsIt() throws Exception {
        com.huaweicloud.sdk.core.http.HttpRequest request = listWithAwkwardQuery();
        assertThat(request.getUrl().getQuery()).contains("tag=build%2042%2A~final");

        Map<String, String> sdk = sdkSign(request, SandboxCredentials.SECRET_KEY);
        Map<String, String> ours = plugin(null).headersFor(ServiceRequest.get(request.getUrl().toURI(), "list"));

        assertThat(ours.get("Authorization")).isEqualTo(sdk.get("Authorization"))
                .contains("SignedHeaders=accept;host;x-sdk-date,");
    }

    @Test
    void theSandboxAcceptsTheSdksGetAndRefusesItSignedWithAnotherKey() throws Exception {
        com.huaweicloud.sdk.core.http.HttpRequest request = listWithAwkwardQuery();

        HttpResponse<String> accepted = sendSigned(request, sdkSign(request, SandboxCredentials.SECRET_KEY), null, null);
        HttpResponse<String> refused = sendSigned(request, sdkSign(request, "not-the-sandbox-secret-key"), null, null);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("APIGW.0301").contains("the signature does not match");
        assertThat(sandbox.records()).extracting(RecordedRequest::authenticatedAs).containsExactly("aksk:" + SandboxCredentials.ACCESS_KEY, null);
    }

    // ---- a JSON POST (the link call), with the X-Project-Id the SDK's BasicCredentials adds

    private static final byte[] LINK_BODY = "[1,2]".getBytes(StandardCharsets.UTF_8);

    private com.huaweicloud.sdk.core.http.HttpRequest link() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("X-Project-Id", IAM_PROJECT);
        return sdkRequest(HttpMethod.POST, "/v3/plan/" + PROJECT + "/" + PLAN + "/issue", Map.of(), headers, LINK_BODY);
    }

    @Test
    void aJsonPostIsSignedAsTheSdkSignsIt() throws Exception {
        com.huaweicloud.sdk.core.http.HttpRequest request = link();

        Map<String, String> sdk = sdkSign(request, SandboxCredentials.SECRET_KEY);
        ServiceRequest same = new ServiceRequest("POST", request.getUrl().toURI(), Map.of("Accept", "application/json"),
                new RequestBody.Json(LINK_BODY), "link");
        Map<String, String> ours = plugin(IAM_PROJECT).headersFor(same);

        assertThat(ours.get("Authorization")).isEqualTo(sdk.get("Authorization"))
                .contains("SignedHeaders=accept;host;x-project-id;x-sdk-date,");
        assertThat(ours).containsEntry("X-Project-Id", IAM_PROJECT).doesNotContainKey("X-Sdk-Content-Sha256");
    }

    @Test
    void theSandboxAcceptsTheSdksJsonPostAndRefusesItSignedWithAnotherKey() throws Exception {
        com.huaweicloud.sdk.core.http.HttpRequest request = link();

        HttpResponse<String> accepted = sendSigned(request, sdkSign(request, SandboxCredentials.SECRET_KEY), "application/json", LINK_BODY);
        HttpResponse<String> refused = sendSigned(request, sdkSign(request, "not-the-sandbox-secret-key"), "application/json", LINK_BODY);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json(accepted.body()).path("status").asText()).isEqualTo("success");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(sandbox.records()).extracting(RecordedRequest::jsonBody).containsExactly("[1,2]", "[1,2]");
        assertThat(sandbox.records()).extracting(RecordedRequest::status).containsExactly(200, 401);
    }

    @Test
    void theSandboxRefusesAJsonBodyThatClaimsUnsignedPayload() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD");
        com.huaweicloud.sdk.core.http.HttpRequest request = sdkRequest(HttpMethod.POST, "/v3/plan/" + PROJECT + "/" + PLAN + "/issue",
                Map.of(), headers, LINK_BODY);

        HttpResponse<String> r = sendSigned(request, sdkSign(request, SandboxCredentials.SECRET_KEY), "application/json", LINK_BODY);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("APIGW.0301").contains("UNSIGNED-PAYLOAD stands for the body's hash only on a multipart/form-data body");
    }

    // ---- a multipart upload with UNSIGNED-PAYLOAD

    private com.huaweicloud.sdk.core.http.HttpRequest upload() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD");
        return sdkRequest(HttpMethod.POST, IPD_UPLOAD, Map.of(), headers, null);
    }

    @Test
    void aMultipartUploadWithUnsignedPayloadIsSignedAsTheSdkSignsIt() throws Exception {
        com.huaweicloud.sdk.core.http.HttpRequest request = upload();
        Path file = file("app.jar", 300);

        Map<String, String> sdk = sdkSign(request, SandboxCredentials.SECRET_KEY);
        Map<String, String> ours = plugin(null).headersFor(new ServiceRequest("POST", request.getUrl().toURI(),
                Map.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY),
                new RequestBody.MultipartFile("attachment", file, "app.jar", "application/java-archive"), "upload"));

        assertThat(ours.get("Authorization")).isEqualTo(sdk.get("Authorization"))
                .contains("SignedHeaders=host;x-sdk-content-sha256;x-sdk-date,");
        assertThat(ours).containsEntry("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD");
    }

    @Test
    void theSandboxAcceptsTheSdksMultipartUploadAndRefusesItSignedWithAnotherKey() throws Exception {
        com.huaweicloud.sdk.core.http.HttpRequest request = upload();
        byte[] body = multipart(BOUNDARY, "attachment", "app.jar", new byte[] {1, 2, 3, 4, 5});
        String type = "multipart/form-data; boundary=" + BOUNDARY;

        HttpResponse<String> accepted = sendSigned(request, sdkSign(request, SandboxCredentials.SECRET_KEY), type, body);
        HttpResponse<String> refused = sendSigned(request, sdkSign(request, "not-the-sandbox-secret-key"), type, body);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(sandbox.records()).extracting(RecordedRequest::status).containsExactly(200, 401);
        assertThat(sandbox.records().get(0).parts()).extracting(RecordedPart::fileName).containsExactly("app.jar");
    }

    // ---- temporary keys: a signed X-Security-Token

    private com.huaweicloud.sdk.core.http.HttpRequest listWithSecurityToken() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("X-Security-Token", "gQpjbi1ub3J0aC00temporary-token");
        return sdkRequest(HttpMethod.GET, "/v1/ipdprojectservice/projects/" + PROJECT + "/attachments",
                Map.of("issue_id", List.of(IPD_ISSUE)), headers, null);
    }

    @Test
    void aRequestCarryingXSecurityTokenIsSignedAsTheSdkSignsIt() throws Exception {
        com.huaweicloud.sdk.core.http.HttpRequest request = listWithSecurityToken();

        Map<String, String> sdk = sdkSign(request, SandboxCredentials.SECRET_KEY);
        ServiceRequest same = ServiceRequest.get(request.getUrl().toURI(), "list")
                .withHeader("X-Security-Token", "gQpjbi1ub3J0aC00temporary-token");
        Map<String, String> ours = plugin(null).headersFor(same);

        assertThat(ours.get("Authorization")).isEqualTo(sdk.get("Authorization"))
                .contains("SignedHeaders=accept;host;x-sdk-date;x-security-token,");
    }

    @Test
    void theSandboxAcceptsTheSdksRequestWithASignedSecurityTokenAndRefusesItSignedWithAnotherKey() throws Exception {
        com.huaweicloud.sdk.core.http.HttpRequest request = listWithSecurityToken();

        HttpResponse<String> accepted = sendSigned(request, sdkSign(request, SandboxCredentials.SECRET_KEY), null, null);
        HttpResponse<String> refused = sendSigned(request, sdkSign(request, "not-the-sandbox-secret-key"), null, null);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(401);
    }

    // ---- SignedHeaders only in the documented form

    @Test
    void theSandboxRefusesSignedHeadersThatAreNotLowerCaseAndSorted() throws Exception {
        com.huaweicloud.sdk.core.http.HttpRequest request = listWithAwkwardQuery();
        Map<String, String> sdk = new LinkedHashMap<>(sdkSign(request, SandboxCredentials.SECRET_KEY));
        String authorization = sdk.get("Authorization");
        sdk.put("Authorization", authorization.replace("SignedHeaders=accept;host;x-sdk-date", "SignedHeaders=X-Sdk-Date;Host;Accept"));

        HttpResponse<String> r = sendSigned(request, sdk, null, null);

        assertThat(authorization).contains("SignedHeaders=accept;host;x-sdk-date,");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("APIGW.0301").contains("SignedHeaders must be lower-case header names in sorted order")
                .contains("X-Sdk-Date;Host;Accept");
    }

    @Test
    void theSandboxRefusesSignedHeadersInAnotherOrderEvenInLowerCase() throws Exception {
        com.huaweicloud.sdk.core.http.HttpRequest request = listWithAwkwardQuery();
        Map<String, String> sdk = new LinkedHashMap<>(sdkSign(request, SandboxCredentials.SECRET_KEY));
        sdk.put("Authorization", sdk.get("Authorization").replace("SignedHeaders=accept;host;x-sdk-date", "SignedHeaders=x-sdk-date;host;accept"));

        HttpResponse<String> r = sendSigned(request, sdk, null, null);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("SignedHeaders must be lower-case header names in sorted order");
    }
}
