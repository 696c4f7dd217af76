package dev.worklink.auth;

import dev.worklink.http.BuildScope;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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

class CodeArtsCredentialsTest {

    /** One build's shared state, new for every test. */
    private BuildScope build = new BuildScope();

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private CloseableHttpClient http;

    @BeforeEach
    void setUp() {
        build = new BuildScope();
        http = HttpClientFactory.create(HttpSettings.defaults(), "test");
    }

    @AfterEach
    void tearDown() throws IOException {
        http.close();
    }

    /** A goal's own client, as each goal execution in each module makes one. */
    private ServiceClient goalClient() {
        return new ServiceClient(http, HttpSettings.defaults().withRetries(0), Log.NONE, d -> {});
    }

    private ServerEntry passwordServer() {
        return new ServerEntry("codearts", "ci-user", "s3cret-Passw0rd", Map.of("domain", "acme", "iamEndpoint", server.baseUrl()),
                "server 'codearts' in Maven settings");
    }

    private void stubIam(String token) {
        server.stubFor(post(urlPathEqualTo("/v3/auth/tokens")).willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", token).withBody("{}")));
    }

    @Test
    void twoGoalsInTwoModulesShareOneIamCall() throws Exception {
        stubIam("tok-1");
        server.stubFor(post("/v3/plan/p/x/issue").withHeader("X-Auth-Token", equalTo("tok-1")).willReturn(aResponse().withStatus(200).withBody("{}")));
        server.stubFor(post("/v1/ipdprojectservice/upload").withHeader("X-Auth-Token", equalTo("tok-1")).willReturn(aResponse().withStatus(200).withBody("{}")));

        // module A, goal link; module B, goal attach: each resolves its credentials and builds its client anew
        RequestAuthenticator linkAuth = CodeArtsCredentials.resolve(build, passwordServer(), "codearts", "cn-north-4", Map.of(), goalClient());
        goalClient().execute(ServiceRequest.json("POST", URI.create(server.baseUrl() + "/v3/plan/p/x/issue"), "[1]".getBytes(), "link"), linkAuth);
        RequestAuthenticator attachAuth = CodeArtsCredentials.resolve(build, passwordServer(), "codearts", "cn-north-4", Map.of(), goalClient());
        goalClient().execute(ServiceRequest.json("POST", URI.create(server.baseUrl() + "/v1/ipdprojectservice/upload"), "{}".getBytes(), "attach"), attachAuth);

        server.verify(1, postRequestedFor(urlPathEqualTo("/v3/auth/tokens")));
        server.verify(postRequestedFor(urlEqualTo("/v3/auth/tokens?nocatalog=true")).withRequestBody(equalToJson(
                "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"ci-user\",\"password\":\"s3cret-Passw0rd\","
                        + "\"domain\":{\"name\":\"acme\"}}}},\"scope\":{\"project\":{\"name\":\"cn-north-4\"}}}}")));
    }

    @Test
    void a401FetchesTheTokenAgainOnceAndTheCallSucceeds() throws Exception {
        server.stubFor(post(urlPathEqualTo("/v3/auth/tokens")).inScenario("iam").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "expired")).willSetStateTo("second"));
        server.stubFor(post(urlPathEqualTo("/v3/auth/tokens")).inScenario("iam").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "fresh")));
        server.stubFor(post("/call").withHeader("X-Auth-Token", equalTo("expired")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: token expired\"}")));
        server.stubFor(post("/call").withHeader("X-Auth-Token", equalTo("fresh")).willReturn(aResponse().withStatus(200).withBody("{}")));
        RequestAuthenticator auth = CodeArtsCredentials.resolve(build, passwordServer(), "codearts", "cn-north-4", Map.of(), goalClient());

        int status = goalClient().execute(ServiceRequest.json("POST", URI.create(server.baseUrl() + "/call"), "{}".getBytes(), "call"), auth).status();

        assertThat(status).isEqualTo(200);
        server.verify(2, postRequestedFor(urlPathEqualTo("/v3/auth/tokens")));
        server.verify(2, postRequestedFor(urlEqualTo("/call")));
    }

    @Test
    void aWrongPasswordFailsWithIamsOwnWordsAndNoSecret() throws Exception {
        server.stubFor(post(urlPathEqualTo("/v3/auth/tokens")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"code\":401,\"message\":\"The username or password is wrong.\",\"title\":\"Unauthorized\"}}")));
        RequestAuthenticator auth = CodeArtsCredentials.resolve(build, passwordServer(), "codearts", "cn-north-4", Map.of(), goalClient());

        assertThatThrownBy(() -> goalClient().execute(ServiceRequest.json("POST", URI.create(server.baseUrl() + "/call"), "{}".getBytes(), "call"), auth))
                .hasMessageContaining("get an IAM token for user 'ci-user'").hasMessageContaining("The username or password is wrong.")
                .hasMessageNotContaining("s3cret-Passw0rd");
    }

    @Test
    void aRefusedPasswordIsNotTriedAgainSoTheUserIsNotLockedOut() throws Exception {
        server.stubFor(post(urlPathEqualTo("/v3/auth/tokens")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"code\":401,\"message\":\"The username or password is wrong.\"}}")));
        RequestAuthenticator auth = CodeArtsCredentials.resolve(build, passwordServer(), "codearts", "cn-north-4", Map.of(), goalClient());
        ServiceRequest call = ServiceRequest.json("POST", URI.create(server.baseUrl() + "/call"), "{}".getBytes(), "call");

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> goalClient().execute(call, auth)).hasMessageContaining("The username or password is wrong.");
        }

        server.verify(1, postRequestedFor(urlPathEqualTo("/v3/auth/tokens")));
    }

    @Test
    void withoutAServerTheSdkEnvironmentVariablesGiveAkSk() throws Exception {
        RequestAuthenticator auth = CodeArtsCredentials.resolve(build, null, "codearts", "cn-north-4",
                Map.of("HUAWEICLOUD_SDK_AK", "AKFROMENV0000000", "HUAWEICLOUD_SDK_SK", "sk-from-env"), goalClient());

        assertThat(auth).isInstanceOf(AkSkSigner.class);
        assertThat(auth.describe()).contains("HUAWEICLOUD_SDK_AK").doesNotContain("sk-from-env");
    }

    @Test
    void withNeitherServerNorEnvironmentTheMessageSaysWhatToAdd() {
        assertThatThrownBy(() -> CodeArtsCredentials.resolve(build, null, "codearts", null, Map.of(), goalClient()))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("no <server> with id 'codearts'").hasMessageContaining("HUAWEICLOUD_SDK_AK");
    }

    @Test
    void passwordModeWithoutADomainNamesTheMissingElement() {
        ServerEntry noDomain = new ServerEntry("codearts", "u", "p", Map.of(), "server 'codearts' in Maven settings");
        assertThatThrownBy(() -> CodeArtsCredentials.resolve(build, noDomain, "codearts", "cn-north-4", Map.of(), goalClient()))
                .hasMessageContaining("<configuration><domain>");
    }

    @Test
    void tokenModeSendsTheTokenAsXAuthToken() throws Exception {
        ServerEntry token = new ServerEntry("codearts", null, "ready-token-value", Map.of("auth", "token"), "server 'codearts' in Maven settings");
        RequestAuthenticator auth = CodeArtsCredentials.resolve(build, token, "codearts", null, Map.of(), goalClient());

        assertThat(auth.headersFor(ServiceRequest.get(URI.create("http://h/x"), "x"))).containsEntry("X-Auth-Token", "ready-token-value");
        assertThat(auth.describe()).doesNotContain("ready-token-value");
    }

    @Test
    void theIamHostComesFromTheServerThenTheEnvironmentThenTheRegion() throws Exception {
        assertThat(CodeArtsCredentials.iamEndpoint("https://iam.example.com", Map.of("HUAWEICLOUD_SDK_IAM_ENDPOINT", "https://env"), "r"))
                .hasToString("https://iam.example.com");
        assertThat(CodeArtsCredentials.iamEndpoint(null, Map.of("HUAWEICLOUD_SDK_IAM_ENDPOINT", "https://env.example.com"), "r"))
                .hasToString("https://env.example.com");
        assertThat(CodeArtsCredentials.iamEndpoint(null, Map.of(), "cn-north-4")).hasToString("https://iam.cn-north-4.myhuaweicloud.com");
    }
}
