package dev.worklink.codearts;

import dev.worklink.files.ContentTypes;
import dev.worklink.http.Log;
import dev.worklink.http.MayHaveActedException;
import dev.worklink.http.ServiceException;
import dev.worklink.http.Sizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Uploads a set of files to a set of work items: lists what an IPD work item already holds (to skip a file of the
 * same name and size, and to recognise an upload whose answer was lost), then uploads the rest, {@code parallel} at a
 * time. A failed upload does not stop the others;
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

    /** A plan whose lists and uploads are under way on the pool, one part per work item. */
    public record Started(List<CompletableFuture<List<AttachmentOutcome>>> workItems) {

        /** Waits for every upload; the outcomes in the plan's order (work item by work item, file by file). */
        public List<AttachmentOutcome> finish() throws InterruptedException {
            List<AttachmentOutcome> outcomes = new ArrayList<>();
            for (CompletableFuture<List<AttachmentOutcome>> f : workItems) {
                try {
                    outcomes.addAll(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("An upload task failed unexpectedly", e.getCause());
                }
            }
            return outcomes;
        }
    }

    /**
     * Queues each work item's part on {@code pool}: for an IPD work item, its list first (to skip files already there,
     * and to know, should an upload's answer be lost, which attachments are new), then its uploads. The lists run on
     * the pool as the uploads do, so that a build never has more calls under way (connections) than the pool has
     * threads, and the work items of several modules (attachAtEnd) are listed side by side.
     */
    public Started start(Plan plan, ExecutorService pool) {
        List<CompletableFuture<List<AttachmentOutcome>>> parts = new ArrayList<>();
        for (String issueId : plan.issueIds()) {
            if (plan.type() == ProjectType.IPD && !plan.dryRun()) {
                parts.add(CompletableFuture.supplyAsync(() -> listing(plan, issueId), pool)
                        .thenCompose(listing -> uploads(plan, issueId, listing, pool)));
            } else {
                if (plan.skipExisting() && plan.type() == ProjectType.SCRUM) {
                    log.debug("skipExisting: Scrum projects have no attachment list call, so every file is uploaded.");
                }
                parts.add(uploads(plan, issueId, new Listing(null, null), pool));
            }
        }
        return new Started(parts);
    }

    /** A work item's attachments before any upload (null when not listed), or why listing them failed. */
    private record Listing(List<ExistingAttachment> before, IOException failure) {}

    private Listing listing(Plan plan, String issueId) {
        try {
            return new Listing(api.list(plan.projectId(), issueId), null);
        } catch (IOException e) {
            if (!plan.skipExisting()) {
                // Uploads go ahead; only a lost answer cannot be checked then (AttachmentPublisher#lostAnswer).
                log.warn("Could not list the attachments of work item " + issueId + " (" + e.getMessage()
                        + "); should an upload's answer be lost, it cannot be checked and is not sent again.");
                return new Listing(null, null);
            }
            return new Listing(null, e);
        }
    }

    /** The work item's files: skipped, failed for want of a list, or uploaded on the pool. */
    private CompletableFuture<List<AttachmentOutcome>> uploads(Plan plan, String issueId, Listing listing, ExecutorService pool) {
        List<CompletableFuture<AttachmentOutcome>> files = new ArrayList<>();
        for (Path file : plan.files()) {
            if (listing.failure() != null) {
                // Without the list we cannot know what is there: upload nothing to this work item rather than duplicate.
                files.add(CompletableFuture.completedFuture(outcome(file, issueId, AttachmentOutcome.FAILED, null,
                        "could not list the work item's attachments to skip existing ones: " + listing.failure().getMessage(), null,
                        listing.failure())));
                continue;
            }
            AttachmentOutcome skip = plan.skipExisting() ? alreadyThere(listing.before(), file, issueId) : null;
            files.add(skip != null ? CompletableFuture.completedFuture(skip)
                    : CompletableFuture.supplyAsync(() -> upload(plan, file, issueId, listing.before()), pool));
        }
        return CompletableFuture.allOf(files.toArray(CompletableFuture[]::new))
                .thenApply(done -> files.stream().map(CompletableFuture::join).toList());
    }

    /**
     * Uploads one file. An upload is not idempotent, so when its answer is lost ({@link MayHaveActedException}) it is
     * not sent again blind: on an IPD work item the attachments are listed, and a new one (not in {@code before}) of
     * the same name and size is the upload's result; only when there is none does the file go again, within the retry
     * budget. Scrum has no list call: the file fails, with a message that it may already stand on the work item.
     *
     * @param before the work item's attachments before the first attempt (IPD); null when they are not known
     */
    private AttachmentOutcome upload(Plan plan, Path file, String issueId, List<ExistingAttachment> before) {
        String name = file.getFileName().toString();
        int attemptsMade = 0;
        String lostBefore = null;
        while (true) {
            try {
                WorkItemAttachments.Upload result = api.upload(plan.type(), plan.projectId(), issueId, file, name, ContentTypes.of(name),
                        attemptsMade);
                if (result.response().dryRun()) {
                    return outcome(file, issueId, AttachmentOutcome.DRY_RUN, null, null, null, null);
                }
                String id = result.attachment() == null ? null : result.attachment().id();
                double seconds = result.response().transferNanos() / 1e9;
                log.info("Attached " + name + " (" + Sizes.human(size(file)) + ") to work item " + issueId
                        + (id != null ? " as attachment " + id : ""));
                return new AttachmentOutcome(name, file.toString(), size(file), issueId, AttachmentOutcome.UPLOADED, id, lostBefore,
                        result.response().bytesSent(), seconds, result.response().status(),
                        lostBefore == null ? null : AttachmentOutcome.ANSWER_LOST_NOT_STORED);
            } catch (MayHaveActedException e) {
                attemptsMade = e.attempts();
                LostAnswer found = lostAnswer(plan, file, issueId, before, e);
                if (found.outcome() != null) {
                    return found.outcome();
                }
                lostBefore = "the answer to an earlier attempt was lost (" + e.what() + "); the attachment was not on the work item, "
                        + "so the file was uploaded again";
                log.warn(name + " for work item " + issueId + ": the answer was lost (" + e.what() + ") and no new attachment of that "
                        + "name and size is on the work item; uploading it again.");
            } catch (IOException e) {
                log.warn("Could not attach " + name + " to work item " + issueId + ": " + e.getMessage());
                return outcome(file, issueId, AttachmentOutcome.FAILED, null, e.getMessage(), null, e);
            }
        }
    }

    /** What a lost answer meant: a final outcome, or null when the file is to be uploaded again. */
    private record LostAnswer(AttachmentOutcome outcome) {}

    private LostAnswer lostAnswer(Plan plan, Path file, String issueId, List<ExistingAttachment> before, MayHaveActedException e) {
        String name = file.getFileName().toString();
        long size = size(file);
        Integer status = e.status() == 0 ? null : e.status();
        if (plan.type() != ProjectType.IPD || before == null) {
            String why = plan.type() != ProjectType.IPD
                    ? "Scrum projects have no call to list a work item's attachments, so it was not uploaded again"
                    : "the work item's attachments could not be listed before the upload, so it was not uploaded again";
            String reason = "the answer to the upload was lost (" + e.what() + "): " + name + " may already stand on work item " + issueId
                    + "; " + why + ". Look at the work item before uploading it again.";
            log.warn("Could not confirm " + name + " on work item " + issueId + ": " + reason);
            return new LostAnswer(lost(file, issueId, AttachmentOutcome.FAILED, null, reason, status, AttachmentOutcome.ANSWER_LOST_UNCONFIRMED));
        }
        List<ExistingAttachment> now;
        try {
            now = api.list(plan.projectId(), issueId);
        } catch (IOException listing) {
            String reason = "the answer to the upload was lost (" + e.what() + ") and the work item's attachments could not be listed to "
                    + "look for it (" + listing.getMessage() + "): " + name + " may already stand on work item " + issueId
                    + ". Look at the work item before uploading it again.";
            log.warn("Could not confirm " + name + " on work item " + issueId + ": " + reason);
            return new LostAnswer(lost(file, issueId, AttachmentOutcome.FAILED, null, reason, status, AttachmentOutcome.ANSWER_LOST_UNCONFIRMED));
        }
        Set<String> earlier = new HashSet<>();
        before.forEach(a -> earlier.add(a.id()));
        for (ExistingAttachment a : now) {
            if (!earlier.contains(a.id()) && name.equals(a.fileName()) && a.fileSize() != null && a.fileSize() == size) {
                String reason = "the answer to the upload was lost (" + e.what() + "); attachment " + a.id()
                        + ", of the same name and size and not there before, was found on the work item";
                log.info("Attached " + name + " (" + Sizes.human(size) + ") to work item " + issueId + " as attachment " + a.id()
                        + " (the answer was lost; the attachment was found on the work item)");
                return new LostAnswer(lost(file, issueId, AttachmentOutcome.UPLOADED, a.id(), reason, null, AttachmentOutcome.ANSWER_LOST_CONFIRMED));
            }
        }
        if (!e.retriesLeft()) {
            String reason = "the answer to the upload was lost (" + e.what() + ") " + e.attempts() + " time(s), and the attachment is not on "
                    + "the work item; no retries are left (raise worklink.retries)";
            log.warn("Could not attach " + name + " to work item " + issueId + ": " + reason);
            return new LostAnswer(lost(file, issueId, AttachmentOutcome.FAILED, null, reason, status, AttachmentOutcome.ANSWER_LOST_NOT_STORED));
        }
        return new LostAnswer(null);
    }

    private static AttachmentOutcome lost(Path file, String issueId, String status, String id, String reason, Integer httpStatus,
            String answerLost) {
        return new AttachmentOutcome(file.getFileName().toString(), file.toString(), size(file), issueId, status, id, reason, null, null,
                httpStatus, answerLost);
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
