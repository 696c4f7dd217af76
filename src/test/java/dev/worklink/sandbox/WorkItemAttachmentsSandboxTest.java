package dev.worklink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

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
}
