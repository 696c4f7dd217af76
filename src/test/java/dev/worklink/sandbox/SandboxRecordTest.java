package dev.worklink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxRecordTest extends SandboxFixture {

    private HttpResponse<String> admin(String method, String call, String json) throws Exception {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        return send(HttpRequest.newBuilder(uri("/__sandbox/" + call)).method(method, body).header("Content-Type", "application/json").build());
    }

    @Test
    void theRecordFileHoldsOneJsonLinePerRequestEqualToTheRecord() throws Exception {
        client.execute(upload(IPD_UPLOAD, "attachment", file("a.bin", 10)), readyToken());
        iam("sandbox-user", "sandbox-password", "sandbox-domain");

        List<String> lines = Files.readAllLines(dir.resolve("record.jsonl"));

        assertThat(lines).hasSize(2);
        assertThat(List.of(JSON.readValue(lines.get(0), RecordedRequest.class), JSON.readValue(lines.get(1), RecordedRequest.class)))
                .isEqualTo(sandbox.records());
    }

    @Test
    void theRecordFileHoldsNoSecret() throws Exception {
        iam("sandbox-user", "sandbox-password", "sandbox-domain");
        client.execute(upload(IPD_UPLOAD, "attachment", file("a.bin", 10)), token(issuedToken()));

        String text = Files.readString(dir.resolve("record.jsonl"));

        assertThat(text).doesNotContain("sandbox-password").doesNotContain(SandboxCredentials.READY_TOKEN);
        sandbox.issuedTokens().forEach(token -> assertThat(text).doesNotContain(token));
        assertThat(sandbox.records().get(2).headers()).containsEntry("x-auth-token", "***");
    }

    @Test
    void theLogGetsOneHumanLinePerRequest() throws Exception {
        Path f = file("demo-1.0.jar", 999);

        client.execute(upload(IPD_UPLOAD, "attachment", f), readyToken());
        get("/v9/nothing");

        assertThat(log).hasSize(2);
        assertThat(log.get(0)).startsWith("POST " + IPD_UPLOAD + " -> 200 attachment demo-1.0.jar 999 bytes sha256 " + sha256(f).substring(0, 12) + "…");
        assertThat(log.get(1)).startsWith("GET /v9/nothing -> 404 APIGW.0101 The API does not exist");
    }

    @Test
    void seqIncreasesInArrivalOrder() throws Exception {
        for (int i = 0; i < 3; i++) {
            get("/v9/nothing");
        }

        assertThat(sandbox.records()).extracting(RecordedRequest::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void theAdminApiReturnsTheRecordAsJsonOfRecordedRequests() throws Exception {
        Path f = file("a.bin", 10);
        client.execute(upload(IPD_UPLOAD, "attachment", f), readyToken());

        HttpResponse<String> r = admin("GET", "record", null);

        assertThat(r.statusCode()).isEqualTo(200);
        List<RecordedRequest> records = JSON.readValue(r.body(), new TypeReference<List<RecordedRequest>>() {});
        assertThat(records).isEqualTo(sandbox.records());
        assertThat(json(r.body()).get(0).path("parts").get(0).toString())
                .isEqualTo("{\"field\":\"attachment\",\"fileName\":\"a.bin\",\"contentType\":\"application/octet-stream\",\"size\":10,\"sha256\":\"" + sha256(f) + "\"}");
    }

    @Test
    void adminCallsAreNotRecorded() throws Exception {
        admin("GET", "health", null);
        admin("GET", "record", null);
        admin("GET", "stats", null);

        assertThat(sandbox.records()).isEmpty();
    }

    @Test
    void theAdminHealthCallAnswersOk() throws Exception {
        HttpResponse<String> r = admin("GET", "health", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r.body())).isEqualTo(json("{\"status\":\"ok\"}"));
    }

    @Test
    void theAdminStatsCountIamCallsConnectionsAndRequests() throws Exception {
        iam("sandbox-user", "sandbox-password", "sandbox-domain");
        get(IPD_LIST, "X-Auth-Token", SandboxCredentials.READY_TOKEN);
        HttpClient another = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        another.send(HttpRequest.newBuilder(uri("/v9/nothing")).build(), HttpResponse.BodyHandlers.discarding());

        HttpResponse<String> r = admin("GET", "stats", null);

        assertThat(json(r.body())).isEqualTo(json("{\"iamCalls\":1,\"projectLookups\":0,\"connectionsAccepted\":2,\"requests\":3}"));
    }

    @Test
    void theAdminResetClearsTheRecord() throws Exception {
        get("/v9/nothing");

        assertThat(admin("POST", "reset", "{}").statusCode()).isEqualTo(200);

        assertThat(sandbox.records()).isEmpty();
    }

    @Test
    void theAdminExpireTokensCallExpiresIssuedTokens() throws Exception {
        String token = issuedToken();

        admin("POST", "expire-tokens", null);

        assertThat(get(IPD_LIST, "X-Auth-Token", token).statusCode()).isEqualTo(401);
    }

    @Test
    void theAdminTokensCallListsIssuedTokens() throws Exception {
        String token = issuedToken();

        assertThat(JSON.readValue(admin("GET", "tokens", null).body(), List.class)).containsExactly(token);
    }

    @Test
    void theAdminAttachmentLimitCallSetsTheLimitUntilReset() throws Exception {
        Path f = file("a.bin", 2000);

        assertThat(admin("POST", "attachment-limit", "{\"bytes\":5000}").statusCode()).isEqualTo(200);
        int raised = client.execute(upload(IPD_UPLOAD, "attachment", f), readyToken()).status();
        sandbox.reset();

        assertThat(raised).isEqualTo(200);
        assertThat(sandbox.attachmentLimit()).isEqualTo(LIMIT);
    }

    @Test
    void anUnknownAdminCallIs404() throws Exception {
        HttpResponse<String> r = admin("GET", "nothing", null);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("no admin call 'nothing'");
    }

    @Test
    void anAdminCallWithABadBodyIs400() throws Exception {
        assertThat(admin("POST", "attachment-limit", "{\"bytes\":\"many\"}").statusCode()).isEqualTo(400);
        assertThat(admin("POST", "misbehave", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void requestsOverOneKeptAliveConnectionCountAsOneConnection() throws Exception {
        for (int i = 0; i < 3; i++) {
            get("/v9/nothing");
        }

        assertThat(sandbox.connectionsAccepted()).isEqualTo(1);
        assertThat(sandbox.records()).extracting(RecordedRequest::connection).containsOnly(sandbox.records().get(0).connection());
    }

    @Test
    void aJsonBodyIsRecordedAsText() throws Exception {
        post("/v3/plan/" + PROJECT + "/plan-1/issue", "application/json", "[9192109,9191020]".getBytes(StandardCharsets.UTF_8));

        assertThat(onlyRecord().jsonBody()).isEqualTo("[9192109,9191020]");
        assertThat(onlyRecord().bodySha256()).isEqualTo(sha256("[9192109,9191020]".getBytes(StandardCharsets.UTF_8)));
        assertThat(onlyRecord().bodySize()).isEqualTo(17);
    }
}
