package dev.worklink.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worklink.http.BuildScope;
import dev.worklink.http.HttpClientFactory;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.Log;
import dev.worklink.http.RecordingLog;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where CodeArts credentials come from, in the documented order: the settings.xml server, the SDK's environment
 * variables (federation before keys), the SDK's credentials file. The environment and the home directory are the
 * test's own, never the machine's.
 */
class CredentialSourcesTest {

    @RegisterExtension
    static WireMockExtension iam = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path home;

    private final BuildScope build = new BuildScope();
    private CloseableHttpClient http;
    private ServiceClient client;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void setUp() {
        http = HttpClientFactory.create(HttpSettings.defaults(), "test");
        client = new ServiceClient(http, HttpSettings.defaults().withRetries(0), Log.NONE, d -> {});
        env.put("HUAWEICLOUD_SDK_IAM_ENDPOINT", iam.baseUrl());
        // AK/SK keys without a project id would look it up from IAM (AkSkProjectIdTest); these tests are about the source order
        env.put("HUAWEICLOUD_SDK_PROJECT_ID", "0123456789abcdef0123456789abcdef");
    }

    @AfterEach
    void tearDown() throws IOException {
        http.close();
        build.close();
    }

    private RequestAuthenticator resolve(ServerEntry server) throws CredentialsException {
        return CodeArtsCredentials.resolve(build, server, "codearts", "cn-north-4", context(null), client);
    }

    /** The test's environment and home; relative paths are relative to the home directory, as if the build started there. */
    private CredentialContext context(String audience) {
        return new CredentialContext(env, home, home, audience);
    }

