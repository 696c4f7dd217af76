package dev.worklink.codearts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The Scrum upload answer is read flat, as the doc page and the SDK word it, or wrapped in result. */
class ScrumAttachmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFlatAnswerGivesItsId() throws Exception {
        Attachment a = WorkItemAttachments.scrumAttachment(JSON.readTree(
                "{\"id\":1001,\"issue_id\":4711,\"project_id\":\"p\",\"disk_filename\":\"x_app.zip\",\"file_name\":\"app.zip\",\"size\":\"321\"}"));

        assertThat(a.id()).isEqualTo("1001");
        assertThat(a.workItemId()).isEqualTo("4711");
        assertThat(a.title()).isEqualTo("app.zip");
        assertThat(a.fileSize()).isEqualTo(321L);
    }

    @Test
    void anAnswerWrappedInResultIsReadToo() throws Exception {
        Attachment inArray = WorkItemAttachments.scrumAttachment(JSON.readTree("{\"status\":\"success\",\"result\":[{\"id\":\"7\",\"size\":5}]}"));
        Attachment inObject = WorkItemAttachments.scrumAttachment(JSON.readTree("{\"status\":\"success\",\"result\":{\"id\":8}}"));

        assertThat(inArray.id()).isEqualTo("7");
        assertThat(inArray.fileSize()).isEqualTo(5L);
        assertThat(inObject.id()).isEqualTo("8");
    }

    @Test
    void anAnswerNamingNoAttachmentGivesNone() throws Exception {
        assertThat(WorkItemAttachments.scrumAttachment(JSON.readTree("{\"status\":\"success\",\"result\":null}"))).isNull();
        assertThat(WorkItemAttachments.scrumAttachment(JSON.readTree("{}"))).isNull();
    }
}
