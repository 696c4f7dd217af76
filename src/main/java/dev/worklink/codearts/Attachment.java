package dev.worklink.codearts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An attachment as the upload call returns it ({@code AttachmentVoExt}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Attachment(
        String id,
        @JsonProperty("workitem_id") String workItemId,
        @JsonProperty("filesize") Long fileSize,
        @JsonProperty("store_filename") String storeFileName,
        String title,
        Integer progress) {}
