package dev.worklink.codearts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worklink.http.HttpClientFactory;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.Log;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.TokenAuthenticatorForTests;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The attach flow against exact CodeArts answers: what counts as a failure, what blocks what, what is skipped. */
class AttachmentPublisherTest {

    static final String PROJECT = "5192de5eb435430c8cd41c6ae6028848";
    static final String ISSUE_A = "956239067176935400";
    static final String ISSUE_B = "956239067176935401";
    static final String JSON = "application/json;charset=UTF-8";

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

    private static String upload(String issue) {
        return "/v1/ipdprojectservice/projects/" + PROJECT + "/issues/" + issue + "/attachments/upload";
    }

    private static final String LIST = "/v1/ipdprojectservice/projects/" + PROJECT + "/attachments";

    private static String list(String issue) {
        return LIST + "?issue_id=" + issue;
    }

    private static String uploaded(String id, String issue, long size, String name) {
        return "{\"status\":\"success\",\"message\":null,\"result\":[{\"id\":\"" + id + "\",\"workitem_id\":\"" + issue + "\",\"filesize\":"
                + size + ",\"store_filename\":\"" + name + "\",\"title\":\"" + name + "\",\"progress\":100}]}";
    }

    private static final String EMPTY_LIST = "{\"status\":\"success\",\"message\":null,\"result\":[]}";

