package dev.worklink.codearts;

import java.util.Map;

/**
 * A Scrum upload's answer ({@code POST /v4/projects/{project_id}/issues/{issue_id}/attachments/upload}): a flat object
 * {@code {id, issue_id, project_id, disk_filename, file_name, size}}, as the doc page UploadAttachments and the SDK's
 * {@code UploadAttachmentsResponse} (huaweicloud-sdk-java-v3
 * {@code services/projectman/src/main/java/com/huaweicloud/sdk/projectman/v4/model/UploadAttachmentsResponse.java}:
 * Integer id and issue_id, String size) word it. Numbers and strings are both read.
 */
record ScrumAttachment(String id, String issueId, String projectId, String diskFileName, String fileName, String size) {

    /** The answer's object, as {@link ReqAnswer} reads it. */
    static ScrumAttachment of(Map<String, String> fields) {
        return new ScrumAttachment(fields.get("id"), fields.get("issue_id"), fields.get("project_id"), fields.get("disk_filename"),
                fields.get("file_name"), fields.get("size"));
    }

    Attachment toAttachment() {
        Long bytes = size != null && size.trim().matches("[0-9]{1,18}") ? Long.valueOf(size.trim()) : null;
        return new Attachment(id, issueId, bytes, diskFileName, fileName, null);
    }
}
