package dev.worklink.codearts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklink.http.ServiceException;
import dev.worklink.http.ServiceResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The IPD list answer, read with jackson-core's parser: the doc page's entry shape, the SDKs' {@code AttachmentEntity}
 * shape, and what the service may add around them.
 */
class ExistingAttachmentTest {

    private static List<ExistingAttachment> read(String body) throws IOException {
        return ExistingAttachment.listAnswer("list", new ServiceResponse(200, Map.of(), body, "req-1", false, 0, 0));
    }

    @Test
    void theDocPagesShapeGivesNameAndSize() throws IOException {
        assertThat(read("{\"status\":\"success\",\"message\":null,\"result\":[{\"id\":\"a1\",\"issue_id\":\"956239067176935400\","
                + "\"file_size\":123,\"file_name\":\"app.jar\"}]}"))
                .containsExactly(new ExistingAttachment("a1", "956239067176935400", 123L, "app.jar"));
    }

    @Test
    void theSdksShapeGivesTheTitleAndAStringSizeNeverTheStoredName() throws IOException {
        // huaweicloud-sdk-java-v3 AttachmentEntity: file_size a string, title the original name, store_filename the stored one
        assertThat(read("{\"result\":[{\"id\":7,\"issue_id\":956239067176935400,\"file_size\":\" 4096 \",\"title\":\"notes.txt\","
                + "\"store_filename\":\"1749730526922581391.txt\",\"extra\":{\"nested\":[1,{\"file_name\":\"no\"}]}}],\"total\":1}"))
                .containsExactly(new ExistingAttachment("7", "956239067176935400", 4096L, "notes.txt"));
    }

    @Test
    void sizesThatAreNotWholeNumbersAreNoSize() throws IOException {
        assertThat(read("{\"result\":[{\"id\":\"1\",\"file_size\":\"12kb\",\"file_name\":\"a\"},{\"id\":\"2\",\"file_size\":1.5,\"file_name\":\"b\"},"
                + "{\"id\":\"3\",\"file_size\":123456789012345678901234,\"file_name\":\"c\"},{\"id\":\"4\",\"file_size\":null,\"file_name\":\"\",\"title\":\"d\"}]}"))
                .extracting(ExistingAttachment::fileSize, ExistingAttachment::fileName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "a"), org.assertj.core.groups.Tuple.tuple(null, "b"),
                        org.assertj.core.groups.Tuple.tuple(null, "c"), org.assertj.core.groups.Tuple.tuple(null, "d"));
    }

    @Test
    void noResultOrNotAnObjectIsNoEntries() throws IOException {
        assertThat(read("{\"status\":\"success\"}")).isEmpty();
        assertThat(read("{\"result\":null}")).isEmpty();
        assertThat(read("[]")).isEmpty();
    }

    @Test
    void statusErrorInsideA200IsAFailureWithTheServicesMessage() {
        assertThatThrownBy(() -> read("{\"status\":\"error\",\"message\":\"no such work item\",\"error_code\":\"PM.02174\",\"result\":[]}"))
                .isInstanceOf(ServiceException.class).hasMessageContaining("no such work item").hasMessageContaining("PM.02174");
    }

    @Test
    void aBodyThatIsNotJsonSaysSo() {
        assertThatThrownBy(() -> read("<html>gateway</html>")).isInstanceOf(IOException.class).hasMessageContaining("not JSON")
                .hasMessageContaining("<html>gateway</html>");
        assertThatThrownBy(() -> read("{\"result\":[{\"id\":")).isInstanceOf(IOException.class).hasMessageContaining("not JSON");
    }
}
