package dev.worklink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklink.auth.AkSkSigner;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceException;
import dev.worklink.http.ServiceRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxAuthenticationTest extends SandboxFixture {

    private static final String MULTIPART = "multipart/form-data; boundary=test-boundary";

    private static RequestAuthenticator aksk(String secretKey, Clock clock) {
        return new AkSkSigner(SandboxCredentials.ACCESS_KEY, secretKey, null, "test", clock);
    }

    @Test
    void aTokenIssuedByIamIsAccepted() throws Exception {
        HttpResponse<String> r = get(IPD_LIST, "X-Auth-Token", issuedToken());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sandbox.records().get(1).authenticatedAs()).isEqualTo("token:sandbox-user");
    }

    @Test
    void theReadyTokenIsAcceptedWithoutAnIamCall() throws Exception {
        HttpResponse<String> r = get(IPD_LIST, "X-Auth-Token", SandboxCredentials.READY_TOKEN);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(onlyRecord().authenticatedAs()).isEqualTo("token:ready");
    }

    @Test
    void anUnknownTokenIs401Apigw0301WithARequestId() throws Exception {
        HttpResponse<String> r = get(IPD_LIST, "X-Auth-Token", "MIIforged-token-000000000000000000000000");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r.body()).path("error_code").asText()).isEqualTo("APIGW.0301");
        assertThat(json(r.body()).path("error_msg").asText()).startsWith("Incorrect IAM authentication information: ");
        String requestId = r.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(requestId).matches("[0-9a-f]{32}");
        assertThat(onlyRecord().requestId()).isEqualTo(requestId);
        assertThat(onlyRecord().status()).isEqualTo(401);
    }

    @Test
    void theRequestIdReachesThePluginsServiceException() throws Exception {
        assertThatThrownBy(() -> client.execute(ServiceRequest.get(uri(IPD_LIST), "list"), token("forged")))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.errorCode()).isEqualTo("APIGW.0301");
                    assertThat(e.requestId()).isEqualTo(sandbox.records().get(0).requestId());
                });
    }

    @Test
    void aRequestWithoutCredentialsIs401() throws Exception {
        HttpResponse<String> r = get(IPD_LIST);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("APIGW.0301").contains("neither X-Auth-Token nor");
    }

    @Test
    void expiredTokensAre401WhileTheReadyTokenStaysValid() throws Exception {
        String token = issuedToken();

        sandbox.expireTokens();

        HttpResponse<String> refused = get(IPD_LIST, "X-Auth-Token", token);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("APIGW.0301").contains("expired");
        assertThat(get(IPD_LIST, "X-Auth-Token", SandboxCredentials.READY_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenIssuedAfterExpiringTheOthersIsAccepted() throws Exception {
        issuedToken();
        sandbox.expireTokens();

        assertThat(get(IPD_LIST, "X-Auth-Token", issuedToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void thePluginsSignatureOfAGetWithAQueryIsAccepted() throws Exception {
        int status = client.execute(ServiceRequest.get(uri(IPD_LIST), "list"), aksk(SandboxCredentials.SECRET_KEY, Clock.systemUTC())).status();

        assertThat(status).isEqualTo(200);
        assertThat(onlyRecord().authenticatedAs()).isEqualTo("aksk:SANDBOXAK00000000001");
        assertThat(onlyRecord().headers()).containsEntry("authorization", "***").containsKey("x-sdk-date");
    }

    @Test
    void thePluginsSignatureOfAMultipartUploadWithUnsignedPayloadIsAccepted() throws Exception {
        Path f = file("app.jar", 500);

        int status = client.execute(upload(IPD_UPLOAD, "attachment", f), aksk(SandboxCredentials.SECRET_KEY, Clock.systemUTC())).status();

        assertThat(status).isEqualTo(200);
        RecordedRequest r = onlyRecord();
        assertThat(r.headers()).containsEntry("x-sdk-content-sha256", "UNSIGNED-PAYLOAD");
        assertThat(r.authenticatedAs()).isEqualTo("aksk:SANDBOXAK00000000001");
        assertThat(r.bodySha256()).isNull();
    }

    @Test
    void aSignatureCoveringTheHashOfAMultipartBodyIsAccepted() throws Exception {
        byte[] body = multipart("test-boundary", "attachment", "a.bin", new byte[] {1, 2, 3});
        Map<String, String> headers = signedHeaders(SandboxCredentials.SECRET_KEY, "POST", IPD_UPLOAD, null, Map.of(), Instant.now(), sha256(body));

        HttpResponse<String> r = post(IPD_UPLOAD, MULTIPART, body, flat(headers));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(onlyRecord().bodySha256()).isEqualTo(sha256(body));
    }

    @Test
    void aBodyChangedAfterSigningIs401() throws Exception {
        byte[] signedBody = multipart("test-boundary", "attachment", "a.bin", new byte[] {1, 2, 3});
        byte[] sentBody = multipart("test-boundary", "attachment", "a.bin", new byte[] {1, 2, 4});
        Map<String, String> headers = signedHeaders(SandboxCredentials.SECRET_KEY, "POST", IPD_UPLOAD, null, Map.of(), Instant.now(), sha256(signedBody));

        HttpResponse<String> r = post(IPD_UPLOAD, MULTIPART, sentBody, flat(headers));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("APIGW.0301").contains("the signature does not match");
    }

    @Test
    void aQueryChangedAfterSigningIs401() throws Exception {
        String path = "/v1/ipdprojectservice/projects/" + PROJECT + "/attachments";
        Map<String, String> headers = signedHeaders(SandboxCredentials.SECRET_KEY, "GET", path, "issue_id=956239067176935401", Map.of(),
                Instant.now(), AkSkSigner.sha256Hex(new byte[0]));

        assertThat(get(path + "?issue_id=956239067176935402", flat(headers)).statusCode()).isEqualTo(401);
    }

    @Test
    void aSignatureMadeWithAnotherSecretKeyIs401() {
        assertThatThrownBy(() -> client.execute(ServiceRequest.get(uri(IPD_LIST), "list"), aksk("not-the-secret-key", Clock.systemUTC())))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.errorCode()).isEqualTo("APIGW.0301");
                });
        assertThat(log).singleElement().asString().contains("the sandbox signed this canonical request: GET\\n/v1/ipdprojectservice/");
    }

    @Test
    void aSignatureDated16MinutesAgoIs401() throws Exception {
        Clock past = Clock.fixed(Instant.now().minusSeconds(16 * 60), ZoneOffset.UTC);

        assertThatThrownBy(() -> client.execute(ServiceRequest.get(uri(IPD_LIST), "list"), aksk(SandboxCredentials.SECRET_KEY, past)))
                .hasMessageContaining("APIGW.0301").hasMessageContaining("at most 15 minutes");
    }

    @Test
    void aSignatureDated14MinutesAgoIsAccepted() throws Exception {
        Clock past = Clock.fixed(Instant.now().minusSeconds(14 * 60), ZoneOffset.UTC);

        assertThat(client.execute(ServiceRequest.get(uri(IPD_LIST), "list"), aksk(SandboxCredentials.SECRET_KEY, past)).status()).isEqualTo(200);
    }

    @Test
    void anUnknownAccessKeyIs401() {
        RequestAuthenticator other = new AkSkSigner("OTHERAK0000000000001", SandboxCredentials.SECRET_KEY, null, "test", Clock.systemUTC());

        assertThatThrownBy(() -> client.execute(ServiceRequest.get(uri(IPD_LIST), "list"), other))
                .hasMessageContaining("APIGW.0301").hasMessageContaining("the access key OTHE**** is unknown");
    }

    @Test
    void aSignatureThatLeavesOutHostIs401() throws Exception {
        String date = AkSkSigner.SDK_DATE.format(Instant.now());
        String signature = AkSkSigner.signature(SandboxCredentials.SECRET_KEY, "GET", "/v1/ipdprojectservice/projects/" + PROJECT + "/attachments",
                "issue_id=" + IPD_ISSUE, Map.of("x-sdk-date", date), List.of("x-sdk-date"), date, AkSkSigner.sha256Hex(new byte[0]));

        HttpResponse<String> r = get(IPD_LIST, "X-Sdk-Date", date,
                "Authorization", AkSkSigner.authorization(SandboxCredentials.ACCESS_KEY, List.of("x-sdk-date"), signature));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("SignedHeaders must include host and x-sdk-date");
    }

    @Test
    void aSignedJsonBodyIsVerifiedByItsHashBeforeTheCallLooksAtIt() throws Exception {
        // The upload call refuses JSON (400), but only after the signature over the body's hash was accepted.
        byte[] body = "[1,2,3]".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = signedHeaders(SandboxCredentials.SECRET_KEY, "POST", IPD_UPLOAD, null,
                Map.of("Content-Type", "application/json"), Instant.now(), sha256(body));

        HttpResponse<String> r = post(IPD_UPLOAD, null, body, flat(headers));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(onlyRecord().authenticatedAs()).isEqualTo("aksk:SANDBOXAK00000000001");
        assertThat(onlyRecord().bodySha256()).isEqualTo(sha256(body));
        assertThat(onlyRecord().jsonBody()).isEqualTo("[1,2,3]");
    }
}