    private Path write(String name, String text) throws IOException {
        Path file = home.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private void homeCredentialsFile(String text) throws IOException {
        write(".huaweicloud/credentials", text);
    }

    private static ServerEntry akskServer() {
        return new ServerEntry("codearts", "AKSERVER0000", "sk-server", Map.of("auth", "aksk"), "server 'codearts' in Maven settings");
    }

    private static ServerEntry oidcServer(Map<String, String> configuration) {
        Map<String, String> config = new HashMap<>(configuration);
        config.put("auth", "oidc");
        return new ServerEntry("codearts", null, null, config, "server 'codearts' in Maven settings");
    }

    private static String authorization(RequestAuthenticator auth) throws IOException {
        return auth.headersFor(ServiceRequest.get(URI.create("https://projectman-ext.cn-north-4.myhuaweicloud.com/v4/x"), "x")).get("Authorization");
    }

    // ---- the order

    @Test
    void theServerComesBeforeTheEnvironmentAndTheFile() throws Exception {
        env.put("HUAWEICLOUD_SDK_AK", "AKENV0000000");
        env.put("HUAWEICLOUD_SDK_SK", "sk-env");
        homeCredentialsFile("[basic]\nak = AKFILE000000\nsk = sk-file\n");

        RequestAuthenticator auth = resolve(akskServer());

        assertThat(auth.describe()).contains("server 'codearts' in Maven settings");
        assertThat(authorization(auth)).contains("Access=AKSERVER0000,");
    }

    @Test
    void environmentFederationComesBeforeEnvironmentKeys() throws Exception {
        env.put("HUAWEICLOUD_SDK_AK", "AKENV0000000");
        env.put("HUAWEICLOUD_SDK_SK", "sk-env");
        env.put("HUAWEICLOUD_SDK_IDP_ID", "idp-env");
        env.put("HUAWEICLOUD_SDK_ID_TOKEN_FILE", write("token", "jwt").toString());

        RequestAuthenticator auth = resolve(null);

        assertThat(auth).isInstanceOf(TemporaryKeySigner.class);
        assertThat(auth.describe()).contains("identity federation").contains("identity provider 'idp-env'")
                .contains("HUAWEICLOUD_SDK_IDP_ID / HUAWEICLOUD_SDK_ID_TOKEN_FILE");
    }

    @Test
    void environmentKeysComeBeforeTheCredentialsFile() throws Exception {
        env.put("HUAWEICLOUD_SDK_AK", "AKENV0000000");
        env.put("HUAWEICLOUD_SDK_SK", "sk-env");
        homeCredentialsFile("[basic]\nak = AKFILE000000\nsk = sk-file\n");

        RequestAuthenticator auth = resolve(null);

        assertThat(auth.describe()).contains("HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK").doesNotContain("credentials file");
        assertThat(authorization(auth)).contains("Access=AKENV0000000,");
    }

    @Test
    void theCredentialsFileInTheHomeDirectoryIsTheLastSource() throws Exception {
        homeCredentialsFile("# Huawei Cloud SDK\n[other]\nak = AKOTHER00000\nsk = sk-other\n[basic]\nak = AKFILE000000\nsk=sk-file\n");

        RequestAuthenticator auth = resolve(null);

        assertThat(auth.describe()).contains("credentials file " + home.resolve(".huaweicloud/credentials") + " [basic]").doesNotContain("sk-file");
        assertThat(authorization(auth)).contains("Access=AKFILE000000,");
    }

    @Test
    void theCredentialsFileVariableWinsOverTheHomeDirectory() throws Exception {
        homeCredentialsFile("[basic]\nak = AKFILE000000\nsk = sk-file\n");
        env.put("HUAWEICLOUD_SDK_CREDENTIALS_FILE", write("ci/credentials", "[basic]\nak = AKNAMED00000\nsk = sk-named\n").toString());

        assertThat(authorization(resolve(null))).contains("Access=AKNAMED00000,");
    }

    @Test
    void aNamedCredentialsFileThatDoesNotExistFails() {
        env.put("HUAWEICLOUD_SDK_CREDENTIALS_FILE", home.resolve("missing").toString());

        assertThatThrownBy(() -> resolve(null)).isInstanceOf(CredentialsException.class)
                .hasMessageContaining("HUAWEICLOUD_SDK_CREDENTIALS_FILE").hasMessageContaining("does not exist");
    }

    @Test
    void onlyTheBasicSectionCounts() throws Exception {
        homeCredentialsFile("[global]\nak = AKGLOBAL0000\nsk = sk-global\n");

        assertThatThrownBy(() -> resolve(null)).hasMessageContaining("neither ak + sk nor idp_id + id_token_file").hasMessageContaining("[basic]");
    }

    @Test
    void withNoSourceAtAllTheMessageNamesAllThree() {
        assertThatThrownBy(() -> resolve(null)).isInstanceOf(CredentialsException.class)
                .hasMessageContaining("no <server> with id 'codearts'").hasMessageContaining("HUAWEICLOUD_SDK_IDP_ID")
                .hasMessageContaining("HUAWEICLOUD_SDK_AK").hasMessageContaining(home.resolve(".huaweicloud/credentials").toString());
    }

    @Test
    void theCredentialsFileCanFederateToo() throws Exception {
        Path token = write("token", "jwt-from-file");
        homeCredentialsFile("[basic]\nidp_id = idp-file\nid_token_file = " + token + "\nproject_id = 0123456789abcdef0123456789abcdef\n");

        RequestAuthenticator auth = resolve(null);

        assertThat(auth.describe()).contains("identity provider 'idp-file'").contains("id_token_file in the Huawei Cloud SDK credentials file");
    }

    // ---- temporary keys given directly

    @Test
    void environmentTemporaryKeysSignTheirSecurityToken() throws Exception {
        env.put("HUAWEICLOUD_SDK_AK", "AKTEMP000000");
        env.put("HUAWEICLOUD_SDK_SK", "sk-temp");
        env.put("HUAWEICLOUD_SDK_SECURITY_TOKEN", "security-token-value");

        RequestAuthenticator auth = resolve(null);
        Map<String, String> headers = auth.headersFor(ServiceRequest.get(URI.create("https://h.example.com/v4/x"), "x"));

        assertThat(headers).containsEntry("X-Security-Token", "security-token-value");
        assertThat(headers.get("Authorization")).contains("Access=AKTEMP000000,").contains("SignedHeaders=accept;host;x-project-id;x-sdk-date;x-security-token,");
        assertThat(auth.describe()).contains("HUAWEICLOUD_SDK_SECURITY_TOKEN").doesNotContain("security-token-value").doesNotContain("sk-temp");
    }

    @Test
    void anAkskServerWithASecurityTokenSignsIt() throws Exception {
        ServerEntry server = new ServerEntry("codearts", "AKSERVER0000", "sk-server", Map.of("auth", "aksk", "securityToken", "server-sts"),
                "server 'codearts' in Maven settings");

        Map<String, String> headers = resolve(server).headersFor(ServiceRequest.get(URI.create("https://h.example.com/v4/x"), "x"));

        assertThat(headers).containsEntry("X-Security-Token", "server-sts");
        assertThat(headers.get("Authorization")).contains("x-security-token");
    }

    // ---- bad federation settings fail before any call, naming the setting

    @Test
    void aMissingTokenFileFromTheEnvironmentFailsBeforeAnyCall() {
        env.put("HUAWEICLOUD_SDK_IDP_ID", "idp-env");
        env.put("HUAWEICLOUD_SDK_ID_TOKEN_FILE", home.resolve("no-such-token").toString());

        assertThatThrownBy(() -> resolve(null)).isInstanceOf(CredentialsException.class)
                .hasMessageContaining("HUAWEICLOUD_SDK_ID_TOKEN_FILE").hasMessageContaining("does not exist");
        iam.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anEmptyTokenFileOfAnOidcServerFailsBeforeAnyCall() throws Exception {
        Path empty = write("empty-token", "\n");

        assertThatThrownBy(() -> resolve(oidcServer(Map.of("idpId", "idp-1", "idTokenFile", empty.toString()))))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("<idTokenFile> of the server 'codearts'").hasMessageContaining("is empty");
        iam.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anIdTokenVariableThatIsNotSetFailsNamingIt() {
        assertThatThrownBy(() -> resolve(oidcServer(Map.of("idpId", "idp-1", "idTokenEnv", "CI_JOB_JWT_HUAWEI"))))
                .hasMessageContaining("CI_JOB_JWT_HUAWEI").hasMessageContaining("<idTokenEnv>");
    }

    @Test
    void anOidcServerWithoutIdpIdFails() {
        assertThatThrownBy(() -> resolve(oidcServer(Map.of("idTokenEnv", "X")))).hasMessageContaining("<configuration><idpId>");
    }

    @Test
    void anOidcServerWithNoTokenSourceOutsideGitHubActionsSaysWhatToAdd() {
        assertThatThrownBy(() -> resolve(oidcServer(Map.of("idpId", "idp-1"))))
                .hasMessageContaining("<idTokenFile>").hasMessageContaining("<idTokenEnv>").hasMessageContaining("id-token: write");
    }

    @Test
    void halfAFederationInTheEnvironmentIsAMistake() {
        env.put("HUAWEICLOUD_SDK_IDP_ID", "idp-env");

        assertThatThrownBy(() -> resolve(null)).hasMessageContaining("HUAWEICLOUD_SDK_IDP_ID is set but HUAWEICLOUD_SDK_ID_TOKEN_FILE is not");
    }

    // ---- the ID token from GitHub Actions or from a variable

    private void stubFederation(String jwt) {
        iam.stubFor(post(urlEqualTo("/v3.0/OS-AUTH/id-token/tokens")).withRequestBody(equalToJson("{\"auth\":{\"id_token\":{\"id\":\"" + jwt + "\"}}}"))
                .willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "unscoped").withBody("{\"token\":{\"expires_at\":\"2099-01-01T00:00:00Z\"}}")));
        iam.stubFor(post(urlEqualTo("/v3.0/OS-CREDENTIAL/securitytokens")).willReturn(aResponse().withStatus(201)
                .withBody("{\"credential\":{\"access\":\"TMPAK\",\"secret\":\"tmp-secret\",\"securitytoken\":\"tmp-sts\",\"expires_at\":\"2099-01-01T00:00:00Z\"}}")));
    }

    @Test
    void onGitHubActionsTheTokenIsAskedForWithTheConfiguredAudience() throws Exception {
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", iam.baseUrl() + "/gh/token?api-version=2.0");
        env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "gh-request-token");
        iam.stubFor(get(urlEqualTo("/gh/token?api-version=2.0&audience=client%20id")).withHeader("Authorization", equalTo("Bearer gh-request-token"))
                .willReturn(aResponse().withStatus(200).withBody("{\"count\":1,\"value\":\"jwt-from-github\"}")));
        stubFederation("jwt-from-github");

        RequestAuthenticator auth = CodeArtsCredentials.resolve(build, oidcServer(Map.of("idpId", "idp-gh")), "codearts", "cn-north-4",
                context("client id"), client);
        Map<String, String> headers = auth.headersFor(ServiceRequest.get(URI.create("https://h.example.com/v4/x"), "x"));

        assertThat(headers).containsEntry("X-Security-Token", "tmp-sts");
        assertThat(headers.get("Authorization")).contains("Access=TMPAK,");
        assertThat(auth.describe()).contains("GitHub Actions").contains("audience 'client id'");
        iam.verify(1, getRequestedFor(urlEqualTo("/gh/token?api-version=2.0&audience=client%20id")));
        iam.verify(1, postRequestedFor(urlEqualTo("/v3.0/OS-AUTH/id-token/tokens")).withHeader("X-Idp-Id", equalTo("idp-gh")));
    }

