package dev.worklink.codearts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

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
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExistingAttachment(String id, String issueId, Long fileSize, String fileName) {

    @JsonCreator
    static ExistingAttachment fromWire(@JsonProperty("id") String id, @JsonProperty("issue_id") String issueId,
            @JsonProperty("file_size") JsonNode fileSize, @JsonProperty("file_name") String fileName,
            @JsonProperty("title") String title) {
        String name = fileName != null && !fileName.isEmpty() ? fileName : title;
        return new ExistingAttachment(id, issueId, size(fileSize), name);
    }

    /** A number, or a string of digits (the SDKs' {@code String fileSize}); anything else is no size. */
    private static Long size(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isTextual() && node.asText().trim().matches("[0-9]{1,18}")) {
            return Long.parseLong(node.asText().trim());
        }
        return null;
    }
}
