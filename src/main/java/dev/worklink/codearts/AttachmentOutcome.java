package dev.worklink.codearts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What happened to one file on one work item; a row of the {@code attach} report.
 *
 * @param status          {@code uploaded}, {@code skipped}, {@code failed} or {@code dry-run}
 * @param attachmentId    the id the service gave the attachment (uploaded only)
 * @param reason          why it was skipped or failed, or how an upload whose answer was lost was confirmed
 * @param bytesSent       request bytes of the upload (uploaded only)
 * @param transferSeconds seconds the upload took on the wire (uploaded only)
 * @param answerLost      set only when an upload's answer was lost (the connection ended or timed out after the file
 *                        went out, or a gateway answered 502/504): {@code confirmed} when the attachment was then found
 *                        on the work item (status {@code uploaded}); {@code unconfirmed} when it could not be looked for
 *                        and may stand there (status {@code failed}); {@code not-stored} when it was not there and the
 *                        file was uploaded again
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttachmentOutcome(String file, String path, long size, String workItem, String status, String attachmentId,
        String reason, Long bytesSent, Double transferSeconds, Integer httpStatus, String answerLost) {

    public static final String UPLOADED = "uploaded";
    public static final String SKIPPED = "skipped";
    public static final String FAILED = "failed";
    public static final String DRY_RUN = "dry-run";

    /** {@link #answerLost}: the answer was lost, and the attachment was found on the work item. */
    public static final String ANSWER_LOST_CONFIRMED = "confirmed";
    /** {@link #answerLost}: the answer was lost, and nobody could look: the file may stand on the work item. */
    public static final String ANSWER_LOST_UNCONFIRMED = "unconfirmed";
    /** {@link #answerLost}: the answer was lost, the attachment was not on the work item, and the file went again. */
    public static final String ANSWER_LOST_NOT_STORED = "not-stored";

    /** An outcome where no answer was lost. */
    public AttachmentOutcome(String file, String path, long size, String workItem, String status, String attachmentId,
            String reason, Long bytesSent, Double transferSeconds, Integer httpStatus) {
        this(file, path, size, workItem, status, attachmentId, reason, bytesSent, transferSeconds, httpStatus, null);
    }

    public boolean failed() {
        return FAILED.equals(status);
    }
}