    @Test
    void aTokenFileWinsOverGitHubActions() throws Exception {
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", iam.baseUrl() + "/gh/token?api-version=2.0");
        env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "gh-request-token");
        Path token = write("token", "jwt-from-file");

        RequestAuthenticator auth = resolve(oidcServer(Map.of("idpId", "idp-1", "idTokenFile", token.toString())));

        assertThat(auth.describe()).contains("the file " + token).doesNotContain("GitHub");
    }

    @Test
    void theTokenFromAVariableIsExchangedAsItIs() throws Exception {
        env.put("GITLAB_HUAWEI_ID_TOKEN", "jwt-from-gitlab");
        stubFederation("jwt-from-gitlab");

        RequestAuthenticator auth = resolve(oidcServer(Map.of("idpId", "idp-gl", "idTokenEnv", "GITLAB_HUAWEI_ID_TOKEN")));

        assertThat(auth.headersFor(ServiceRequest.get(URI.create("https://h.example.com/v4/x"), "x"))).containsEntry("X-Security-Token", "tmp-sts");
        assertThat(auth.describe()).contains("GITLAB_HUAWEI_ID_TOKEN").doesNotContain("jwt-from-gitlab");
    }

    @Test
    void goalsAndModulesOfOneBuildShareOneExchange() throws Exception {
        env.put("HUAWEICLOUD_SDK_IDP_ID", "idp-env");
        env.put("HUAWEICLOUD_SDK_ID_TOKEN_FILE", write("token", "jwt-shared").toString());
        stubFederation("jwt-shared");

        for (int goal = 0; goal < 3; goal++) {
            resolve(null).headersFor(ServiceRequest.get(URI.create("https://h.example.com/v4/x"), "x"));
        }

        iam.verify(1, postRequestedFor(urlEqualTo("/v3.0/OS-AUTH/id-token/tokens")));
        iam.verify(1, postRequestedFor(urlEqualTo("/v3.0/OS-CREDENTIAL/securitytokens")));
    }

    // ---- secrets stay out of logs

    @Test
    void theDebugLogOfAFederatedBuildHoldsNoneOfItsSecrets() throws Exception {
        env.put("HUAWEICLOUD_SDK_IDP_ID", "idp-env");
        env.put("HUAWEICLOUD_SDK_ID_TOKEN_FILE", write("token", "jwt-secret-value").toString());
        stubFederation("jwt-secret-value");
        iam.stubFor(get(urlEqualTo("/v4/x")).willReturn(aResponse().withStatus(200).withBody("{}")));
        RecordingLog log = RecordingLog.withDebug();
        ServiceClient debugClient = new ServiceClient(http, HttpSettings.defaults().withRetries(0), log, d -> {});

        RequestAuthenticator auth = CodeArtsCredentials.resolve(build, null, "codearts", "cn-north-4", context(null), debugClient);
        debugClient.execute(ServiceRequest.get(URI.create(iam.baseUrl() + "/v4/x"), "x"), auth);

        assertThat(log.text()).contains("X-Security-Token: ****").contains("/v3.0/OS-AUTH/id-token/tokens");
        for (String secret : new String[] {"jwt-secret-value", "unscoped", "tmp-secret", "tmp-sts"}) {
            assertThat(log.text()).doesNotContain(secret);
        }
    }

    @Test
    void aDryRunNamesTheFederationButMakesNoCall() throws Exception {
        env.put("HUAWEICLOUD_SDK_IDP_ID", "idp-env");
        env.put("HUAWEICLOUD_SDK_ID_TOKEN_FILE", write("token", "jwt-secret-value").toString());
        RecordingLog log = RecordingLog.withDebug();
        ServiceClient dryClient = new ServiceClient(http, HttpSettings.defaults().withDryRun(true), log, d -> {});

        RequestAuthenticator auth = CodeArtsCredentials.resolve(build, null, "codearts", "cn-north-4", context(null), dryClient);
        dryClient.execute(ServiceRequest.get(URI.create(iam.baseUrl() + "/v4/x"), "x"), auth);

        assertThat(log.text()).contains("identity provider 'idp-env'").doesNotContain("jwt-secret-value");
        iam.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRelativeTokenFileIsReadFromTheDirectoryTheBuildStartedIn() throws Exception {
        write("ci/token", "jwt");
        env.put("HUAWEICLOUD_SDK_IDP_ID", "idp-env");
        env.put("HUAWEICLOUD_SDK_ID_TOKEN_FILE", "ci/token");

        assertThat(resolve(null).describe()).contains("the file " + home.resolve("ci/token"));
    }

    @Test
    void federatedKeysSendTheProjectIdOfTheEnvironmentSigned() throws Exception {
        env.put("HUAWEICLOUD_SDK_IDP_ID", "idp-env");
        env.put("HUAWEICLOUD_SDK_ID_TOKEN_FILE", write("token", "jwt-project").toString());
        env.put("HUAWEICLOUD_SDK_PROJECT_ID", "0123456789abcdef0123456789abcdef");
        stubFederation("jwt-project");

        Map<String, String> headers = resolve(null).headersFor(ServiceRequest.get(URI.create("https://h.example.com/v4/x"), "x"));

        assertThat(headers).containsEntry("X-Project-Id", "0123456789abcdef0123456789abcdef");
        assertThat(headers.get("Authorization")).contains("SignedHeaders=accept;host;x-project-id;x-sdk-date;x-security-token,");
    }
}
