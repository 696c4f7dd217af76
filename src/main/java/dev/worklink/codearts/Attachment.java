package dev.worklink.codearts;

import java.util.Map;

/**
 * An attachment as the upload call returns it ({@code AttachmentVoExt}: {@code id, workitem_id, filesize,
 * store_filename, title, progress}).
 */
public record Attachment(String id, String workItemId, Long fileSize, String storeFileName, String title, Integer progress) {

    /** One entry of an IPD upload answer's {@code result}, as {@link ReqAnswer} reads it. */
    static Attachment ipd(Map<String, String> fields) {
        Long progress = ReqAnswer.wholeNumber(fields, "progress");
        return new Attachment(fields.get("id"), fields.get("workitem_id"), ReqAnswer.wholeNumber(fields, "filesize"),
                fields.get("store_filename"), fields.get("title"), progress != null && progress <= Integer.MAX_VALUE ? progress.intValue() : null);
    }
}
