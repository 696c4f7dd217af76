package dev.worklink.codearts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worklink.http.HttpClientFactory;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.Log;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceRequest;
import dev.worklink.sandbox.Misbehaviour;
import dev.worklink.sandbox.RecordedRequest;
import dev.worklink.sandbox.Sandbox;
import dev.worklink.sandbox.SandboxCredentials;
import dev.worklink.sandbox.SandboxOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upload whose answer is lost is never sent again blind: against the sandbox, over real HTTP. */
class AttachmentPublisherLostAnswerTest {

    private static final String PROJECT = "0123456789abcdef0123456789abcdef";
    private static final String IPD_ISSUE = "956239067176935400";
    private static final String SCRUM_ISSUE = "4711";
    private static final RequestAuthenticator READY_TOKEN = new RequestAuthenticator() {
        @Override
        public Map<String, String> headersFor(ServiceRequest request) {
            return Map.of("X-Auth-Token", SandboxCredentials.READY_TOKEN);
        }

        @Override
        public String describe() {
            return "the sandbox's ready token";
        }
    };

    @TempDir
    Path dir;

    private Sandbox sandbox;
    private CloseableHttpClient http;
    private Path jar;

    @BeforeEach
    void start() throws IOException {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        http = HttpClientFactory.create(HttpSettings.defaults(), "test");
        jar = Files.writeString(dir.resolve("app-1.0.jar"), "the jar's bytes");
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
        sandbox.close();
    }

    private List<AttachmentOutcome> publish(ProjectType type, String issue, boolean skipExisting, int retries) throws InterruptedException {
        HttpSettings settings = HttpSettings.defaults().withRetries(retries);
        ServiceClient client = new ServiceClient(http, settings, Log.NONE, wait -> {});
        WorkItemAttachments api = new WorkItemAttachments(client, READY_TOKEN, URI.create(sandbox.url()));
        return new AttachmentPublisher(api, Log.NONE)
                .publish(new AttachmentPublisher.Plan(type, PROJECT, List.of(issue), List.of(jar), skipExisting, 1, false));
    }

    private long uploadsReceived() {
        return sandbox.records().stream().map(RecordedRequest::path).filter(p -> p.endsWith("/attachments/upload")).count();
    }

    /** What the sandbox holds for the IPD work item, read with java.net.http (not the code under test). */
    private JsonNode stored() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.url()
                        + "/v1/ipdprojectservice/projects/" + PROJECT + "/attachments?issue_id=" + IPD_ISSUE))
                .header("X-Auth-Token", SandboxCredentials.READY_TOKEN).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(r.body()).path("result");
    }

    @Test
    void anIpdUploadStoredBeforeItsAnswerWasLostIsFoundOnTheWorkItemAndNotSentAgain() throws Exception {
        sandbox.misbehave(Misbehaviour.loseAnswer(1).forPath("/attachments/upload"));

        AttachmentOutcome outcome = publish(ProjectType.IPD, IPD_ISSUE, true, 3).get(0);

        assertThat(uploadsReceived()).isEqualTo(1);
        assertThat(stored()).hasSize(1);
        assertThat(outcome.status()).isEqualTo("uploaded");
        assertThat(outcome.answerLost()).isEqualTo("confirmed");
        assertThat(outcome.attachmentId()).isEqualTo(stored().get(0).path("id").asText());
        assertThat(outcome.reason()).contains("was found on the work item");
    }

    @Test
    void anIpdUploadDroppedBeforeItWasStoredIsSentAgain() throws Exception {
        sandbox.misbehave(Misbehaviour.drop(1).forPath("/attachments/upload"));

        AttachmentOutcome outcome = publish(ProjectType.IPD, IPD_ISSUE, true, 3).get(0);

        assertThat(uploadsReceived()).isEqualTo(2);
        assertThat(stored()).hasSize(1);
        assertThat(outcome.status()).isEqualTo("uploaded");
        assertThat(outcome.answerLost()).isEqualTo("not-stored");
    }

    @Test
    void anAttachmentOfTheSameNameAndSizeThatWasThereBeforeIsNotTakenForTheLostUpload() throws Exception {
        publish(ProjectType.IPD, IPD_ISSUE, false, 0);
        sandbox.misbehave(Misbehaviour.drop(1).forPath("/attachments/upload"));
        int before = stored().size();

        AttachmentOutcome outcome = publish(ProjectType.IPD, IPD_ISSUE, false, 3).get(0);

        assertThat(before).isEqualTo(1);
        assertThat(outcome.answerLost()).isEqualTo("not-stored");
        assertThat(stored()).hasSize(2);
    }

    @Test
    void anUploadWhoseAnswerIsLostEveryTimeStopsWhenTheRetriesAreSpent() throws Exception {
        sandbox.misbehave(Misbehaviour.drop(5).forPath("/attachments/upload"));

        AttachmentOutcome outcome = publish(ProjectType.IPD, IPD_ISSUE, true, 1).get(0);

        assertThat(uploadsReceived()).isEqualTo(2);
        assertThat(outcome.status()).isEqualTo("failed");
        assertThat(outcome.answerLost()).isEqualTo("not-stored");
        assertThat(outcome.reason()).contains("2 time(s)").contains("no retries are left");
    }

    @Test
    void aScrumUploadWhoseAnswerIsLostIsNotSentAgainAndFailsSayingItMayStandThere() throws Exception {
        sandbox.misbehave(Misbehaviour.loseAnswer(1).forPath("/attachments/upload"));

        AttachmentOutcome outcome = publish(ProjectType.SCRUM, SCRUM_ISSUE, true, 3).get(0);

        assertThat(uploadsReceived()).isEqualTo(1);
        assertThat(outcome.status()).isEqualTo("failed");
        assertThat(outcome.answerLost()).isEqualTo("unconfirmed");
        assertThat(outcome.reason()).contains("app-1.0.jar may already stand on work item 4711")
                .contains("Scrum projects have no call to list");
    }
}
