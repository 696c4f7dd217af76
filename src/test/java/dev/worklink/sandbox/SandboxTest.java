package dev.worklink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklink.auth.AkSkSigner;
import dev.worklink.http.HttpClientFactory;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.Log;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.RequestBody;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceException;
import dev.worklink.http.ServiceRequest;
import dev.worklink.http.ServiceResponse;
import dev.worklink.http.TokenAuthenticatorForTests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxTest {

    private static final String PROJECT = "0123456789abcdef0123456789abcdef";
    private static final String IPD_ISSUE = "956239067176935400";

    @TempDir
    Path dir;

    private Sandbox sandbox;
    private CloseableHttpClient http;
    private ServiceClient client;
    private final HttpClient raw = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        sandbox = Sandbox.start(SandboxOptions.defaults().withAttachmentLimit(1000).withRecordFile(dir.resolve("record.jsonl")));
        HttpSettings settings = HttpSettings.defaults().withRetries(0);
        http = HttpClientFactory.create(settings, "test");
        client = new ServiceClient(http, settings, Log.NONE, d -> {});
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
        sandbox.close();
    }

    private URI uri(String path) {
        return URI.create(sandbox.url() + path);
    }

    private Path file(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return Files.write(dir.resolve(name), bytes);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private ServiceRequest ipdUpload(Path file) {
        return new ServiceRequest("POST", uri("/v1/ipdprojectservice/projects/" + PROJECT + "/issues/" + IPD_ISSUE + "/attachments/upload"),
                Map.of(), new RequestBody.MultipartFile("attachment", file, file.getFileName().toString(), "application/octet-stream"), "upload");
    }

    private RequestAuthenticator ready() {
        return new TokenAuthenticatorForTests(SandboxCredentials.READY_TOKEN);
    }

    private RequestAuthenticator aksk(Clock clock) {
        return new AkSkSigner(SandboxCredentials.ACCESS_KEY, SandboxCredentials.SECRET_KEY, null, "test", clock);
    }

    private HttpResponse<String> iam(String user, String password) throws Exception {
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + user + "\",\"password\":\""
                + password + "\",\"domain\":{\"name\":\"sandbox-domain\"}}}},\"scope\":{\"project\":{\"name\":\"cn-north-4\"}}}}";
        return raw.send(HttpRequest.newBuilder(uri("/v3/auth/tokens?nocatalog=true")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void iamIssuesATokenForTheSandboxUserThatThenAuthenticates() throws Exception {
        HttpResponse<String> r = iam("sandbox-user", "sandbox-password");

        assertThat(r.statusCode()).isEqualTo(201);
        String token = r.headers().firstValue("X-Subject-Token").orElseThrow();
        assertThat(token).startsWith("MIIsandbox");
        assertThat(r.body()).contains("\"expires_at\"").contains("\"name\":\"cn-north-4\"");
        ServiceResponse upload = client.execute(ipdUpload(file("a.bin", 10)), new TokenAuthenticatorForTests(token));
        assertThat(upload.status()).isEqualTo(200);
        assertThat(sandbox.records().get(1).authenticatedAs()).isEqualTo("token:sandbox-user");
    }

    @Test
    void iamRefusesAWrongPassword() throws Exception {
        HttpResponse<String> r = iam("sandbox-user", "nope");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("The username or password is wrong.");
    }

    @Test
    void anUnknownTokenGets401Apigw0301WithARequestId() throws Exception {
        assertThatThrownBy(() -> client.execute(ipdUpload(file("a.bin", 10)), new TokenAuthenticatorForTests("forged")))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.errorCode()).isEqualTo("APIGW.0301");
                    assertThat(e.requestId()).matches("[0-9a-f]{32}");
                });
    }

    @Test
    void expiredTokensAreRefused() throws Exception {
        String token = iam("sandbox-user", "sandbox-password").headers().firstValue("X-Subject-Token").orElseThrow();
        sandbox.expireTokens();
        assertThatThrownBy(() -> client.execute(ipdUpload(file("a.bin", 10)), new TokenAuthenticatorForTests(token)))
                .hasMessageContaining("APIGW.0301").hasMessageContaining("expired");
    }

    @Test
    void anAkSkSignatureIsVerifiedForMultipartAndJsonBodies() throws Exception {
        ServiceResponse upload = client.execute(ipdUpload(file("a.bin", 10)), aksk(Clock.systemUTC()));
        ServiceResponse list = client.execute(ServiceRequest.get(uri("/v1/ipdprojectservice/projects/" + PROJECT + "/attachments?issue_id=" + IPD_ISSUE), "list"),
                aksk(Clock.systemUTC()));

        assertThat(upload.status()).isEqualTo(200);
        assertThat(list.body()).contains("\"file_name\":\"a.bin\"").contains("\"file_size\":10");
        assertThat(sandbox.records()).allSatisfy(r -> assertThat(r.authenticatedAs()).isEqualTo("aksk:" + SandboxCredentials.ACCESS_KEY));
    }

    @Test
    void aSignatureMadeWithAnotherSecretKeyIsRefused() {
        RequestAuthenticator wrong = new AkSkSigner(SandboxCredentials.ACCESS_KEY, "not-the-secret", null, "test", Clock.systemUTC());
        assertThatThrownBy(() -> client.execute(ipdUpload(file("a.bin", 10)), wrong)).hasMessageContaining("the signature does not match");
    }

    @Test
    void aStaleSignatureDateIsRefused() {
        Clock anHourAgo = Clock.fixed(Instant.now().minusSeconds(3600), ZoneOffset.UTC);
        assertThatThrownBy(() -> client.execute(ipdUpload(file("a.bin", 10)), aksk(anHourAgo))).hasMessageContaining("15 minutes");
    }

    @Test
    void anUploadIsRecordedWithFieldNameSizeAndSha256OfTheFile() throws Exception {
        Path f = file("app-1.0.jar", 777);

        client.execute(ipdUpload(f), ready());

        RecordedRequest r = sandbox.records().get(0);
        assertThat(r.path()).isEqualTo("/v1/ipdprojectservice/projects/" + PROJECT + "/issues/" + IPD_ISSUE + "/attachments/upload");
        assertThat(r.parts()).containsExactly(new RecordedPart("attachment", "app-1.0.jar", "application/octet-stream", 777, sha256(f)));
        assertThat(r.headers()).containsEntry("x-auth-token", "***");
        assertThat(Files.readString(dir.resolve("record.jsonl"))).contains(sha256(f)).doesNotContain(SandboxCredentials.READY_TOKEN);
    }

    @Test
    void badIdsInThePathAre400() {
        ServiceRequest badProject = new ServiceRequest("POST", uri("/v1/ipdprojectservice/projects/short/issues/" + IPD_ISSUE + "/attachments/upload"),
                Map.of(), new RequestBody.Json("{}".getBytes()), "upload");
        ServiceRequest seventeenDigits = new ServiceRequest("POST", uri("/v1/ipdprojectservice/projects/" + PROJECT + "/issues/95623906717693540/attachments/upload"),
                Map.of(), new RequestBody.Json("{}".getBytes()), "upload");
        assertThatThrownBy(() -> client.execute(badProject, ready())).hasMessageContaining("HTTP 400").hasMessageContaining("project_id");
        assertThatThrownBy(() -> client.execute(seventeenDigits, ready())).hasMessageContaining("HTTP 400").hasMessageContaining("issue_id");
    }

    @Test
    void aFileUnderAnotherFieldNameIs400() throws Exception {
        Path f = file("a.bin", 10);
        ServiceRequest wrongField = new ServiceRequest("POST", uri("/v4/projects/" + PROJECT + "/issues/4711/attachments/upload"), Map.of(),
                new RequestBody.MultipartFile("file", f, "a.bin", "application/octet-stream"), "upload");
        assertThatThrownBy(() -> client.execute(wrongField, ready())).hasMessageContaining("HTTP 400").hasMessageContaining("'attachment'");
    }

    @Test
    void aFileOverTheLimitIs400AndIsNotStored() throws Exception {
        assertThatThrownBy(() -> client.execute(ipdUpload(file("big.bin", 1001)), ready()))
                .hasMessageContaining("PM.02175030");
        ServiceResponse list = client.execute(ServiceRequest.get(uri("/v1/ipdprojectservice/projects/" + PROJECT + "/attachments?issue_id=" + IPD_ISSUE), "list"), ready());
        assertThat(list.body()).contains("\"result\":[]");
    }

    @Test
    void scrumUploadsTakePositiveIntegerIds() throws Exception {
        Path f = file("a.bin", 10);
        ServiceRequest scrum = new ServiceRequest("POST", uri("/v4/projects/" + PROJECT + "/issues/4711/attachments/upload"), Map.of(),
                new RequestBody.MultipartFile("attachment", f, "a.bin", "application/octet-stream"), "upload");
        assertThat(client.execute(scrum, ready()).body()).contains("\"workitem_id\":\"4711\"").contains("\"status\":\"success\"");
    }

    @Test
    void aMisbehaviourAnswersItsStatusWithRetryAfterThenServesNormally() throws Exception {
        sandbox.misbehave(Misbehaviour.status(503, 1).withRetryAfter("2"));
        HttpRequest get = HttpRequest.newBuilder(uri("/v1/ipdprojectservice/projects/" + PROJECT + "/attachments?issue_id=" + IPD_ISSUE))
                .header("X-Auth-Token", SandboxCredentials.READY_TOKEN).build();

        HttpResponse<String> first = raw.send(get, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> second = raw.send(get, HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.headers().firstValue("Retry-After")).contains("2");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(sandbox.records()).extracting(RecordedRequest::status).containsExactly(503, 200);
    }

    @Test
    void aMisbehaviourCanSkipCallsAndTargetAPath() throws Exception {
        sandbox.misbehave(Misbehaviour.status(500, 1).forPath("/issue").afterSkipping(1));
        HttpRequest other = HttpRequest.newBuilder(uri("/v3/unknown")).build();
        HttpRequest issue = HttpRequest.newBuilder(uri("/x/issue")).build();

        int a = raw.send(other, HttpResponse.BodyHandlers.discarding()).statusCode();
        int b = raw.send(issue, HttpResponse.BodyHandlers.discarding()).statusCode();
        int c = raw.send(issue, HttpResponse.BodyHandlers.discarding()).statusCode();
        int d = raw.send(issue, HttpResponse.BodyHandlers.discarding()).statusCode();

        assertThat(List.of(a, b, c, d)).containsExactly(404, 404, 500, 404);
    }

    @Test
    void aDroppedConnectionGetsNoResponse() throws Exception {
        sandbox.misbehave(Misbehaviour.drop(1));
        assertThatThrownBy(() -> client.execute(ipdUpload(file("a.bin", 10)), ready())).isInstanceOf(IOException.class)
                .isNotInstanceOf(ServiceException.class);
        assertThat(sandbox.records().get(0).status()).isZero();
    }

    @Test
    void theAdminApiReturnsTheRecordAsJson() throws Exception {
        client.execute(ipdUpload(file("a.bin", 10)), ready());
        String record = raw.send(HttpRequest.newBuilder(uri("/__sandbox/record")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(record).contains("\"fileName\":\"a.bin\"").contains("\"field\":\"attachment\"");
        raw.send(HttpRequest.newBuilder(uri("/__sandbox/reset")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(sandbox.records()).isEmpty();
    }

    @Test
    void unknownPathsAre404WithHuaweisErrorBody() throws Exception {
        HttpResponse<String> r = raw.send(HttpRequest.newBuilder(uri("/v9/nothing")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("APIGW.0101");
        assertThat(new String(r.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).contains("error_msg");
    }
}
