package dev.worklink.codearts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonToken;
import dev.worklink.http.ServiceException;
import dev.worklink.http.ServiceResponse;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CodeArts Req answers read with jackson-core's parser (no databind on the upload path): the IPD upload answer of the
 * doc page (seeds/003, {@code "result": null} or a list of {@code AttachmentVoExt}), errors inside a 200, and bodies
 * that are not objects or not JSON.
 */
class ReqAnswerTest {

    private static ReqAnswer read(String body) throws IOException {
        return ReqAnswer.read("upload app.jar to work item 1", new ServiceResponse(200, Map.of(), body, "req-1", false, 0, 0));
    }

    @Test
    void anIpdUploadAnswerGivesItsAttachmentAsBound() throws IOException {
        ReqAnswer answer = read("{\"status\":\"success\",\"message\":null,\"result\":[{\"progress\":100,\"id\":\"a1\","
                + "\"workitem_id\":956239067176935400,\"filesize\":\"4096\",\"store_filename\":\"17497.jar\",\"title\":\"app.jar\","
                + "\"owner\":{\"name\":\"x\"},\"tags\":[1,2]}]}");

        assertThat(answer.resultIs()).isEqualTo(JsonToken.START_ARRAY);
        assertThat(answer.top()).containsEntry("status", "success").doesNotContainKey("message");
        assertThat(Attachment.ipd(answer.result().get(0)))
                .isEqualTo(new Attachment("a1", "956239067176935400", 4096L, "17497.jar", "app.jar", 100));
    }

    @Test
    void theDocPagesExampleNamesNoAttachment() throws IOException {
        ReqAnswer answer = read("{ \"status\" : \"success\", \"message\" : null, \"result\" : null }");

        assertThat(answer.resultIs()).isNull();
        assertThat(answer.result()).isEmpty();
    }

    @Test
    void resultAsAnObjectIsOneEntryAndNonObjectsInAnArrayAreSkipped() throws IOException {
        assertThat(read("{\"result\":{\"id\":8}}").result()).containsExactly(Map.of("id", "8"));
        assertThat(read("{\"result\":[1,null,\"x\",{\"id\":\"9\"},[{\"id\":\"no\"}]]}").result()).containsExactly(Map.of("id", "9"));
    }

    @Test
    void numbersThatAreNotWholeAreNone() throws IOException {
        ReqAnswer answer = read("{\"result\":[{\"id\":\"1\",\"filesize\":1.5,\"progress\":-1},{\"id\":\"2\",\"filesize\":\"12kb\",\"progress\":99999999999}]}");

        assertThat(Attachment.ipd(answer.result().get(0))).extracting(Attachment::fileSize, Attachment::progress).containsExactly(null, null);
        assertThat(Attachment.ipd(answer.result().get(1))).extracting(Attachment::fileSize, Attachment::progress).containsExactly(null, null);
    }

    @Test
    void blankOrNonObjectBodiesHaveNoFields() throws IOException {
        assertThat(read("").top()).isEmpty();
        assertThat(read("[{\"status\":\"error\"}]").top()).isEmpty();
        assertThat(read("42").result()).isEmpty();
    }

    @Test
    void statusErrorInsideA200IsAFailureWithTheServicesMessage() {
        assertThatThrownBy(() -> read("{\"status\":\"error\",\"message\":\"work item not found\",\"error_code\":\"PM.02177014\"}"))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("upload app.jar to work item 1")
                .hasMessageContaining("work item not found");
    }

    @Test
    void aBodyThatIsNotJsonSaysSo() {
        assertThatThrownBy(() -> read("<html>502 Bad Gateway</html>"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not JSON")
                .hasMessageContaining("502 Bad Gateway");
        assertThatThrownBy(() -> read("{\"result\":[{\"id\":1}"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not JSON");
    }
}
