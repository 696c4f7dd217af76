package dev.worklink.codearts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code worklink:thumbnail} did to one plan; the row of its report.
 *
 * @param status     {@code set}, {@code failed} or {@code dry-run}
 * @param planName   the plan's name, as the service returned it
 * @param planType   {@code gantt} or {@code mind}, as the service returned it
 * @param imgUrl     the thumbnail's url: the one given, or the one the upload returned (also when setting it then failed)
 * @param imgId      the id the upload gave the image (local image only)
 * @param image      the local image uploaded first, if any
 * @param size       its size in bytes
 * @param reason     why it failed
 * @param httpStatus the status of the failed call, when the service answered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThumbnailOutcome(String projectId, String planId, String status, String planName, String planType, String imgUrl,
        String imgId, String image, Long size, String reason, Integer httpStatus) {

    public static final String SET = "set";
    public static final String FAILED = "failed";
    public static final String DRY_RUN = "dry-run";

    public boolean failed() {
        return FAILED.equals(status);
    }
}
