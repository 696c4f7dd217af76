package dev.worklink.codearts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklink.http.ServiceResponse;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Scrum upload answer is read flat, as the doc page and the SDK word it, or wrapped in result. */
class ScrumAttachmentTest {

    private static Attachment read(String body) throws IOException {
        return WorkItemAttachments.scrumAttachment(ReqAnswer.read("upload", new ServiceResponse(200, Map.of(), body, null, false, 0, 0)));
    }

    @Test
    void theFlatAnswerGivesItsId() throws Exception {
        Attachment a = read(
                "{\"id\":1001,\"issue_id\":4711,\"project_id\":\"p\",\"disk_filename\":\"x_app.zip\",\"file_name\":\"app.zip\",\"size\":\"321\"}");

        assertThat(a.id()).isEqualTo("1001");
        assertThat(a.workItemId()).isEqualTo("4711");
        assertThat(a.title()).isEqualTo("app.zip");
        assertThat(a.fileSize()).isEqualTo(321L);
    }

    @Test
    void anAnswerWrappedInResultIsReadToo() throws Exception {
        Attachment inArray = read("{\"status\":\"success\",\"result\":[{\"id\":\"7\",\"size\":5}]}");
        Attachment inObject = read("{\"status\":\"success\",\"result\":{\"id\":8}}");

        assertThat(inArray.id()).isEqualTo("7");
        assertThat(inArray.fileSize()).isEqualTo(5L);
        assertThat(inObject.id()).isEqualTo("8");
    }

    @Test
    void anAnswerNamingNoAttachmentGivesNone() throws Exception {
        assertThat(read("{\"status\":\"success\",\"result\":null}")).isNull();
        assertThat(read("{}")).isNull();
    }
}
