package dev.worklink.superoffice;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What happened to the image; the row of the {@code project-image} report.
 *
 * @param entity          {@code Project}, {@code Contact} or {@code Person}
 * @param status          {@code saved}, {@code failed} or {@code dry-run}
 * @param blobId          the id SuperOffice gave the stored image (saved only)
 * @param reason          why it failed
 * @param bytesSent       request bytes of the upload (saved only)
 * @param transferSeconds seconds the upload took on the wire (saved only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntityImageOutcome(String entity, int id, String image, String path, long size, String contentType, String url,
        String status, Long blobId, String reason, Long bytesSent, Double transferSeconds, Integer httpStatus) {

    public static final String SAVED = "saved";
    public static final String FAILED = "failed";
    public static final String DRY_RUN = "dry-run";
}
