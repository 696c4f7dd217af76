package dev.worklink.codearts;

import dev.worklink.files.ContentTypes;
import dev.worklink.http.Log;
import dev.worklink.http.ServiceException;
import dev.worklink.http.Sizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Uploads a set of files to a set of work items: lists what an IPD work item already holds (to skip a file of the
 * same name and size), then uploads the rest, {@code parallel} at a time. A failed upload does not stop the others;
 * every file and work item ends with an {@link AttachmentOutcome}.
 */
public final class AttachmentPublisher {

    private final WorkItemAttachments api;
    private final Log log;

    public AttachmentPublisher(WorkItemAttachments api, Log log) {
        this.api = api;
        this.log = log;
    }

    /** What to publish: validated inputs only. */
    public record Plan(ProjectType type, String projectId, List<String> issueIds, List<Path> files, boolean skipExisting,
            int parallelUploads, boolean dryRun) {}

    public List<AttachmentOutcome> publish(Plan plan) throws InterruptedException {
        ExecutorService pool = uploadPool(plan.parallelUploads());
        try {
            return start(plan, pool).finish();
        } finally {
            pool.shutdownNow();
        }
    }

    /** A pool of upload threads; several publishers may share one, so that modules upload side by side. */
    public static ExecutorService uploadPool(int parallelUploads) {
        return Executors.newFixedThreadPool(Math.max(1, parallelUploads), r -> {
            Thread t = new Thread(r, "worklink-upload");
            t.setDaemon(true);
            return t;
        });
    }

    /** A plan whose uploads are under way: what is known already, and what the pool is still doing. */
    public record Started(List<AttachmentOutcome> known, List<Future<AttachmentOutcome>> pending) {

        /** Waits for every upload; the outcomes in the plan's order. */
        public List<AttachmentOutcome> finish() throws InterruptedException {
            List<AttachmentOutcome> outcomes = new ArrayList<>(known);
            for (Future<AttachmentOutcome> f : pending) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("An upload task failed unexpectedly", e.getCause());
                }
            }
            return outcomes;
        }
    }

    /** Lists what IPD work items hold (to skip files already there), then queues the other uploads on {@code pool}. */
    public Started start(Plan plan, ExecutorService pool) {
        Map<String, List<ExistingAttachment>> existing = new HashMap<>();
        List<AttachmentOutcome> known = new ArrayList<>();
        List<String> unlisted = new ArrayList<>();
        if (plan.skipExisting() && plan.type() == ProjectType.IPD && !plan.dryRun()) {
            for (String issueId : plan.issueIds()) {
                try {
                    existing.put(issueId, api.list(plan.projectId(), issueId));
                } catch (IOException e) {
                    // Without the list we cannot know what is there: upload nothing to this work item rather than duplicate.
                    unlisted.add(issueId);
                    for (Path file : plan.files()) {
                        known.add(outcome(file, issueId, AttachmentOutcome.FAILED, null,
                                "could not list the work item's attachments to skip existing ones: " + e.getMessage(), null, e));
                    }
                }
            }
        } else if (plan.skipExisting() && plan.type() == ProjectType.SCRUM) {
            log.debug("skipExisting: Scrum projects have no attachment list call, so every file is uploaded.");
        }
        List<Future<AttachmentOutcome>> pending = new ArrayList<>();
        for (String issueId : plan.issueIds()) {
            if (unlisted.contains(issueId)) {
                continue;
            }
            for (Path file : plan.files()) {
                AttachmentOutcome skip = alreadyThere(existing.get(issueId), file, issueId);
                if (skip != null) {
                    known.add(skip);
                } else {
                    pending.add(pool.submit(() -> upload(plan, file, issueId)));
                }
            }
        }
        return new Started(known, pending);
    }

    private AttachmentOutcome upload(Plan plan, Path file, String issueId) {
        String name = file.getFileName().toString();
        try {
            WorkItemAttachments.Upload result = api.upload(plan.type(), plan.projectId(), issueId, file, name, ContentTypes.of(name));
            if (result.response().dryRun()) {
                return outcome(file, issueId, AttachmentOutcome.DRY_RUN, null, null, null, null);
            }
            String id = result.attachment() == null ? null : result.attachment().id();
            double seconds = result.response().transferNanos() / 1e9;
            log.info("Attached " + name + " (" + Sizes.human(size(file)) + ") to work item " + issueId
                    + (id != null ? " as attachment " + id : ""));
            return new AttachmentOutcome(name, file.toString(), size(file), issueId, AttachmentOutcome.UPLOADED, id, null,
                    result.response().bytesSent(), seconds, result.response().status());
        } catch (IOException e) {
            log.warn("Could not attach " + name + " to work item " + issueId + ": " + e.getMessage());
            return outcome(file, issueId, AttachmentOutcome.FAILED, null, e.getMessage(), null, e);
        }
    }

    private AttachmentOutcome alreadyThere(List<ExistingAttachment> onWorkItem, Path file, String issueId) {
        if (onWorkItem == null) {
            return null;
        }
        String name = file.getFileName().toString();
        long size = size(file);
        for (ExistingAttachment a : onWorkItem) {
            if (name.equals(a.fileName()) && a.fileSize() != null && a.fileSize() == size) {
                log.info("Skipped " + name + " for work item " + issueId + ": attachment " + a.id() + " has the same name and size");
                return outcome(file, issueId, AttachmentOutcome.SKIPPED, a.id(), "an attachment of the same name and size is already there", null, null);
            }
        }
        return null;
    }

    private static AttachmentOutcome outcome(Path file, String issueId, String status, String id, String reason, Long bytes, IOException e) {
        Integer httpStatus = e instanceof ServiceException se ? se.status() : null;
        return new AttachmentOutcome(file.getFileName().toString(), file.toString(), size(file), issueId, status, id, reason, bytes, null, httpStatus);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
