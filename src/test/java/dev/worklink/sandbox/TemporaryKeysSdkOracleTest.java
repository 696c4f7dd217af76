package dev.worklink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import dev.worklink.auth.TemporaryKeySigner;
import dev.worklink.auth.TemporaryKeys;
import dev.worklink.http.ServiceRequest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Temporary keys, with Huawei Cloud's own SDK as the oracle: {@code BasicCredentials} with an access key, secret key
 * and security token ({@code syncProcessAuthRequest}: it adds {@code X-Security-Token} and {@code X-Project-Id}, then
 * signs with {@code AKSKSigner}). The plugin's {@link TemporaryKeySigner} must send the same headers, and the sandbox
 * must accept the SDK's request as the temporary key, and refuse it without the security token.
 */
class TemporaryKeysSdkOracleTest extends SandboxFixture {

    private static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String IAM_PROJECT = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    private final Instant now = Instant.now();

    private com.huaweicloud.sdk.core.http.HttpRequest sdkList() {
        return com.huaweicloud.sdk.core.http.HttpRequest.newBuilder().withEndpoint(sandbox.url())
                .withPath("/v1/ipdprojectservice/projects/" + PROJECT + "/attachments").withMethod(HttpMethod.GET)
                .addQueryParam("issue_id", List.of(IPD_ISSUE))
                .addHeader("Accept", "application/json")
                .addHeader("X-Sdk-Date", SDK_DATE.format(now)).build();
    }

    /** The SDK's request with its authentication: BasicCredentials adds the security token and project id and signs. */
    private static com.huaweicloud.sdk.core.http.HttpRequest sdkSigned(com.huaweicloud.sdk.core.http.HttpRequest request, String securityToken) {
        BasicCredentials credentials = new BasicCredentials().withAk(SandboxCredentials.TEMPORARY_ACCESS_KEY)
                .withSk(SandboxCredentials.TEMPORARY_SECRET_KEY).withSecurityToken(securityToken).withProjectId(IAM_PROJECT);
        return credentials.syncProcessAuthRequest(request, null);
    }

    private static String header(com.huaweicloud.sdk.core.http.HttpRequest request, String name) {
        return request.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                .findFirst().orElse(null);
    }

    @Test
    void thePluginSignsTemporaryKeysAsTheSdksBasicCredentialsDo() throws Exception {
        com.huaweicloud.sdk.core.http.HttpRequest sdk = sdkSigned(sdkList(), SandboxCredentials.SECURITY_TOKEN);
        TemporaryKeys keys = new TemporaryKeys(SandboxCredentials.TEMPORARY_ACCESS_KEY, SandboxCredentials.TEMPORARY_SECRET_KEY,
                SandboxCredentials.SECURITY_TOKEN, null);

        Map<String, String> ours = TemporaryKeySigner.fixed(keys, dev.worklink.auth.ProjectIdSource.fixed(IAM_PROJECT), "test", Clock.fixed(now, ZoneOffset.UTC))
                .headersFor(ServiceRequest.get(sdk.getUrl().toURI(), "list"));

        assertThat(ours.get("X-Security-Token")).isEqualTo(header(sdk, "X-Security-Token")).isEqualTo(SandboxCredentials.SECURITY_TOKEN);
        assertThat(ours.get("X-Project-Id")).isEqualTo(header(sdk, "X-Project-Id"));
        assertThat(ours.get("Authorization")).isEqualTo(header(sdk, "Authorization"))
                .contains("SignedHeaders=accept;host;x-project-id;x-sdk-date;x-security-token,");
    }

    private HttpResponse<String> send(com.huaweicloud.sdk.core.http.HttpRequest signed) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(signed.getUrl().toURI()).GET();
        signed.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                b.header(name, values.get(0));
            }
        });
        return send(b.build());
    }

    @Test
    void theSandboxAcceptsTheSdksTemporaryKeysAndRefusesThemWithoutTheirSecurityToken() throws Exception {
        HttpResponse<String> accepted = send(sdkSigned(sdkList(), SandboxCredentials.SECURITY_TOKEN));
        HttpResponse<String> refused = send(sdkSigned(sdkList(), null));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("needs its X-Security-Token");
        assertThat(sandbox.records()).extracting(RecordedRequest::authenticatedAs)
                .containsExactly("temporary:" + SandboxCredentials.TEMPORARY_ACCESS_KEY, null);
    }
}
