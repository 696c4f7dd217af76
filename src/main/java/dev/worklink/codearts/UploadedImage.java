package dev.worklink.codearts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An image the CodeArts Req image upload stored: its id (a number in the documented example, a string in the table)
 * and its url, {@code /v1/upload/<project_id>/<yyyyMM>/<name>.<ext>}, which the set-thumbnail call takes as it is.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UploadedImage(@JsonProperty("img_id") String imgId, @JsonProperty("img_url") String imgUrl) {}
