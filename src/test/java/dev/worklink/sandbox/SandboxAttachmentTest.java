package dev.worklink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worklink.http.ServiceException;
import dev.worklink.http.ServiceRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.Test;

class SandboxAttachmentTest extends SandboxFixture {

    private static final String MULTIPART = "multipart/form-data; boundary=test-boundary";
    private static final String TOKEN_HEADER = "X-Auth-Token";

    private void assertHuaweiError(HttpResponse<String> r, int status, String code, String messagePart) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        JsonNode body = json(r.body());
        assertThat(body.path("error_code").asText()).isEqualTo(code);
        assertThat(body.path("error_msg").asText()).contains(messagePart);
    }

    private HttpResponse<String> rawUpload(String path, byte[] body) throws Exception {
        return post(path, MULTIPART, body, TOKEN_HEADER, SandboxCredentials.READY_TOKEN);
    }

    @Test
    void anIpdUploadIsRecordedWithTheFieldNameSizeAndSha256OfTheFile() throws Exception {
        Path f = file("demo-1.0.jar", 777);

        long sent = client.execute(upload(IPD_UPLOAD, "attachment", f), readyToken()).bytesSent();

        RecordedRequest r = onlyRecord();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo(IPD_UPLOAD);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.parts()).containsExactly(new RecordedPart("attachment", "demo-1.0.jar", "application/octet-stream", 777, sha256(f)));
        assertThat(r.bodySize()).isEqualTo(sent); // what the client counted out is what the sandbox counted in
    }

    @Test
    void anIpdUploadAnswersTheDocumentedShape() throws Exception {
        String body = client.execute(upload(IPD_UPLOAD, "attachment", file("demo-1.0.jar", 777)), readyToken()).body();

        JsonNode r = json(body);
        assertThat(r.path("status").asText()).isEqualTo("success");
        assertThat(r.path("message").isNull()).isTrue();
        JsonNode item = r.path("result").get(0);
        assertThat(item.path("id").asText()).isEqualTo("1000001"); // the sandbox's first attachment id
        assertThat(item.path("workitem_id").asText()).isEqualTo(IPD_ISSUE);
        assertThat(item.path("filesize").asLong()).isEqualTo(777);
        assertThat(item.path("store_filename").asText()).isEqualTo("demo-1.0.jar");
        assertThat(item.path("title").asText()).isEqualTo("demo-1.0.jar");
        assertThat(item.path("progress").asInt()).isEqualTo(100);
    }

    @Test
    void aProjectIdThatIsNot32LettersOrDigitsIs400() throws Exception {
        String path = "/v1/ipdprojectservice/projects/not-a-project/issues/" + IPD_ISSUE + "/attachments/upload";

        HttpResponse<String> r = rawUpload(path, multipart("test-boundary", "attachment", "a.bin", new byte[10]));

        assertHuaweiError(r, 400, "PM.02175000", "project_id 'not-a-project' is invalid");
    }

    @Test
    void anIpdIssueIdOf17DigitsIs400() throws Exception {
        String path = "/v1/ipdprojectservice/projects/" + PROJECT + "/issues/95623906717693540/attachments/upload";

        HttpResponse<String> r = rawUpload(path, multipart("test-boundary", "attachment", "a.bin", new byte[10]));

        assertHuaweiError(r, 400, "PM.02175000", "issue_id '95623906717693540' is invalid: it must match ^[0-9]{18,19}$");
    }

    @Test
    void aFileUnderAnotherFieldNameIs400() throws Exception {
        assertThatThrownBy(() -> client.execute(upload(IPD_UPLOAD, "file", file("a.bin", 10)), readyToken()))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("PM.02175001");
                    assertThat(e.errorMessage()).contains("in the field 'attachment'").contains("files in the fields ['file']");
                });
    }

    @Test
    void twoFilesAre400() throws Exception {
        byte[] body = multipart("test-boundary", "attachment", "a.bin", new byte[10], "attachment", "b.bin", new byte[10]);

        assertHuaweiError(rawUpload(IPD_UPLOAD, body), 400, "PM.02175001", "Exactly one file is expected");
    }

    @Test
    void aPlainFieldBesideTheFileIsIgnored() throws Exception {
        byte[] body = multipart("test-boundary", "comment", null, "release 1.0".getBytes(StandardCharsets.UTF_8),
                "attachment", "a.bin", new byte[10]);

        assertThat(rawUpload(IPD_UPLOAD, body).statusCode()).isEqualTo(200);
        assertThat(onlyRecord().parts()).extracting(RecordedPart::field).containsExactly("comment", "attachment");
    }

    @Test
    void aBodyThatIsNotMultipartIs400() throws Exception {
        HttpResponse<String> r = post(IPD_UPLOAD, "application/octet-stream", new byte[10], TOKEN_HEADER, SandboxCredentials.READY_TOKEN);

        assertHuaweiError(r, 400, "PM.02175001", "must be multipart/form-data");
    }

    @Test
    void aMultipartBodyCutShortIs400() throws Exception {
        byte[] whole = multipart("test-boundary", "attachment", "a.bin", new byte[100]);
        byte[] cut = java.util.Arrays.copyOf(whole, 150);

        assertHuaweiError(rawUpload(IPD_UPLOAD, cut), 400, "PM.02175001", "the body ends inside the part 'attachment'");
    }

    @Test
    void aFileOneByteOverTheLimitIs400Pm02175030AndIsNotStored() throws Exception {
        assertThatThrownBy(() -> client.execute(upload(IPD_UPLOAD, "attachment", file("big.bin", 1001)), readyToken()))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("PM.02175030");
                    assertThat(e.errorMessage()).isEqualTo("The attachment exceeds the size limit (1000 bytes)");
                });
        assertThat(json(get(IPD_LIST, TOKEN_HEADER, SandboxCredentials.READY_TOKEN).body()).path("result")).isEmpty();
    }

    @Test
    void aFileOfExactlyTheLimitIsAccepted() throws Exception {
        assertThat(client.execute(upload(IPD_UPLOAD, "attachment", file("limit.bin", 1000)), readyToken()).status()).isEqualTo(200);
    }

    @Test
    void theDefaultLimitIsWordedAs50Mb() {
        assertThat(ReqAttachmentService.describe(SandboxOptions.DEFAULT_ATTACHMENT_LIMIT)).isEqualTo("50 MB");
    }

    @Test
    void apacheHttpClientSendingAFileFarOverTheLimitGetsThe400NotABrokenPipe() throws Exception {
        Path big = dir.resolve("far-over.bin");
        Files.write(big, new byte[8 * 1024 * 1024]);
        HttpPost post = new HttpPost(uri(IPD_UPLOAD));
        post.setHeader(TOKEN_HEADER, SandboxCredentials.READY_TOKEN);
        post.setEntity(MultipartEntityBuilder.create().addBinaryBody("attachment", big.toFile(), ContentType.APPLICATION_OCTET_STREAM, "far-over.bin").build());

        try (CloseableHttpClient hc = HttpClients.custom().disableAutomaticRetries().build()) {
            int[] status = new int[1];
            String body = hc.execute(post, response -> {
                status[0] = response.getCode();
                return EntityUtils.toString(response.getEntity());
            });

            assertThat(status[0]).isEqualTo(400);
            assertThat(body).contains("PM.02175030");
        }
        assertThat(onlyRecord().parts().get(0).size()).isEqualTo(8 * 1024 * 1024);
    }

    @Test
    void theListReturnsTheAttachmentsUploadedToThatWorkItem() throws Exception {
        String id = json(client.execute(upload(IPD_UPLOAD, "attachment", file("a.bin", 10)), readyToken()).body())
                .path("result").get(0).path("id").asText();
        client.execute(upload(IPD_UPLOAD, "attachment", file("b.bin", 20)), readyToken());
        client.execute(upload("/v1/ipdprojectservice/projects/" + PROJECT + "/issues/956239067176935499/attachments/upload", "attachment",
                file("other.bin", 30)), readyToken());

        JsonNode r = json(client.execute(ServiceRequest.get(uri(IPD_LIST), "list"), readyToken()).body());

        assertThat(r.path("status").asText()).isEqualTo("success");
        assertThat(r.path("result")).hasSize(2);
        JsonNode first = r.path("result").get(0);
        assertThat(first.path("id").asText()).isEqualTo(id);
        assertThat(first.path("issue_id").asText()).isEqualTo(IPD_ISSUE);
        assertThat(first.path("file_name").asText()).isEqualTo("a.bin");
        assertThat(first.path("file_size").asLong()).isEqualTo(10);
        assertThat(first.path("create_time").asText()).isNotBlank();
        assertThat(r.path("result").get(1).path("file_name").asText()).isEqualTo("b.bin");
    }

    @Test
    void withTheSdkShapeTheListWordsEntriesAsTheSdksAttachmentEntity() throws Exception {
        client.execute(upload(IPD_UPLOAD, "attachment", file("a.bin", 10)), readyToken());
        sandbox.listShape(ListShape.SDK);

        JsonNode entry = json(get(IPD_LIST, TOKEN_HEADER, SandboxCredentials.READY_TOKEN).body()).path("result").get(0);

        assertThat(entry.has("file_name")).isFalse();
        assertThat(entry.path("title").asText()).isEqualTo("a.bin");
        assertThat(entry.path("store_filename").asText()).isNotEqualTo("a.bin").endsWith(".bin");
        assertThat(entry.path("file_size").isTextual()).isTrue();
        assertThat(entry.path("file_size").asText()).isEqualTo("10");
        assertThat(entry.path("issue_id").asText()).isEqualTo(IPD_ISSUE);
        assertThat(entry.path("created_by").path("name").asText()).isEqualTo(SandboxCredentials.IAM_USER);
    }

    @Test
    void theListShapeIsSetOverTheAdminApiAndResetRestoresTheDocShape() throws Exception {
        HttpResponse<String> r = post("/__sandbox/list-shape", "application/json", "{\"shape\":\"sdk\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sandbox.listShape()).isEqualTo(ListShape.SDK);

        sandbox.reset();

        assertThat(sandbox.listShape()).isEqualTo(ListShape.DOC);
        assertThat(post("/__sandbox/list-shape", "application/json", "{\"shape\":\"api\"}".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aListWithoutIssueIdIs400() throws Exception {
        HttpResponse<String> r = get("/v1/ipdprojectservice/projects/" + PROJECT + "/attachments", TOKEN_HEADER, SandboxCredentials.READY_TOKEN);

        assertHuaweiError(r, 400, "PM.02175000", "issue_id is required");
    }

    @Test
    void resetForgetsStoredAttachments() throws Exception {
        client.execute(upload(IPD_UPLOAD, "attachment", file("a.bin", 10)), readyToken());

        sandbox.reset();

        assertThat(json(get(IPD_LIST, TOKEN_HEADER, SandboxCredentials.READY_TOKEN).body()).path("result")).isEmpty();
    }

    @Test
    void aScrumUploadTakesAPositiveIntegerIdAndAnswersAFlatObject() throws Exception {
        Path f = file("app-1.0.zip", 321);

        JsonNode r = json(client.execute(upload(SCRUM_UPLOAD, "attachment", f), readyToken()).body());

        // The doc page UploadAttachments and the SDK's UploadAttachmentsResponse: {id, issue_id, project_id, disk_filename, file_name, size}.
        assertThat(r.has("status")).isFalse();
        assertThat(r.has("result")).isFalse();
        assertThat(r.path("id").isIntegralNumber()).isTrue();
        assertThat(r.path("issue_id").asLong()).isEqualTo(4711);
        assertThat(r.path("project_id").asText()).isEqualTo(PROJECT);
        assertThat(r.path("file_name").asText()).isEqualTo("app-1.0.zip");
        assertThat(r.path("disk_filename").asText()).isNotBlank().isNotEqualTo("app-1.0.zip");
        assertThat(r.path("size").asText()).isEqualTo("321");
        assertThat(onlyRecord().parts()).containsExactly(new RecordedPart("attachment", "app-1.0.zip", "application/octet-stream", 321, sha256(f)));
        assertThat(sandbox.storedAttachments()).singleElement().satisfies(a -> {
            assertThat(a.get("id")).isEqualTo(r.path("id").asText());
            assertThat(a.get("issueId")).isEqualTo(SCRUM_ISSUE);
        });
    }

    @Test
    void aScrumIssueIdOf18DigitsIs400() throws Exception {
        String path = "/v4/projects/" + PROJECT + "/issues/" + IPD_ISSUE + "/attachments/upload";

        assertHuaweiError(rawUpload(path, multipart("test-boundary", "attachment", "a.bin", new byte[10])), 400, "PM.02175000",
                "issue_id '" + IPD_ISSUE + "' is invalid");
    }

    @Test
    void aFileNameInUtf8IsRecordedAsSent() throws Exception {
        client.execute(upload(IPD_UPLOAD, "attachment", file("Übersicht – 报告.pdf", 10)), readyToken());

        assertThat(onlyRecord().parts().get(0).fileName()).isEqualTo("Übersicht – 报告.pdf");
    }

    @Test
    void anUnknownPathIs404Apigw0101() throws Exception {
        HttpResponse<String> r = get("/v9/nothing/here", TOKEN_HEADER, SandboxCredentials.READY_TOKEN);

        assertHuaweiError(r, 404, "APIGW.0101", "The API does not exist or has not been published in the environment");
        assertThat(r.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void aGetOfTheUploadCallIs405() throws Exception {
        HttpResponse<String> r = get(IPD_UPLOAD, TOKEN_HEADER, SandboxCredentials.READY_TOKEN);

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).contains("POST");
    }
}
