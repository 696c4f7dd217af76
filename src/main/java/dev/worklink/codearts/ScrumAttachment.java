package dev.worklink.codearts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Scrum upload's answer ({@code POST /v4/projects/{project_id}/issues/{issue_id}/attachments/upload}): a flat object
 * {@code {id, issue_id, project_id, disk_filename, file_name, size}}, as the doc page UploadAttachments and the SDK's
 * {@code UploadAttachmentsResponse} (huaweicloud-sdk-java-v3
 * {@code services/projectman/src/main/java/com/huaweicloud/sdk/projectman/v4/model/UploadAttachmentsResponse.java}:
 * Integer id and issue_id, String size) word it. Numbers and strings are both read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ScrumAttachment(
        String id,
        @JsonProperty("issue_id") String issueId,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("disk_filename") String diskFileName,
        @JsonProperty("file_name") String fileName,
        String size) {

    Attachment toAttachment() {
        Long bytes = size != null && size.trim().matches("[0-9]{1,18}") ? Long.valueOf(size.trim()) : null;
        return new Attachment(id, issueId, bytes, diskFileName, fileName, null);
    }
}