    private Path file(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 7 + 3);
        }
        return Files.write(dir.resolve(name), bytes);
    }

    private List<AttachmentOutcome> publish(List<String> issues, List<Path> files, boolean skipExisting) throws InterruptedException {
        HttpSettings settings = HttpSettings.defaults().withRetries(0);
        WorkItemAttachments api = new WorkItemAttachments(new ServiceClient(http, settings, Log.NONE, d -> {}),
                new TokenAuthenticatorForTests("token-1234567890"), URI.create(server.baseUrl()));
        return new AttachmentPublisher(api, Log.NONE).publish(new AttachmentPublisher.Plan(ProjectType.IPD, PROJECT, issues, files,
                skipExisting, 2, false));
    }

    @Test
    void statusErrorInA200UploadIsAFailureWithTheServicesMessage() throws Exception {
        server.stubFor(post(upload(ISSUE_A)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody("{\"status\":\"error\",\"message\":\"The work item is closed\",\"result\":null}")));
        Path f = file("app.jar", 10);

        List<AttachmentOutcome> outcomes = publish(List.of(ISSUE_A), List.of(f), false);

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(AttachmentOutcome.FAILED);
            assertThat(o.reason()).contains("The work item is closed");
            assertThat(o.attachmentId()).isNull();
            assertThat(o.httpStatus()).isEqualTo(200);
        });
    }

    @Test
    void statusErrorInA200ListBlocksThatWorkItemsUploadsButNotAnothers() throws Exception {
        server.stubFor(get(urlEqualTo(list(ISSUE_A))).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody("{\"status\":\"error\",\"message\":\"No permission to view attachments\",\"result\":null}")));
        server.stubFor(get(urlEqualTo(list(ISSUE_B))).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(EMPTY_LIST)));
        server.stubFor(post(upload(ISSUE_A)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody(uploaded("1", ISSUE_A, 10, "app.jar"))));
        server.stubFor(post(upload(ISSUE_B)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody(uploaded("2", ISSUE_B, 10, "app.jar"))));
        Path f = file("app.jar", 10);

        List<AttachmentOutcome> outcomes = publish(List.of(ISSUE_A, ISSUE_B), List.of(f), true);

        server.verify(0, postRequestedFor(urlEqualTo(upload(ISSUE_A))));
        server.verify(1, postRequestedFor(urlEqualTo(upload(ISSUE_B))));
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes).filteredOn(o -> o.workItem().equals(ISSUE_A)).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(AttachmentOutcome.FAILED);
            assertThat(o.reason()).contains("could not list the work item's attachments").contains("No permission to view attachments");
        });
        assertThat(outcomes).filteredOn(o -> o.workItem().equals(ISSUE_B)).singleElement()
                .satisfies(o -> assertThat(o.attachmentId()).isEqualTo("2"));
    }

    @Test
    void aListRefusedWithAnHttpErrorAlsoBlocksThatWorkItemsUploads() throws Exception {
        server.stubFor(get(urlPathEqualTo(LIST)).willReturn(aResponse().withStatus(403).withHeader("Content-Type", JSON)
                .withBody("{\"error_code\":\"PM.02174003\",\"error_msg\":\"Forbidden\"}")));
        Path f = file("app.jar", 10);

        List<AttachmentOutcome> outcomes = publish(List.of(ISSUE_A), List.of(f), true);

        server.verify(0, postRequestedFor(urlEqualTo(upload(ISSUE_A))));
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(AttachmentOutcome.FAILED);
            assertThat(o.httpStatus()).isEqualTo(403);
        });
    }

    @Test
    void aSuccessWithResultNullIsAnUploadWithoutAnId() throws Exception {
        server.stubFor(post(upload(ISSUE_A)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody("{\"status\":\"success\",\"message\":null,\"result\":null}")));
        Path f = file("app.jar", 10);

        List<AttachmentOutcome> outcomes = publish(List.of(ISSUE_A), List.of(f), false);

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(AttachmentOutcome.UPLOADED);
            assertThat(o.attachmentId()).isNull();
            assertThat(o.httpStatus()).isEqualTo(200);
        });
    }

    @Test
    void aListAnsweringSuccessWithResultNullMeansNothingIsThereSoTheFileIsUploaded() throws Exception {
        server.stubFor(get(urlEqualTo(list(ISSUE_A))).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody("{\"status\":\"success\",\"message\":null,\"result\":null}")));
        server.stubFor(post(upload(ISSUE_A)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody(uploaded("7", ISSUE_A, 10, "app.jar"))));

        List<AttachmentOutcome> outcomes = publish(List.of(ISSUE_A), List.of(file("app.jar", 10)), true);

        server.verify(1, getRequestedFor(urlEqualTo(list(ISSUE_A))));
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(AttachmentOutcome.UPLOADED);
            assertThat(o.attachmentId()).isEqualTo("7");
        });
    }

    @Test
    void onlyAFileOfTheSameNameAndSizeIsSkipped() throws Exception {
        server.stubFor(get(urlEqualTo(list(ISSUE_A))).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody("{\"status\":\"success\",\"message\":null,\"result\":["
                        + "{\"id\":\"11\",\"issue_id\":\"" + ISSUE_A + "\",\"file_size\":10,\"file_name\":\"same.jar\"},"
                        + "{\"id\":\"12\",\"issue_id\":\"" + ISSUE_A + "\",\"file_size\":10,\"file_name\":\"resized.jar\"},"
                        + "{\"id\":\"13\",\"issue_id\":\"" + ISSUE_A + "\",\"file_size\":20,\"file_name\":\"other-name.jar\"}]}")));
        server.stubFor(post(upload(ISSUE_A)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody(uploaded("99", ISSUE_A, 0, "x"))));
        Path same = file("same.jar", 10);
        Path resized = file("resized.jar", 11);
        Path renamed = file("renamed.jar", 20);

        List<AttachmentOutcome> outcomes = publish(List.of(ISSUE_A), List.of(same, resized, renamed), true);

        assertThat(outcomes).extracting(AttachmentOutcome::file, AttachmentOutcome::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("same.jar", AttachmentOutcome.SKIPPED),
                org.assertj.core.groups.Tuple.tuple("resized.jar", AttachmentOutcome.UPLOADED),
                org.assertj.core.groups.Tuple.tuple("renamed.jar", AttachmentOutcome.UPLOADED));
        assertThat(outcomes).filteredOn(o -> o.file().equals("same.jar")).singleElement()
                .satisfies(o -> assertThat(o.attachmentId()).isEqualTo("11"));
        server.verify(2, postRequestedFor(urlEqualTo(upload(ISSUE_A))));
    }

    @Test
    void aPartialFailureKeepsTheOtherUploadAndSaysWhichFailedAndWhy() throws Exception {
        server.stubFor(post(upload(ISSUE_A)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody(uploaded("1", ISSUE_A, 10, "app.jar"))));
        server.stubFor(post(upload(ISSUE_B)).willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON)
                .withBody("{\"error_code\":\"PM.02175030\",\"error_msg\":\"The attachment exceeds the size limit\"}")));

        List<AttachmentOutcome> outcomes = publish(List.of(ISSUE_A, ISSUE_B), List.of(file("app.jar", 10)), false);

        assertThat(outcomes).extracting(AttachmentOutcome::workItem, AttachmentOutcome::status, AttachmentOutcome::httpStatus)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(ISSUE_A, AttachmentOutcome.UPLOADED, 200),
                        org.assertj.core.groups.Tuple.tuple(ISSUE_B, AttachmentOutcome.FAILED, 400));
        assertThat(outcomes).filteredOn(AttachmentOutcome::failed).singleElement()
                .satisfies(o -> assertThat(o.reason()).contains("PM.02175030").contains("exceeds the size limit"));
    }
}
