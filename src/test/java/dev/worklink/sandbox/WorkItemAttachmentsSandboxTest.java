package dev.worklink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklink.codearts.AttachmentOutcome;
import dev.worklink.codearts.AttachmentPublisher;
import dev.worklink.codearts.ExistingAttachment;
import dev.worklink.codearts.ProjectType;
import dev.worklink.codearts.WorkItemAttachments;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The plugin's attachment calls against the sandbox: what they read from each answer shape. */
class WorkItemAttachmentsSandboxTest extends SandboxFixture {

    @ParameterizedTest
    @EnumSource(ListShape.class)
    void theListGivesTheOriginalNameAndTheSizeInEitherShape(ListShape shape) throws Exception {
        client.execute(upload(IPD_UPLOAD, "attachment", file("release-notes.txt", 123)), readyToken());
        sandbox.listShape(shape);
        WorkItemAttachments api = new WorkItemAttachments(client, readyToken(), uri(""));

        List<ExistingAttachment> listed = api.list(PROJECT, IPD_ISSUE);

        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).fileName()).isEqualTo("release-notes.txt");
        assertThat(listed.get(0).fileSize()).isEqualTo(123L);
        assertThat(listed.get(0).issueId()).isEqualTo(IPD_ISSUE);
        assertThat(listed.get(0).id()).isNotBlank();
    }

    @org.junit.jupiter.api.Test
    void aScrumUploadGivesTheAttachmentIdTheSandboxStored() throws Exception {
        WorkItemAttachments api = new WorkItemAttachments(client, readyToken(), uri(""));

        WorkItemAttachments.Upload upload = api.upload(ProjectType.SCRUM, PROJECT, SCRUM_ISSUE, file("app-1.0.zip", 321), "app-1.0.zip",
                "application/zip");

        assertThat(upload.attachment()).isNotNull();
        assertThat(upload.attachment().id()).isEqualTo(sandbox.storedAttachments().get(0).get("id"));
        assertThat(upload.attachment().title()).isEqualTo("app-1.0.zip");
        assertThat(upload.attachment().fileSize()).isEqualTo(321L);
    }

    @org.junit.jupiter.api.Test
    void twoModulesSharingAPoolNeverHaveMoreCallsUnderWayThanThePoolHasThreads() throws Exception {
        // every call answers late, so that a work item's list, were it made outside the pool, would overlap the
        // uploads of the work item before it (bench row 5: connections <= parallelUploads)
        sandbox.misbehave(new Misbehaviour(null, 0, 100, 0, null, false, 150));
        WorkItemAttachments api = new WorkItemAttachments(client, readyToken(), uri(""));
        AttachmentPublisher publisher = new AttachmentPublisher(api, dev.worklink.http.Log.NONE);
        java.util.concurrent.ExecutorService pool = AttachmentPublisher.uploadPool(2);
        try {
            AttachmentPublisher.Started a = publisher.start(new AttachmentPublisher.Plan(ProjectType.IPD, PROJECT, List.of(IPD_ISSUE),
                    List.of(file("a-1.txt", 10), file("a-2.txt", 11)), false, 2, false), pool);
            AttachmentPublisher.Started b = publisher.start(new AttachmentPublisher.Plan(ProjectType.IPD, PROJECT, List.of("956239067176935401"),
                    List.of(file("b-1.txt", 12), file("b-2.txt", 13)), false, 2, false), pool);
            List<AttachmentOutcome> outcomes = new java.util.ArrayList<>(a.finish());
            outcomes.addAll(b.finish());

            assertThat(outcomes).extracting(AttachmentOutcome::status).containsOnly(AttachmentOutcome.UPLOADED).hasSize(4);
            assertThat(outcomes).extracting(AttachmentOutcome::file).containsExactly("a-1.txt", "a-2.txt", "b-1.txt", "b-2.txt");
            // counted by connections (each pool thread holds one at a time): the sandbox's own count of requests under
            // way lags its answers by a moment, so the next request on a connection may overlap the one just answered
            assertThat(sandbox.connectionsAccepted()).as("connections, one per call under way at once").isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }
}
