package dev.worklink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worklink.auth.AkSkSigner;
import dev.worklink.codearts.PlanInfo;
import dev.worklink.codearts.PlanThumbnail;
import dev.worklink.codearts.PlanWorkItems;
import dev.worklink.codearts.ThumbnailOutcome;
import dev.worklink.codearts.UploadedImage;
import dev.worklink.files.ImageType;
import dev.worklink.files.ImageTypeSamples;
import dev.worklink.http.Log;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SandboxPlanTest extends SandboxFixture {

    private static final String PLAN = "f29c3f16d5f54cbab5e167ef9eed3baf";
    private static final String LINK = "/v3/plan/" + PROJECT + "/" + PLAN + "/issue";
    private static final String UPLOAD = "/v2/" + PROJECT + "/img";
    private static final String SET = "/v3/plan/" + PROJECT + "/management/" + PLAN + "/img";
    private static final String JSON_TYPE = "application/json;charset=UTF-8";
    private static final String MULTIPART = "multipart/form-data; boundary=test-boundary";

    private HttpResponse<String> postJson(String path, String body) throws Exception {
        return post(path, JSON_TYPE, body.getBytes(StandardCharsets.UTF_8), "X-Auth-Token", SandboxCredentials.READY_TOKEN);
    }

    private HttpResponse<String> putJson(String path, String body) throws Exception {
        return send(java.net.http.HttpRequest.newBuilder(uri(path)).PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", JSON_TYPE).header("X-Auth-Token", SandboxCredentials.READY_TOKEN).build());
    }

    private static void assertHuaweiError(HttpResponse<String> r, int status, String code, String messagePart) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        JsonNode body = json(r.body());
        assertThat(body.path("error_code").asText()).isEqualTo(code);
        assertThat(body.path("error_msg").asText()).contains(messagePart);
    }

    private static String ids(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    private static String currentMonth() {
        return DateTimeFormatter.ofPattern("yyyyMM").format(YearMonth.now(ZoneOffset.UTC));
    }

    // ---- linking work items

    @Test
    void thePluginsBatchesAreLinkedAndRecordedWithTheirBodies() {
        List<Long> ids = LongStream.rangeClosed(1, 250).boxed().toList();

        PlanWorkItems.Result result = new PlanWorkItems(client, readyToken(), uri(""), Log.NONE).link(PROJECT, PLAN, ids);

        assertThat(result.failed()).isFalse();
        List<RecordedRequest> records = sandbox.records();
        assertThat(records).extracting(RecordedRequest::status).containsExactly(200, 200, 200);
        assertThat(records).extracting(RecordedRequest::jsonBody).containsExactly(ids(1, 100), ids(101, 200), ids(201, 250));
        assertThat(records).extracting(RecordedRequest::authenticatedAs).containsOnly("token:ready");
    }

    @Test
    void aJsonCallSignedWithAkSkVerifies() {
        AkSkSigner signer = new AkSkSigner(SandboxCredentials.ACCESS_KEY, SandboxCredentials.SECRET_KEY, null, "test", Clock.systemUTC());

        PlanWorkItems.Result result = new PlanWorkItems(client, signer, uri(""), Log.NONE).link(PROJECT, PLAN, List.of(1L, 2L));

        assertThat(result.failed()).as(result.failureMessage()).isFalse();
        assertThat(onlyRecord().authenticatedAs()).isEqualTo("aksk:" + SandboxCredentials.ACCESS_KEY);
        assertThat(onlyRecord().headers().get("content-type")).isEqualTo("application/json; charset=UTF-8");
    }

    @Test
    void theDocumentedExampleIsASuccess() throws Exception {
        HttpResponse<String> r = postJson(LINK, "[ 9192109, 9191020, 9184553, 9185630 ]");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r.body()).path("status").asText()).isEqualTo("success");
        assertThat(onlyRecord().jsonBody()).isEqualTo("[ 9192109, 9191020, 9184553, 9185630 ]");
    }

    @Test
    void aHundredWorkItemsAreAcceptedAndAHundredAndOneAre400() throws Exception {
        assertThat(postJson(LINK, ids(1, 100)).statusCode()).isEqualTo(200);

        assertHuaweiError(postJson(LINK, ids(1, 101)), 400, "PM.02175000",
                "A maximum of 100 work items can be associated in one call; the body holds 101");
        assertThat(sandbox.records()).extracting(RecordedRequest::status).containsExactly(200, 400);
    }

    @Test
    void aBodyThatIsNotAnArrayOfPositiveIntegersIs400() throws Exception {
        assertHuaweiError(postJson(LINK, "[1, \"2\"]"), 400, "PM.02175000", "must be a positive integer, but the body holds \"2\"");
        assertHuaweiError(postJson(LINK, "[1.5]"), 400, "PM.02175000", "must be a positive integer");
        assertHuaweiError(postJson(LINK, "[-3]"), 400, "PM.02175000", "must be a positive integer");
        assertHuaweiError(postJson(LINK, "{\"issues\":[1]}"), 400, "PM.02175000", "non-empty JSON array");
        assertHuaweiError(postJson(LINK, "[]"), 400, "PM.02175000", "non-empty JSON array");
        assertHuaweiError(postJson(LINK, "1,2"), 400, "PM.02175000", "must be a JSON array");
    }

    @Test
    void aBadProjectIdIs400AndNoCredentialsIs401() throws Exception {
        assertHuaweiError(postJson("/v3/plan/not-a-project/" + PLAN + "/issue", "[1]"), 400, "PM.02175000", "project_id 'not-a-project'");

        HttpResponse<String> r = post(LINK, JSON_TYPE, "[1]".getBytes(StandardCharsets.UTF_8));

        assertHuaweiError(r, 401, "APIGW.0301", "Incorrect IAM authentication information");
    }

    // ---- images and thumbnails

    @Test
    void anUploadedImageGetsAnImgUrlOfTheDocumentedFormNamedByItsContent() throws Exception {
        Path image = ImageTypeSamples.write(dir.resolve("cover.png"), "png", 16, 16);

        // The month is read on both sides of the call: a call across a month boundary may carry either, and no other.
        String monthBefore = currentMonth();
        UploadedImage uploaded = new PlanThumbnail(client, readyToken(), uri(""), Log.NONE).upload(PROJECT, image, ImageType.PNG);
        String monthAfter = currentMonth();

        String name = new BigInteger(sha256(image).substring(0, 16), 16).toString();
        assertThat(uploaded.imgUrl()).isIn("/v1/upload/" + PROJECT + "/" + monthBefore + "/" + name + ".png",
                "/v1/upload/" + PROJECT + "/" + monthAfter + "/" + name + ".png");
        assertThat(uploaded.imgUrl()).matches(PlanThumbnail.imageUrlPattern(PROJECT));
        assertThat(uploaded.imgId()).isEqualTo("1"); // the sandbox's first image id
        RecordedRequest r = onlyRecord();
        assertThat(r.parts()).containsExactly(new RecordedPart("file", "cover.png", "image/png", Files.size(image), sha256(image)));
    }

    @Test
    void jpegAndGifImagesGetTheirOwnExtensions() throws Exception {
        PlanThumbnail api = new PlanThumbnail(client, readyToken(), uri(""), Log.NONE);

        assertThat(api.upload(PROJECT, ImageTypeSamples.write(dir.resolve("a.png"), "jpeg", 8, 8), ImageType.JPEG).imgUrl()).endsWith(".jpg");
        assertThat(api.upload(PROJECT, ImageTypeSamples.write(dir.resolve("b.png"), "gif", 8, 8), ImageType.GIF).imgUrl()).endsWith(".gif");
    }

    @Test
    void anImageThatIsNoPngJpegOrGifOrOver5MbOrInAnotherFieldIs400() throws Exception {
        byte[] bmp = Files.readAllBytes(ImageTypeSamples.write(dir.resolve("a.bmp"), "bmp", 8, 8));
        byte[] png = Files.readAllBytes(ImageTypeSamples.write(dir.resolve("a.png"), "png", 8, 8));
        byte[] big = Files.readAllBytes(ImageTypeSamples.padTo(ImageTypeSamples.write(dir.resolve("big.png"), "png", 8, 8), 5L * 1024 * 1024 + 1));

        assertHuaweiError(post(UPLOAD, MULTIPART, multipart("test-boundary", "file", "a.png", bmp), "X-Auth-Token", SandboxCredentials.READY_TOKEN),
                400, "PM.02175001", "its content is a BMP image");
        assertHuaweiError(post(UPLOAD, MULTIPART, multipart("test-boundary", "file", "a.png", "text".getBytes()), "X-Auth-Token",
                SandboxCredentials.READY_TOKEN), 400, "PM.02175001", "its content is no image");
        assertHuaweiError(post(UPLOAD, MULTIPART, multipart("test-boundary", "image", "a.png", png), "X-Auth-Token", SandboxCredentials.READY_TOKEN),
                400, "PM.02175001", "in the field 'file'");
        assertHuaweiError(post(UPLOAD, MULTIPART, multipart("test-boundary", "file", "big.png", big), "X-Auth-Token", SandboxCredentials.READY_TOKEN),
                400, "PM.02175001", "exceeds the size limit (5 MB)");
    }

    @Test
    void settingAThumbnailAnswersThePlanWithItsNameAndType() throws Exception {
        String url = "/v1/upload/" + PROJECT + "/202506/1749730526922581391.png";

        PlanInfo plan = new PlanThumbnail(client, readyToken(), uri(""), Log.NONE).set(PROJECT, PLAN, url);

        assertThat(plan.id()).isEqualTo(PLAN);
        assertThat(plan.name()).isEqualTo("Sandbox plan " + PLAN);
        assertThat(plan.type()).isEqualTo("gantt");
        assertThat(plan.projectId()).isEqualTo(PROJECT);
        assertThat(plan.imgUrl()).isEqualTo(url);
        assertThat(plan.creator().nickName()).isEqualTo("sandbox-user");
        assertThat(onlyRecord().jsonBody()).isEqualTo("{\"img_url\":\"" + url + "\"}");
    }

    @Test
    void aPlanWhoseIdStartsWithMindIsAMindMap() throws Exception {
        String url = "/v1/upload/" + PROJECT + "/202506/1.gif";

        assertThat(new PlanThumbnail(client, readyToken(), uri(""), Log.NONE).set(PROJECT, "mind-map_7", url).type()).isEqualTo("mind");
    }

    @Test
    void anImgUrlOffThePatternForThatProjectIs400() throws Exception {
        assertHuaweiError(putJson(SET, "{\"img_url\":\"/v1/upload/0792b7d26cb74bd799cbae80063dc74a/202506/1.png\"}"), 400, "PM.02175000",
                "must match /v1/upload/%s/\\d{6}/[a-zA-Z0-9]+.[a-zA-Z] for this project");
        assertHuaweiError(putJson(SET, "{\"img_url\":\"/v1/upload/" + PROJECT + "/2025/1.png\"}"), 400, "PM.02175000", "is invalid");
        assertHuaweiError(putJson(SET, "{\"url\":\"/v1/upload/" + PROJECT + "/202506/1.png\"}"), 400, "PM.02175000", "img_url is missing");
    }

    @Test
    void theUrlAnUploadReturnsIsAcceptedByTheThumbnailCall() throws Exception {
        Path image = ImageTypeSamples.write(dir.resolve("cover.jpg"), "jpeg", 32, 32);

        ThumbnailOutcome outcome = new PlanThumbnail(client, readyToken(), uri(""), Log.NONE).update(PROJECT, PLAN, null, image, ImageType.JPEG);

        assertThat(outcome.status()).isEqualTo("set");
        List<RecordedRequest> records = sandbox.records();
        assertThat(records).extracting(RecordedRequest::method).containsExactly("POST", "PUT");
        assertThat(records.get(1).jsonBody()).isEqualTo("{\"img_url\":\"" + outcome.imgUrl() + "\"}");
        assertThat(records).extracting(RecordedRequest::status).containsExactly(200, 200);
    }
}
