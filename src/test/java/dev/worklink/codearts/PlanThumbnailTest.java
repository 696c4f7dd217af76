package dev.worklink.codearts;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worklink.files.ImageType;
import dev.worklink.files.ImageTypeSamples;
import dev.worklink.http.HttpClientFactory;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.Log;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.TokenAuthenticatorForTests;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PlanThumbnailTest {

    static final String PROJECT = "919bb351ef424e2daaf3dd80c179fae9";
    static final String PLAN = "bf56512ab4e544c29d03d068711ca56a";
    static final String SET_PATH = "/v3/plan/" + PROJECT + "/management/" + PLAN + "/img";
    static final String UPLOAD_PATH = "/v2/" + PROJECT + "/img";
    static final String PLAN_ANSWER = "{\"status\":\"success\",\"result\":{\"id\":\"" + PLAN + "\",\"name\":\"Release 2.0\",\"type\":\"gantt\","
            + "\"project_id\":\"" + PROJECT + "\",\"img_url\":\"%s\",\"creator\":{\"user_id\":\"u1\",\"domain_id\":\"d1\","
            + "\"nick_name\":\"ci\",\"first_name\":\"CI\"}}}";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private CloseableHttpClient http;

    @BeforeEach
    void setUp() {
        http = HttpClientFactory.create(HttpSettings.defaults(), "test");
    }

    @AfterEach
    void tearDown() throws IOException {
        http.close();
    }

    private PlanThumbnail api(HttpSettings settings) {
        return new PlanThumbnail(new ServiceClient(http, settings, Log.NONE, d -> {}), new TokenAuthenticatorForTests("token-1234567890"),
                URI.create(server.baseUrl()), Log.NONE);
    }

    private PlanThumbnail api() {
        return api(HttpSettings.defaults().withRetries(0));
    }

    @Test
    void setsTheThumbnailFromAUrlAndReadsThePlansNameAndType() {
        String url = "/v1/upload/" + PROJECT + "/202506/1749730526922581391.png";
        server.stubFor(put(SET_PATH).willReturn(aResponse().withStatus(200).withBody(PLAN_ANSWER.formatted(url))));

        ThumbnailOutcome outcome = api().update(PROJECT, PLAN, url, null, null);

        server.verify(putRequestedFor(urlEqualTo(SET_PATH))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withHeader("X-Auth-Token", equalTo("token-1234567890"))
                .withRequestBody(equalTo("{\"img_url\":\"" + url + "\"}")));
        server.verify(0, postRequestedFor(urlEqualTo(UPLOAD_PATH)));
        assertThat(outcome.status()).isEqualTo("set");
        assertThat(outcome.planName()).isEqualTo("Release 2.0");
        assertThat(outcome.planType()).isEqualTo("gantt");
        assertThat(outcome.imgUrl()).isEqualTo(url);
    }

    @Test
    void uploadsALocalImageThenSetsExactlyTheUrlTheUploadReturned() throws IOException {
        Path image = ImageTypeSamples.write(dir.resolve("plan-cover.png"), "png", 64, 32);
        // an unusual but valid answer: the url must travel on untouched (case, digits, extension)
        String returned = "/v1/upload/" + PROJECT + "/202611/AbC123xYz.PNG";
        server.stubFor(post(UPLOAD_PATH).willReturn(aResponse().withStatus(200)
                .withBody("{\"img_id\":1,\"img_url\":\"" + returned + "\"}")));
        server.stubFor(put(SET_PATH).willReturn(aResponse().withStatus(200).withBody(PLAN_ANSWER.formatted(returned))));

        ThumbnailOutcome outcome = api().update(PROJECT, PLAN, null, image, ImageType.PNG);

        server.verify(postRequestedFor(urlEqualTo(UPLOAD_PATH))
                .withHeader("Content-Type", containing("multipart/form-data; boundary="))
                .withRequestBodyPart(aMultipart().withName("file")
                        .withHeader("Content-Disposition", containing("filename=\"plan-cover.png\""))
                        .withHeader("Content-Type", containing("image/png"))
                        .withBody(binaryEqualTo(Files.readAllBytes(image))).build()));
        server.verify(putRequestedFor(urlEqualTo(SET_PATH)).withRequestBody(equalTo("{\"img_url\":\"" + returned + "\"}")));
        assertThat(outcome.status()).isEqualTo("set");
        assertThat(outcome.imgUrl()).isEqualTo(returned);
        assertThat(outcome.imgId()).isEqualTo("1");
        assertThat(outcome.image()).isEqualTo("plan-cover.png");
    }

    @Test
    void whenSettingFailsAfterTheUploadTheOutcomeKeepsTheUploadedUrlForARerun() throws IOException {
        Path image = ImageTypeSamples.write(dir.resolve("cover.gif"), "gif", 8, 8);
        String returned = "/v1/upload/" + PROJECT + "/202611/1591339394752881984.gif";
        server.stubFor(post(UPLOAD_PATH).willReturn(aResponse().withStatus(200).withBody("{\"img_id\":\"7\",\"img_url\":\"" + returned + "\"}")));
        server.stubFor(put(SET_PATH).willReturn(aResponse().withStatus(400)
                .withBody("{\"error_code\":\"PM.02175000\",\"error_msg\":\"Invalid parameter: plan_id\"}")));

        ThumbnailOutcome outcome = api().update(PROJECT, PLAN, null, image, ImageType.GIF);

        assertThat(outcome.status()).isEqualTo("failed");
        assertThat(outcome.httpStatus()).isEqualTo(400);
        assertThat(outcome.imgUrl()).isEqualTo(returned);
        assertThat(outcome.reason()).isEqualTo("set the thumbnail of plan " + PLAN
                + " failed: HTTP 400, error_code PM.02175000, error_msg \"Invalid parameter: plan_id\"\n"
                + "The image was uploaded as " + returned + ": to try again without uploading it again, run with -Dworklink.thumbnail.imageUrl="
                + returned + " instead of image.");
    }

    @Test
    void aFailedUploadDoesNotSetAnything() throws IOException {
        Path image = ImageTypeSamples.write(dir.resolve("cover.jpg"), "jpeg", 8, 8);
        server.stubFor(post(UPLOAD_PATH).willReturn(aResponse().withStatus(200).withBody("{\"status\":\"error\",\"message\":\"quota exceeded\"}")));

        ThumbnailOutcome outcome = api().update(PROJECT, PLAN, null, image, ImageType.JPEG);

        server.verify(0, putRequestedFor(urlEqualTo(SET_PATH)));
        assertThat(outcome.status()).isEqualTo("failed");
        assertThat(outcome.reason()).contains("upload the image cover.jpg to project " + PROJECT + " failed", "quota exceeded");
        assertThat(outcome.imgUrl()).isNull();
    }

    @Test
    void aDryRunWithALocalImageSendsNothing() throws IOException {
        Path image = ImageTypeSamples.write(dir.resolve("cover.png"), "png", 8, 8);

        ThumbnailOutcome outcome = api(HttpSettings.defaults().withDryRun(true)).update(PROJECT, PLAN, null, image, ImageType.PNG);

        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(outcome.status()).isEqualTo("dry-run");
    }

    @Test
    void theImageUrlPatternIsTheDocumentedOneForThatProject() {
        Pattern p = PlanThumbnail.imageUrlPattern(PROJECT);

        assertThat(p.matcher("/v1/upload/" + PROJECT + "/202506/1749730526922581391.png").matches()).isTrue();
        assertThat(p.matcher("/v1/upload/" + PROJECT + "/202006/abcDEF123.gif").matches()).isTrue();
        assertThat(p.matcher("/v1/upload/0792b7d26cb74bd799cbae80063dc74a/202506/1.png").matches()).as("another project").isFalse();
        assertThat(p.matcher("/v1/upload/" + PROJECT + "/20256/1.png").matches()).as("5 digits").isFalse();
        assertThat(p.matcher("/v1/upload/" + PROJECT + "/202506/1").matches()).as("no extension").isFalse();
        assertThat(p.matcher("/v1/upload/" + PROJECT + "/202506/a-b.png").matches()).as("a dash").isFalse();
        assertThat(p.matcher("/v1/upload/" + PROJECT + "/202506/1.png?x=1").matches()).as("a query").isFalse();
        assertThat(p.matcher("https://host/v1/upload/" + PROJECT + "/202506/1.png").matches()).as("absolute").isFalse();
        assertThat(p.matcher("/v1/upload/" + PROJECT + "/202506/1xpng").matches()).as("the dot is a dot").isFalse();
    }

    @Test
    void aThumbnailIsAPngJpegOrGifOfAtMost5MbByContent() throws IOException {
        Path gif = ImageTypeSamples.write(dir.resolve("ok.gif"), "gif", 8, 8);
        Path bmp = ImageTypeSamples.write(dir.resolve("photo.png"), "bmp", 8, 8);
        Path text = Files.writeString(dir.resolve("cover.png"), "not an image");
        Path big = ImageTypeSamples.padTo(ImageTypeSamples.write(dir.resolve("big.png"), "png", 8, 8), 5L * 1024 * 1024 + 1);

        assertThat(PlanThumbnail.imageProblems(gif, ImageType.detect(gif))).isEmpty();
        assertThat(PlanThumbnail.imageProblems(bmp, ImageType.detect(bmp))).containsExactly(
                "must be a PNG, JPEG or GIF image by its content (the file name does not count), but it is a BMP image");
        assertThat(PlanThumbnail.imageProblems(text, ImageType.detect(text))).containsExactly(
                "must be a PNG, JPEG or GIF image by its content (the file name does not count), but its first bytes are those of no image type");
        assertThat(PlanThumbnail.imageProblems(big, ImageType.detect(big))).containsExactly(
                "big.png is 5242881 bytes (5.0 MB), over the limit of 5242880 bytes (5 MB) of the CodeArts image upload");
    }
}
