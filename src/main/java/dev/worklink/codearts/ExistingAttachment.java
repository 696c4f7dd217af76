package dev.worklink.codearts;

import com.fasterxml.jackson.core.JsonToken;
import dev.worklink.http.ServiceResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An attachment already on an IPD work item, as the list call ({@code GET /v1/ipdprojectservice/projects/{project_id}
 * /attachments?issue_id=}) returns it, with its name and size read whichever way the service words them.
 *
 * <p>The sources disagree on an entry's shape. The doc page shows {@code {id, issue_id, file_size (number), file_name}};
 * the official SDKs model it as {@code AttachmentEntity} (huaweicloud-sdk-java-v3
 * {@code services/projectman/src/main/java/com/huaweicloud/sdk/projectman/v4/model/AttachmentEntity.java}, the list
 * answer {@code ShowIpdAttachmentByWorkItemIdResponse.java}): {@code {id, issue_id, file_size (string), title (the
 * original name), store_filename (the stored name), ...}}, with no {@code file_name}. The name is {@code file_name},
 * else {@code title} — never {@code store_filename}, which is the name the service stores the file under — and the size
 * a number or a numeric string.
 *
 * @param fileName the original file name, or null when the entry has none
 * @param fileSize the size in bytes, or null when the entry has none a number can be read from
 */
public record ExistingAttachment(String id, String issueId, Long fileSize, String fileName) {

    /**
     * The list answer, {@code {"status", "message", "result": [entries]}}, read without databind ({@link ReqAnswer}): the
     * entries as this class reads them, a {@code "status":"error"} as a failure, a {@code result} that is not an array
     * (or an entry that is not an object) as no entries.
     */
    static List<ExistingAttachment> listAnswer(String label, ServiceResponse response) throws IOException {
        ReqAnswer answer = ReqAnswer.read(label, response);
        List<ExistingAttachment> entries = new ArrayList<>();
        if (answer.resultIs() == JsonToken.START_ARRAY) {
            for (Map<String, String> entry : answer.result()) {
                String name = entry.get("file_name");
                entries.add(new ExistingAttachment(entry.get("id"), entry.get("issue_id"), ReqAnswer.wholeNumber(entry, "file_size"),
                        name != null && !name.isEmpty() ? name : entry.get("title")));
            }
        }
        return entries;
    }
}
