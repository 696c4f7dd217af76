package dev.worklink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklink.auth.AkSkSigner;
import dev.worklink.auth.FederatedKeys;
import dev.worklink.auth.IdTokenSource;
import dev.worklink.auth.TemporaryKeySigner;
import dev.worklink.auth.TemporaryKeys;
import dev.worklink.http.BuildScope;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceRequest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox's IAM federation, its GitHub Actions ID token endpoint, and temporary keys with their security token. */
class SandboxFederationTest extends SandboxFixture {

    private static final String ID_TOKEN_PATH = "/v3.0/OS-AUTH/id-token/tokens";
    private static final String KEYS_PATH = "/v3.0/OS-CREDENTIAL/securitytokens";

    private HttpResponse<String> exchange(String idpId, String idToken) throws Exception {
        return post(ID_TOKEN_PATH, "application/json;charset=UTF-8",
                ("{\"auth\":{\"id_token\":{\"id\":\"" + idToken + "\"}}}").getBytes(StandardCharsets.UTF_8), "X-Idp-Id", idpId);
    }

    private HttpResponse<String> keys(String unscoped, int duration) throws Exception {
        return post(KEYS_PATH, "application/json;charset=UTF-8", ("{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\""
                + unscoped + "\",\"duration_seconds\":" + duration + "}}}}").getBytes(StandardCharsets.UTF_8));
    }

    private TemporaryKeySigner signer(TemporaryKeys keys) {
        return TemporaryKeySigner.fixed(keys, null, "a test", Clock.systemUTC());
    }

    @Test
    void federatedKeysSignAnUploadTheSandboxAcceptsAsTheTemporaryKey() throws Exception {
        Path token = Files.writeString(dir.resolve("id-token"), SandboxCredentials.ID_TOKEN);
        FederatedKeys federation = FederatedKeys.shared(new BuildScope(), URI.create(sandbox.url()), SandboxCredentials.IDP_ID,
                new IdTokenSource.File(token, "a test"));
        RequestAuthenticator auth = new TemporaryKeySigner(() -> federation.keys(client), null, "a test", Clock.systemUTC());

        int status = client.execute(upload(IPD_UPLOAD, "attachment", file("a.bin", 10)), auth).status();

        assertThat(status).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> issued = (List<Map<String, Object>>) sandbox.federation().get("temporaryKeys");
        assertThat(issued).hasSize(1);
        List<RecordedRequest> records = sandbox.records();
        assertThat(records).extracting(RecordedRequest::path).containsExactly(ID_TOKEN_PATH, KEYS_PATH, IPD_UPLOAD);
        assertThat(records.get(2).authenticatedAs()).isEqualTo("temporary:" + issued.get(0).get("access"));
        assertThat(records.get(2).headers()).containsEntry("x-security-token", "***");
        assertThat(records.get(0).jsonBody()).isEqualTo("{\"auth\":{\"id_token\":{\"id\":\"***\"}}}");
        assertThat(records.get(1).jsonBody()).doesNotContain((String) ((List<?>) sandbox.federation().get("unscopedTokens")).get(0));
    }

    @Test
    void theExchangeAnswersAsIamDocumentsIt() throws Exception {
        HttpResponse<String> step1 = exchange(SandboxCredentials.IDP_ID, SandboxCredentials.ID_TOKEN);
        String unscoped = step1.headers().firstValue("X-Subject-Token").orElseThrow();
        HttpResponse<String> step2 = keys(unscoped, 21600);

        assertThat(step1.statusCode()).isEqualTo(201);
        assertThat(json(step1.body()).path("token").path("expires_at").asText()).endsWith("Z");
        assertThat(step2.statusCode()).isEqualTo(201);
        Map<String, Object> key = ((List<Map<String, Object>>) sandbox.federation().get("temporaryKeys")).get(0);
        assertThat(json(step2.body()).path("credential")).isEqualTo(json(SandboxExchange.JSON.writeValueAsString(key)));
    }

    @Test
    void anUnknownIdentityProviderIs404AndAnotherIdTokenIs401() throws Exception {
        assertThat(exchange("another-idp", SandboxCredentials.ID_TOKEN).statusCode()).isEqualTo(404);
        HttpResponse<String> wrongToken = exchange(SandboxCredentials.IDP_ID, SandboxCredentials.jwt("another-audience"));
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(wrongToken.headers().firstValue("X-Subject-Token")).isEmpty();
    }

