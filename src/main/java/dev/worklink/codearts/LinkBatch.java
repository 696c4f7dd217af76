package dev.worklink.codearts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One call of {@code worklink:link}: the work items it carried and what became of them; a row of the {@code link} report.
 *
 * @param batch      1-based number of the call
 * @param workItems  the ids the call carried (or would have carried), in order
 * @param status     {@code linked}, {@code failed}, {@code not-sent} (a batch before it failed) or {@code dry-run}
 * @param reason     why it failed or was not sent
 * @param httpStatus the status of a failed call, when the service answered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LinkBatch(int batch, List<Long> workItems, String status, String reason, Integer httpStatus) {

    public static final String LINKED = "linked";
    public static final String FAILED = "failed";
    public static final String NOT_SENT = "not-sent";
    public static final String DRY_RUN = "dry-run";

    public LinkBatch {
        workItems = List.copyOf(workItems);
    }

    public boolean linked() {
        return LINKED.equals(status);
    }

    public boolean failed() {
        return FAILED.equals(status);
    }
}
