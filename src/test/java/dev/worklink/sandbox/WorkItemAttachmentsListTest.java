package dev.worklink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklink.codearts.ExistingAttachment;
import dev.worklink.codearts.WorkItemAttachments;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The plugin's list call reads the original name and the size whichever way the sandbox words an entry. */
class WorkItemAttachmentsListTest extends SandboxFixture {

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
}