    @Test
    void temporaryKeysNeedAnUnscopedTokenThisSandboxIssuedAndADurationIamAllows() throws Exception {
        assertThat(keys("MIIsandboxUnscopedNotIssued", 21600).statusCode()).isEqualTo(401);
        String unscoped = exchange(SandboxCredentials.IDP_ID, SandboxCredentials.ID_TOKEN).headers().firstValue("X-Subject-Token").orElseThrow();
        assertThat(keys(unscoped, 86401).statusCode()).isEqualTo(400);
        assertThat(keys(unscoped, 900).statusCode()).isEqualTo(201);
    }

    @Test
    void theIdentityProviderIsConfiguredPerSandbox() throws Exception {
        sandbox.identityProvider("idp-other", "client-other", "token-other");

        assertThat(exchange(SandboxCredentials.IDP_ID, SandboxCredentials.ID_TOKEN).statusCode()).isEqualTo(404);
        assertThat(exchange("idp-other", "token-other").statusCode()).isEqualTo(201);
        sandbox.reset();
        assertThat(exchange(SandboxCredentials.IDP_ID, SandboxCredentials.ID_TOKEN).statusCode()).isEqualTo(201);
    }

    // ---- temporary keys on CodeArts calls

    private static final TemporaryKeys FIXED = new TemporaryKeys(SandboxCredentials.TEMPORARY_ACCESS_KEY, SandboxCredentials.TEMPORARY_SECRET_KEY,
            SandboxCredentials.SECURITY_TOKEN, null);

    @Test
    void theFixedTemporaryKeysWithTheirSignedSecurityTokenAreAccepted() throws Exception {
        assertThat(client.execute(ServiceRequest.get(uri(IPD_LIST), "list"), signer(FIXED)).status()).isEqualTo(200);
        assertThat(onlyRecord().authenticatedAs()).isEqualTo("temporary:" + SandboxCredentials.TEMPORARY_ACCESS_KEY);
    }

    @Test
    void temporaryKeysWithoutTheSecurityTokenAre401() {
        RequestAuthenticator plain = new AkSkSigner(FIXED.accessKey(), FIXED.secretKey(), null, "a test", Clock.systemUTC());

        assertThatThrownBy(() -> client.execute(ServiceRequest.get(uri(IPD_LIST), "list"), plain)).hasMessageContaining("needs its X-Security-Token");
    }

    @Test
    void aSecurityTokenSentButNotSignedIs401() {
        RequestAuthenticator unsignedToken = new RequestAuthenticator() {
            @Override
            public Map<String, String> headersFor(ServiceRequest request) throws java.io.IOException {
                Map<String, String> headers = new LinkedHashMap<>(new AkSkSigner(FIXED.accessKey(), FIXED.secretKey(), null, "t", Clock.systemUTC())
                        .headersFor(request));
                headers.put("X-Security-Token", FIXED.securityToken());
                return headers;
            }

            @Override
            public String describe() {
                return "unsigned security token";
            }
        };

        assertThatThrownBy(() -> client.execute(ServiceRequest.get(uri(IPD_LIST), "list"), unsignedToken)).hasMessageContaining("not in SignedHeaders");
    }

    @Test
    void anotherKeysSecurityTokenIs401() {
        TemporaryKeys wrongToken = new TemporaryKeys(FIXED.accessKey(), FIXED.secretKey(), "sandbox-sts-of-someone-else", null);

        assertThatThrownBy(() -> client.execute(ServiceRequest.get(uri(IPD_LIST), "list"), signer(wrongToken)))
                .hasMessageContaining("does not belong to the access key");
    }

    // ---- GitHub Actions' ID token endpoint

    @Test
    void gitHubGivesTheAcceptedTokenForTheClientIdAudience() throws Exception {
        HttpResponse<String> r = get("/github/id-token?api-version=2.0&audience=" + SandboxCredentials.IDP_CLIENT_ID,
                "Authorization", "Bearer " + SandboxCredentials.GITHUB_REQUEST_TOKEN);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r.body()).path("value").asText()).isEqualTo(SandboxCredentials.ID_TOKEN);
        assertThat(onlyRecord().query()).isEqualTo("api-version=2.0&audience=sandbox-client-id");
    }

    @Test
    void gitHubGivesATokenIamRefusesForAnyOtherAudience() throws Exception {
        String other = json(get("/github/id-token?api-version=2.0", "Authorization", "Bearer " + SandboxCredentials.GITHUB_REQUEST_TOKEN).body())
                .path("value").asText();

        assertThat(other).isNotEqualTo(SandboxCredentials.ID_TOKEN).contains(".");
        assertThat(exchange(SandboxCredentials.IDP_ID, other).statusCode()).isEqualTo(401);
    }

    @Test
    void gitHubWantsItsRequestToken() throws Exception {
        assertThat(get("/github/id-token?api-version=2.0", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
    }
}
