package dev.worklink.codearts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An attachment already on an IPD work item, as the list call returns it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExistingAttachment(
        String id,
        @JsonProperty("issue_id") String issueId,
        @JsonProperty("file_size") Long fileSize,
        @JsonProperty("file_name") String fileName) {}
