package dev.worklink.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklink.http.RequestBody;
import dev.worklink.http.ServiceRequest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AkSkSignerTest {

    private static final String AK = "QTWAOYTTINDUT2QVKYUC";
    private static final String SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
    private static final Clock DOC_CLOCK = Clock.fixed(Instant.parse("2019-11-15T03:36:55Z"), ZoneOffset.UTC);

    @Test
    void documentedVectorGivesTheDocumentedSignature() {
        Map<String, String> headers = Map.of(
                "content-type", "application/json",
                "host", "service.region.example.com",
                "x-sdk-date", "20191115T033655Z");

        String signature = AkSkSigner.signature(SK, "GET", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
                "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0", headers,
                List.of("content-type", "host", "x-sdk-date"), "20191115T033655Z", AkSkSigner.sha256Hex(new byte[0]));

        assertThat(signature).isEqualTo("7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe");
    }

    @Test
    void signerProducesTheDocumentedAuthorizationHeaderForTheVectorRequest() throws Exception {
        AkSkSigner signer = new AkSkSigner(AK, SK, null, "test", DOC_CLOCK);
        Map<String, String> requestHeaders = new LinkedHashMap<>();
        requestHeaders.put("Content-Type", "application/json");
        ServiceRequest request = new ServiceRequest("GET",
                URI.create("https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0"),
                requestHeaders, new RequestBody.Empty(), "vector");

        Map<String, String> added = signer.headersFor(request);

        assertThat(added).containsEntry("X-Sdk-Date", "20191115T033655Z");
        assertThat(added.get("Authorization")).isEqualTo("SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, "
                + "SignedHeaders=content-type;host;x-sdk-date, "
                + "Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe");
    }

    @Test
    void canonicalUriEncodesSpacesStarsTildesAndNonAsciiAndEndsWithSlash() {
        assertThat(AkSkSigner.canonicalUri("/v1/a%20b/c*d/e~f/%C3%A9t%C3%A9"))
                .isEqualTo("/v1/a%20b/c%2Ad/e~f/%C3%A9t%C3%A9/");
        assertThat(AkSkSigner.canonicalUri("/v1/already/")).isEqualTo("/v1/already/");
        assertThat(AkSkSigner.canonicalUri("")).isEqualTo("/");
    }

    @Test
    void canonicalQueryEncodesAsRfc3986AndSortsByKeyThenValue() {
        assertThat(AkSkSigner.canonicalQuery("plugin_name=my%20icon*~&b=2&a=%E4%B8%AD&a=1"))
                .isEqualTo("a=%E4%B8%AD&a=1&b=2&plugin_name=my%20icon%2A~");
    }

    @Test
    void plusInAQueryIsALiteralPlusNotASpace() {
        assertThat(AkSkSigner.canonicalQuery("name=a+b")).isEqualTo("name=a%2Bb");
    }

    @Test
    void encodeKeepsOnlyUnreservedCharacters() {
        assertThat(AkSkSigner.encode("a b*c~d-e_f.g/ü")).isEqualTo("a%20b%2Ac~d-e_f.g%2F%C3%BC");
    }

    @Test
    void multipartBodiesAreUnsignedAndTheirContentTypeIsNotSigned() throws Exception {
        AkSkSigner signer = new AkSkSigner(AK, SK, "0123456789abcdef0123456789abcdef", "test", DOC_CLOCK);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "multipart/form-data; boundary=xyz");
        ServiceRequest request = new ServiceRequest("POST", URI.create("http://127.0.0.1:8080/v4/projects/p/issues/1/attachments/upload"),
                headers, new RequestBody.MultipartFile("attachment", Path.of("a.jar"), "a.jar", "application/java-archive"), "upload");

        Map<String, String> added = signer.headersFor(request);

        assertThat(added).containsEntry("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD")
                .containsEntry("X-Project-Id", "0123456789abcdef0123456789abcdef");
        assertThat(added.get("Authorization"))
                .contains("SignedHeaders=host;x-project-id;x-sdk-content-sha256;x-sdk-date,")
                .doesNotContain("content-type");
        // The expected value comes from Huawei Cloud's own signer (huaweicloud-sdk-core), never from the code under test.
        com.huaweicloud.sdk.core.http.HttpRequest sdkRequest = com.huaweicloud.sdk.core.http.HttpRequest.newBuilder()
                .withEndpoint("http://127.0.0.1:8080").withPath("/v4/projects/p/issues/1/attachments/upload")
                .withMethod(com.huaweicloud.sdk.core.http.HttpMethod.POST)
                .addHeader("X-Sdk-Date", "20191115T033655Z").addHeader("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD")
                .addHeader("X-Project-Id", "0123456789abcdef0123456789abcdef").build();
        String expected = com.huaweicloud.sdk.core.auth.AKSKSigner.getInstance()
                .sign(sdkRequest, new com.huaweicloud.sdk.core.auth.BasicCredentials().withAk(AK).withSk(SK)).get("Authorization");
        assertThat(added.get("Authorization")).isEqualTo(expected);
    }

    @Test
    void describeNamesTheSourceAndMasksTheAccessKey() {
        AkSkSigner signer = new AkSkSigner(AK, SK, null, "the server 'codearts' in Maven settings", DOC_CLOCK);
        assertThat(signer.describe()).contains("QTWA****").contains("Maven settings").doesNotContain(AK).doesNotContain(SK);
    }
}
