package dev.worklink.codearts;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.worklink.http.Log;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceException;
import dev.worklink.http.ServiceRequest;
import dev.worklink.http.ServiceResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The CodeArts Req call that associates work items with a Gantt plan: {@code POST /v3/plan/{project_id}/{plan_id}/issue},
 * whose body is a JSON array of at most 100 work item ids (doc). {@link #link} removes duplicates, keeps the order and
 * sends batches of at most 100, one after the other. It stops at the first batch that fails, so the items not linked
 * are exactly that batch and those after it, and the {@link Result} says which they are.
 *
 * <p><b>Sent twice, the call links the same items again, and is treated as safe to repeat.</b> The doc page
 * ("Establishing an Association Between a Work Item and a Gantt Chart", seeds/004) describes a set of associations, not
 * a resource: the body is the work item ids, the answer is only {@code {"status":"success"}}, no id of anything created
 * comes back, and nothing says an item may be associated with a plan twice. An association that already stands is the
 * same association, so a second copy of the call asks for a state that already holds. The official Java SDK (3.1.212,
 * {@code services/projectman/.../v4/ProjectManMeta.java}) does not model this call at all (it has only the plan
 * management calls under {@code /v3/plan/{project_id}/management}), so nothing there contradicts this. The risk left:
 * should the service answer a repeated association with {@code "status":"error"}, a retried batch would be reported
 * as failed although its items are linked; the failure message names them, and running again is harmless.
 */
public final class PlanWorkItems {

    /** Most work items one call may carry (doc). */
    public static final int MAX_PER_CALL = 100;

    private final ServiceClient client;
    private final RequestAuthenticator auth;
    private final URI endpoint;
    private final Log log;

    /** @param endpoint the CodeArts Req base URL, e.g. {@code https://projectman-ext.cn-north-4.myhuaweicloud.com} */
    public PlanWorkItems(ServiceClient client, RequestAuthenticator auth, URI endpoint, Log log) {
        this.client = client;
        this.auth = auth;
        this.endpoint = endpoint;
        this.log = log;
    }

    /**
     * Links the work items to the plan in batches of {@link #MAX_PER_CALL}. Never throws for a failed call: the
     * result holds the failure, and the batches after it are not sent.
     */
    public Result link(String projectId, String planId, List<Long> workItems) {
        List<Long> unique = distinct(workItems);
        List<List<Long>> batches = batches(unique, MAX_PER_CALL);
        URI uri = Endpoints.resolve(endpoint, "/v3/plan/" + projectId + "/" + planId + "/issue");
        List<LinkBatch> rows = new ArrayList<>();
        Integer failedBatch = null;
        for (int i = 0; i < batches.size(); i++) {
            int number = i + 1;
            List<Long> batch = batches.get(i);
            if (failedBatch != null) {
                rows.add(new LinkBatch(number, batch, LinkBatch.NOT_SENT, "not sent: batch " + failedBatch + " failed before it", null));
                continue;
            }
            String label = "link " + batch.size() + " work item(s) to plan " + planId + " (batch " + number + " of " + batches.size() + ")";
            try {
                // Safe to repeat although a POST: see the class comment.
                ServiceResponse response = client.execute(ServiceRequest.json("POST", uri, body(batch), label)
                        .with(ServiceRequest.Idempotence.SAFE_TO_REPEAT), auth);
                if (response.dryRun()) {
                    rows.add(new LinkBatch(number, batch, LinkBatch.DRY_RUN, null, null));
                    continue;
                }
                ReqResponses.checked(label, response);
                rows.add(new LinkBatch(number, batch, LinkBatch.LINKED, null, null));
                log.info("Linked " + batch.size() + " work item(s) to plan " + planId + " (batch " + number + " of " + batches.size()
                        + "): " + join(batch));
            } catch (IOException e) {
                failedBatch = number;
                rows.add(new LinkBatch(number, batch, LinkBatch.FAILED, e.getMessage(), e instanceof ServiceException se ? se.status() : null));
            }
        }
        return new Result(planId, rows, workItems.size() - unique.size());
    }

    /**
     * What {@link #link} did.
     *
     * @param batches           one row per call, in order
     * @param duplicatesRemoved ids given more than once, sent once
     */
    public record Result(String planId, List<LinkBatch> batches, int duplicatesRemoved) {

        public Result {
            batches = List.copyOf(batches);
        }

        public boolean failed() {
            return batches.stream().anyMatch(LinkBatch::failed);
        }

        /** The ids the service confirmed, in order. */
        public List<Long> linked() {
            return batches.stream().filter(LinkBatch::linked).flatMap(b -> b.workItems().stream()).toList();
        }

        /** The ids of the failed batch and of every batch after it, in order. */
        public List<Long> notLinked() {
            return batches.stream().filter(b -> b.failed() || LinkBatch.NOT_SENT.equals(b.status()))
                    .flatMap(b -> b.workItems().stream()).toList();
        }

        /** The service (a 4xx, or {@code "status":"error"} in a 200) refused the batch: there is something to fix. */
        public boolean userError() {
            return batches.stream().filter(LinkBatch::failed)
                    .anyMatch(b -> b.httpStatus() != null && (b.httpStatus() / 100 == 2 || b.httpStatus() / 100 == 4));
        }

        /** What failed, which items were linked and which were not, and how to link the rest; null when nothing failed. */
        public String failureMessage() {
            LinkBatch failure = batches.stream().filter(LinkBatch::failed).findFirst().orElse(null);
            if (failure == null) {
                return null;
            }
            List<Long> linked = linked();
            List<Long> notLinked = notLinked();
            StringBuilder sb = new StringBuilder();
            sb.append("Linking work items to plan ").append(planId).append(" stopped at batch ").append(failure.batch()).append(" of ")
                    .append(batches.size()).append(": ").append(failure.reason());
            sb.append("\nLinked (").append(linked.size()).append("): ").append(linked.isEmpty() ? "none" : join(linked));
            sb.append("\nNot linked (").append(notLinked.size()).append("): ").append(join(notLinked));
            if (failure.batch() < batches.size()) {
                sb.append("\nThe batches after batch ").append(failure.batch()).append(" were not sent.");
            }
            sb.append("\nTo link the rest, run again with -Dworklink.workItems=").append(joinCompact(notLinked));
            return sb.toString();
        }
    }

    /** The ids without repeats, in the order they first appear. */
    public static List<Long> distinct(List<Long> ids) {
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    /** Consecutive slices of at most {@code size} items. */
    public static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            out.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        return out;
    }

    static byte[] body(List<Long> batch) {
        try {
            return ReqResponses.json().writeValueAsBytes(batch);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String joinCompact(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
