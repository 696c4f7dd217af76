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
        Map<String, String> headers = signedHeaders(SandboxCredentials.SECRET_KEY, "POST", IPD_UPLOAD, null, Map.of(), Instant.now(), body);

        HttpResponse<String> r = post(IPD_UPLOAD, MULTIPART, body, flat(headers));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(onlyRecord().bodySha256()).isEqualTo(sha256(body));
    }

    @Test
    void aBodyChangedAfterSigningIs401() throws Exception {
        byte[] signedBody = multipart("test-boundary", "attachment", "a.bin", new byte[] {1, 2, 3});
        byte[] sentBody = multipart("test-boundary", "attachment", "a.bin", new byte[] {1, 2, 4});
        Map<String, String> headers = signedHeaders(SandboxCredentials.SECRET_KEY, "POST", IPD_UPLOAD, null, Map.of(), Instant.now(), signedBody);

        HttpResponse<String> r = post(IPD_UPLOAD, MULTIPART, sentBody, flat(headers));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("APIGW.0301").contains("the signature does not match");
    }

    @Test
    void aQueryChangedAfterSigningIs401() throws Exception {
        String path = "/v1/ipdprojectservice/projects/" + PROJECT + "/attachments";
        Map<String, String> headers = signedHeaders(SandboxCredentials.SECRET_KEY, "GET", path, "issue_id=956239067176935401", Map.of(),
                Instant.now(), null);

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
        // Refused for its SignedHeaders alone, before any signature is computed: the signature's value does not matter.
        String date = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());

        HttpResponse<String> r = get(IPD_LIST, "X-Sdk-Date", date, "Authorization", "SDK-HMAC-SHA256 Access=" + SandboxCredentials.ACCESS_KEY
                + ", SignedHeaders=x-sdk-date, Signature=" + "0".repeat(64));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("SignedHeaders must include host and x-sdk-date");
    }

    @Test
    void signedHeadersInAnotherOrderOrCaseAre401EvenWhenTheSignatureMatchesThem() throws Exception {
        // The plugin's own mistake, made by hand: the names as the request spells them, in the order it sends them.
        // The signature is right for that order (HMAC over the canonical request written in that order), so only the
        // form of SignedHeaders can refuse it.
        String date = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        String canonical = "GET\n/v1/ipdprojectservice/projects/" + PROJECT + "/attachments/\nissue_id=" + IPD_ISSUE + "\n"
                + "x-sdk-date:" + date + "\nhost:127.0.0.1:" + sandbox.port() + "\ncontent-type:application/json\n\n"
                + "x-sdk-date;host;content-type\n" + sha256(new byte[0]);
        String signature = hmacHex(SandboxCredentials.SECRET_KEY, "SDK-HMAC-SHA256\n" + date + "\n" + sha256(canonical.getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> r = get(IPD_LIST, "X-Sdk-Date", date, "Content-Type", "application/json", "Authorization",
                "SDK-HMAC-SHA256 Access=" + SandboxCredentials.ACCESS_KEY + ", SignedHeaders=X-Sdk-Date;Host;Content-Type, Signature=" + signature);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("SignedHeaders must be lower-case header names in sorted order").contains("X-Sdk-Date;Host;Content-Type");
    }

    @Test
    void aJsonLinkCallClaimingUnsignedPayloadIs401() throws Exception {
        // The body is then covered by no signature; only multipart bodies may say UNSIGNED-PAYLOAD.
        byte[] body = "[1,2]".getBytes(StandardCharsets.UTF_8);
        String link = "/v3/plan/" + PROJECT + "/f29c3f16d5f54cbab5e167ef9eed3baf/issue";
        Map<String, String> headers = signedHeaders(SandboxCredentials.SECRET_KEY, "POST", link, null,
                Map.of("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD"), Instant.now(), null);

        HttpResponse<String> r = post(link, "application/json", body, flat(headers));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("UNSIGNED-PAYLOAD stands for the body's hash only on a multipart/form-data body");
        assertThat(onlyRecord().authenticatedAs()).isNull();
    }

    private static String hmacHex(String key, String data) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSignedJsonBodyIsVerifiedByItsHashBeforeTheCallLooksAtIt() throws Exception {
        // The upload call refuses JSON (400), but only after the signature over the body's hash was accepted.
        byte[] body = "[1,2,3]".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = signedHeaders(SandboxCredentials.SECRET_KEY, "POST", IPD_UPLOAD, null,
                Map.of("Content-Type", "application/json"), Instant.now(), body);

        HttpResponse<String> r = post(IPD_UPLOAD, null, body, flat(headers));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(onlyRecord().authenticatedAs()).isEqualTo("aksk:SANDBOXAK00000000001");
        assertThat(onlyRecord().bodySha256()).isEqualTo(sha256(body));
        assertThat(onlyRecord().jsonBody()).isEqualTo("[1,2,3]");
    }
}
