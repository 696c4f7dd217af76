package dev.worklink.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worklink.http.BuildScope;
import dev.worklink.http.HttpClientFactory;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.Log;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AK/SK requests carry X-Project-Id as the SDK's BasicCredentials sends it: the server's projectId, else
 * HUAWEICLOUD_SDK_PROJECT_ID, else one signed IAM lookup per build.
 */
class AkSkProjectIdTest {

    @RegisterExtension
    static WireMockExtension iam = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String AK = "AKLOOKUP00000000001";
    private static final String SK = "sk-lookup";
    private static final ServiceRequest CALL = ServiceRequest.get(URI.create("http://codearts.example/v4/x"), "a call");

    private BuildScope build;
    private CloseableHttpClient http;

    @BeforeEach
    void setUp() {
        build = new BuildScope();
        http = HttpClientFactory.create(HttpSettings.defaults(), "test");
    }

    @AfterEach
    void tearDown() throws IOException {
        http.close();
        build.close();
    }

    private ServiceClient client() {
        return new ServiceClient(http, HttpSettings.defaults().withRetries(0), Log.NONE, d -> {});
    }

    private ServerEntry akskServer(Map<String, String> config) {
        Map<String, String> all = new java.util.HashMap<>(config);
        all.put("auth", "aksk");
        all.putIfAbsent("iamEndpoint", iam.baseUrl());
        return new ServerEntry("codearts", AK, SK, all, "server 'codearts' in Maven settings");
    }

    private void stubProjects(String region, String body) {
        iam.stubFor(get(urlEqualTo("/v3/projects?name=" + region))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader("X-IAM-Trace-Id", "trace-1")
                        .withBody(body)));
    }

    @Test
    void theServersProjectIdComesFirst() throws Exception {
        RequestAuthenticator auth = CodeArtsCredentials.resolve(build, akskServer(Map.of("projectId", "p-config")), "codearts", "cn-north-4",
                Map.of("HUAWEICLOUD_SDK_PROJECT_ID", "p-env"), client());

        Map<String, String> headers = auth.headersFor(CALL);

        assertThat(headers).containsEntry("X-Project-Id", "p-config");
        assertThat(headers.get("Authorization")).contains("x-project-id");
        assertThat(iam.getAllServeEvents()).isEmpty();
    }

    @Test
    void thenTheSdkEnvironmentVariable() throws Exception {
        RequestAuthenticator auth = CodeArtsCredentials.resolve(build, null, "codearts", "cn-north-4",
                Map.of("HUAWEICLOUD_SDK_AK", AK, "HUAWEICLOUD_SDK_SK", SK, "HUAWEICLOUD_SDK_PROJECT_ID", "p-env"), client());

        assertThat(auth.headersFor(CALL)).containsEntry("X-Project-Id", "p-env");
        assertThat(iam.getAllServeEvents()).isEmpty();
    }

    @Test
    void elseOneSignedLookupServesEveryGoalAndModuleOfTheBuild() throws Exception {
        stubProjects("cn-north-4", "{\"projects\":[{\"id\":\"p-looked-up\",\"name\":\"cn-north-4\"}]}");

        for (int module = 0; module < 3; module++) {
            RequestAuthenticator auth = CodeArtsCredentials.resolve(build, akskServer(Map.of()), "codearts", "cn-north-4", Map.of(), client());
            assertThat(auth.headersFor(CALL)).containsEntry("X-Project-Id", "p-looked-up");
            assertThat(auth.headersFor(CALL).get("Authorization")).contains("x-project-id");
        }

        iam.verify(1, getRequestedFor(urlPathEqualTo("/v3/projects")));
        iam.verify(getRequestedFor(urlEqualTo("/v3/projects?name=cn-north-4"))
                .withHeader("Authorization", matching("SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=[a-z0-9;-]*x-sdk-date.*"))
                .withHeader("X-Project-Id", absent()));
    }

    @Test
    void theEnvironmentsKeysAndIamEndpointLookUpTheSameWay() throws Exception {
        stubProjects("cn-north-4", "{\"projects\":[{\"id\":\"p-env-lookup\"}]}");

        RequestAuthenticator auth = CodeArtsCredentials.resolve(build, null, "codearts", "cn-north-4",
                Map.of("HUAWEICLOUD_SDK_AK", AK, "HUAWEICLOUD_SDK_SK", SK, "HUAWEICLOUD_SDK_IAM_ENDPOINT", iam.baseUrl()), client());

        assertThat(auth.headersFor(CALL)).containsEntry("X-Project-Id", "p-env-lookup");
    }

    @Test
    void aRegionWithoutAProjectFailsClearlyAndIsNotAskedAgain() throws Exception {
        stubProjects("xx-nowhere-1", "{\"projects\":[]}");
        RequestAuthenticator auth = CodeArtsCredentials.resolve(build, akskServer(Map.of()), "codearts", "xx-nowhere-1", Map.of(), client());

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> auth.headersFor(CALL))
                    .isInstanceOf(IamProjectLookup.ProjectLookupException.class)
                    .hasMessageContaining("knows no project named 'xx-nowhere-1'")
                    .hasMessageContaining("X-IAM-Trace-Id trace-1")
                    .hasMessageContaining("<configuration><projectId>").hasMessageContaining("HUAWEICLOUD_SDK_PROJECT_ID")
                    .hasMessageNotContaining(SK);
        }
        iam.verify(1, getRequestedFor(urlPathEqualTo("/v3/projects")));
    }

    @Test
    void severalProjectsOfTheNameAreNamedInTheError() throws Exception {
        stubProjects("cn-north-4", "{\"projects\":[{\"id\":\"p-1\"},{\"id\":\"p-2\"}]}");
        RequestAuthenticator auth = CodeArtsCredentials.resolve(build, akskServer(Map.of()), "codearts", "cn-north-4", Map.of(), client());

        assertThatThrownBy(() -> auth.headersFor(CALL)).hasMessageContaining("2 projects named 'cn-north-4': p-1, p-2");
    }

    @Test
    void withoutProjectIdOrRegionTheKeysAreRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> CodeArtsCredentials.resolve(build, akskServer(Map.of()), "codearts", null, Map.of(), client()))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("X-Project-Id").hasMessageContaining("<configuration><projectId>")
                .hasMessageContaining("HUAWEICLOUD_SDK_PROJECT_ID").hasMessageContaining("region");
        assertThat(iam.getAllServeEvents()).isEmpty();
    }
}
