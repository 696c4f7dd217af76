package dev.worklink.codearts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What happened to one file on one work item; a row of the {@code attach} report.
 *
 * @param status        {@code uploaded}, {@code skipped}, {@code failed} or {@code dry-run}
 * @param attachmentId  the id the service gave the attachment (uploaded only)
 * @param reason        why it was skipped or failed
 * @param bytesSent     request bytes of the upload (uploaded only)
 * @param transferSeconds seconds the upload took on the wire (uploaded only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttachmentOutcome(String file, String path, long size, String workItem, String status, String attachmentId,
        String reason, Long bytesSent, Double transferSeconds, Integer httpStatus) {

    public static final String UPLOADED = "uploaded";
    public static final String SKIPPED = "skipped";
    public static final String FAILED = "failed";
    public static final String DRY_RUN = "dry-run";

    public boolean failed() {
        return FAILED.equals(status);
    }
}
