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
        Map<String, List<ExistingAttachment>> existing = new HashMap<>();
        List<AttachmentOutcome> listFailures = new ArrayList<>();
        if (plan.skipExisting() && plan.type() == ProjectType.IPD && !plan.dryRun()) {
            for (String issueId : plan.issueIds()) {
                try {
                    existing.put(issueId, api.list(plan.projectId(), issueId));
                } catch (IOException e) {
                    // Without the list we cannot know what is there: upload nothing to this work item rather than duplicate.
                    for (Path file : plan.files()) {
                        listFailures.add(outcome(file, issueId, AttachmentOutcome.FAILED, null,
                                "could not list the work item's attachments to skip existing ones: " + e.getMessage(), null, e));
                    }
                }
            }
        } else if (plan.skipExisting() && plan.type() == ProjectType.SCRUM) {
            log.debug("skipExisting: Scrum projects have no attachment list call, so every file is uploaded.");
        }

        List<AttachmentOutcome> outcomes = new ArrayList<>(listFailures);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, plan.parallelUploads()), r -> {
            Thread t = new Thread(r, "worklink-upload");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<AttachmentOutcome>> pending = new ArrayList<>();
            for (String issueId : plan.issueIds()) {
                if (listFailures.stream().anyMatch(o -> o.workItem().equals(issueId))) {
                    continue;
                }
                for (Path file : plan.files()) {
                    AttachmentOutcome skip = alreadyThere(existing.get(issueId), file, issueId);
                    if (skip != null) {
                        outcomes.add(skip);
                    } else {
                        pending.add(pool.submit(() -> upload(plan, file, issueId)));
                    }
                }
            }
            for (Future<AttachmentOutcome> f : pending) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("An upload task failed unexpectedly", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
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
