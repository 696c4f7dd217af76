package dev.worklink.codearts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code worklink:icon} did; the row of its report.
 *
 * @param contentType the type the icon was sent as, from its content
 * @param width       pixels, when its header says
 * @param height      pixels, when its header says
 * @param status      {@code uploaded}, {@code failed} or {@code dry-run}
 * @param url         the stored icon's URL, when the service answered with one (it may answer just {@code true})
 * @param reason      why it failed
 * @param httpStatus  the status of the failed call, when the service answered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IconOutcome(String domainId, String pluginName, String file, String path, long size, String contentType,
        Integer width, Integer height, String status, String url, String reason, Integer httpStatus) {

    public static final String UPLOADED = "uploaded";
    public static final String FAILED = "failed";
    public static final String DRY_RUN = "dry-run";

    public boolean failed() {
        return FAILED.equals(status);
    }
}
