package dev.worklink.mojo;

import dev.worklink.codearts.AttachmentOutcome;
import dev.worklink.codearts.AttachmentPublisher;
import dev.worklink.codearts.Endpoints;
import dev.worklink.codearts.ProjectType;
import dev.worklink.codearts.WorkItemAttachments;
import dev.worklink.files.FileSet;
import dev.worklink.files.FileSize;
import dev.worklink.http.Sizes;
import dev.worklink.report.PublishReport;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Uploads the module's build artifacts (and any extra files) as attachments of Huawei Cloud CodeArts Req work items,
 * in IPD or Scrum projects.
 */
@Mojo(name = "attach", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class AttachMojo extends AbstractWorklinkMojo {

    static final Pattern PROJECT_ID = Pattern.compile("^[A-Za-z0-9]{32}$");
    static final String PROJECT_ID_RULE = "must be the project's 32-character id: letters and digits only (^[A-Za-z0-9]{32}$)";

    /** The CodeArts Req project's 32-character id. */
    @Parameter(property = "worklink.projectId")
    private String projectId;

    /** Comma-separated ids of the work items to attach to. IPD: 18 or 19 digits; Scrum: a positive integer. */
    @Parameter(property = "worklink.issueIds")
    private String issueIds;

    /** {@code ipd}, {@code scrum} or {@code auto}: ids of 18–19 digits mean IPD, others Scrum. */
    @Parameter(property = "worklink.projectType", defaultValue = "auto")
    private String projectType;

    /** Attach the module's main artifact. A {@code pom} module has none: nothing to attach, no error. */
    @Parameter(property = "worklink.mainArtifact", defaultValue = "true")
    private boolean mainArtifact;

    /** Comma-separated classifiers of the attached artifacts to include ({@code sources,javadoc}); empty means all. */
    @Parameter(property = "worklink.classifiers")
    private String classifiers;

    /** Comma-separated extra files, as paths or globs relative to the base directory ({@code target/*.zip}). */
    @Parameter(property = "worklink.files")
    private String files;

    /** Do not upload a file whose name and size already stand on the work item (IPD projects, which can list them). */
    @Parameter(property = "worklink.skipExisting", defaultValue = "true")
    private boolean skipExisting;

    /** How many uploads run at once. */
    @Parameter(property = "worklink.parallelUploads", defaultValue = "4")
    private int parallelUploads;

    /** In a multi-module build, collect every module's files and upload them once, after the last module. */
    @Parameter(property = "worklink.attachAtEnd", defaultValue = "false")
    private boolean attachAtEnd;

    /** Largest file to upload: bytes, or with a unit ({@code 50MB}, {@code 1GB}). A larger file fails the build before any call. */
    @Parameter(property = "worklink.maxFileSize", defaultValue = "50MB")
    private String maxFileSize;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor pluginDescriptor;

    @Override
    protected String goal() {
        return "attach";
    }

    @Override
    protected void onSkip() throws MojoExecutionException, MojoFailureException {
        if (attachAtEnd) {
            // A skipped module still counts as done, or the last module would wait for it forever.
            runIfLast(AttachAtEnd.markSkipped(session, pluginDescriptor, project));
        }
    }

    @Override
    protected void publish() throws MojoExecutionException, MojoFailureException {
        PendingAttach pending = prepare();
        if (attachAtEnd) {
            runIfLast(AttachAtEnd.mark(session, pluginDescriptor, project, pending));
            return;
        }
        upload(List.of(pending), reportPath());
    }

    private void runIfLast(List<PendingAttach> all) throws MojoExecutionException, MojoFailureException {
        if (all == null) {
            getLog().info("attachAtEnd: " + project.getArtifactId() + "'s files wait for the last module of the build.");
            return;
        }
        Path report = reportFile != null ? reportFile.toPath()
                : Path.of(session.getExecutionRootDirectory(), "target", "worklink", "attach.json");
        getLog().info("attachAtEnd: this is the last module; uploading the files of " + all.size() + " module(s).");
        upload(all, report);
    }

    /** Every check, no network: the files, ids, sizes, credentials and endpoint. */
    private PendingAttach prepare() throws MojoExecutionException, MojoFailureException {
        ParameterCheck check = new ParameterCheck();
        checkCommon(check);
        check.matches("projectId", projectId, PROJECT_ID, PROJECT_ID_RULE);
        List<String> ids = ParameterCheck.split(issueIds);
        ProjectType type = null;
        if (ids.isEmpty()) {
            check.fail("issueIds", null, "is required: comma-separated work item ids (IPD: 18 or 19 digits; Scrum: a positive integer)");
        } else {
            try {
                type = ProjectType.of(projectType, ids);
                for (String id : ids) {
                    if (!type.acceptsIssueId(id)) {
                        check.fail("issueIds", id, "a work item id of an " + type.name() + " project must be " + type.issueIdRule()
                                + (type == ProjectType.IPD ? " (^[0-9]{18,19}$)" : ""));
                    }
                }
            } catch (IllegalArgumentException e) {
                check.fail("projectType", projectType, "must be ipd, scrum or auto");
            }
        }
        ids = ids.stream().distinct().toList();
        if (parallelUploads < 1) {
            check.fail("parallelUploads", parallelUploads, "must be 1 or more");
        }
        long limit = 0;
        try {
            limit = FileSize.parse(maxFileSize);
        } catch (IllegalArgumentException | ArithmeticException e) {
            check.fail("maxFileSize", maxFileSize, "must be bytes or a number with KB, MB or GB (50MB)");
        }
        List<Path> toAttach = collectFiles(check);
        for (Path file : toAttach) {
            long size = sizeOf(file);
            if (limit > 0 && size > limit) {
                check.fail("maxFileSize", maxFileSize, file.getFileName() + " is " + size + " bytes (" + Sizes.human(size)
                        + "), over the limit of " + limit + " bytes; CodeArts limits attachments to 50 MB. Raise maxFileSize only if your service allows larger files");
            } else if (!Files.isReadable(file)) {
                check.fail(file + " cannot be read");
            }
        }
        CodeArtsConnection connection = connectCodeArts(check, Endpoints::req);
        AttachmentPublisher.Plan plan = new AttachmentPublisher.Plan(type, projectId, ids, toAttach, skipExisting, parallelUploads, dryRun);
        return new PendingAttach(project.getArtifactId(), connection.endpoint(), connection.client(), connection.auth(), plan, failOnError);
    }

    private List<Path> collectFiles(ParameterCheck check) throws MojoExecutionException {
        List<Path> result = new ArrayList<>();
        if (mainArtifact && !"pom".equals(project.getPackaging())) {
            File main = project.getArtifact() == null ? null : project.getArtifact().getFile();
            if (main == null || !main.isFile()) {
                check.fail("mainArtifact", true, "the module's main artifact has not been built (packaging " + project.getPackaging()
                        + "); run worklink:attach after the package phase (it binds to deploy), or set mainArtifact=false");
            } else {
                result.add(main.toPath());
            }
        }
        List<String> wanted = ParameterCheck.split(classifiers);
        for (Artifact attached : project.getAttachedArtifacts()) {
            String classifier = attached.getClassifier() == null ? "" : attached.getClassifier();
            if ((wanted.isEmpty() || wanted.contains(classifier)) && attached.getFile() != null && attached.getFile().isFile()) {
                add(result, attached.getFile().toPath());
            }
        }
        List<String> patterns = ParameterCheck.split(files);
        if (!patterns.isEmpty()) {
            try {
                for (Path p : FileSet.resolve(project.getBasedir().toPath(), patterns)) {
                    add(result, p);
                }
            } catch (IllegalArgumentException e) {
                check.fail("files", files, e.getMessage());
            } catch (IOException e) {
                throw new MojoExecutionException("Could not look for the files " + files + ": " + e.getMessage(), e);
            }
        }
        return result;
    }

    private static void add(List<Path> list, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (!list.contains(abs)) {
            list.add(abs);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private void upload(List<PendingAttach> all, Path report) throws MojoExecutionException, MojoFailureException {
        List<AttachmentOutcome> outcomes = new ArrayList<>();
        String endpointText = all.isEmpty() ? null : all.get(0).endpoint().toString();
        // One pool for every module, so that with attachAtEnd the modules' files upload side by side.
        int threads = all.stream().mapToInt(p -> p.plan().parallelUploads()).max().orElse(1);
        ExecutorService pool = AttachmentPublisher.uploadPool(threads);
        try {
            List<AttachmentPublisher.Started> started = new ArrayList<>();
            for (PendingAttach p : all) {
                if (p.plan().files().isEmpty()) {
                    getLog().info(p.module() + ": nothing to attach (no main artifact, no matching attached artifact, no extra file).");
                    continue;
                }
                started.add(new AttachmentPublisher(new WorkItemAttachments(p.client(), p.auth(), p.endpoint()), coreLog())
                        .start(p.plan(), pool));
            }
            for (AttachmentPublisher.Started s : started) {
                outcomes.addAll(s.finish());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while uploading attachments", e);
        } finally {
            pool.shutdownNow();
        }
        long uploaded = outcomes.stream().filter(o -> o.status().equals(AttachmentOutcome.UPLOADED)).count();
        long skipped = outcomes.stream().filter(o -> o.status().equals(AttachmentOutcome.SKIPPED)).count();
        long wouldUpload = outcomes.stream().filter(o -> o.status().equals(AttachmentOutcome.DRY_RUN)).count();
        List<AttachmentOutcome> failures = outcomes.stream().filter(AttachmentOutcome::failed).toList();
        String outcome = failures.isEmpty() ? "success" : "failed";
        writeReport(PublishReport.of(goal(), endpointText, dryRun, outcome, outcomes), report);
        if (dryRun) {
            getLog().info("[dry run] " + wouldUpload + " upload(s) would be made; nothing was sent. Report: " + report);
        } else {
            getLog().info("worklink:attach: " + uploaded + " uploaded, " + skipped + " skipped, " + failures.size() + " failed. Report: " + report);
        }
        if (!failures.isEmpty()) {
            StringBuilder sb = new StringBuilder(failures.size() + " attachment(s) could not be uploaded:");
            for (AttachmentOutcome f : failures) {
                sb.append("\n  - ").append(f.file()).append(" to work item ").append(f.workItem()).append(": ").append(f.reason());
            }
            sb.append("\nThe report ").append(report).append(" lists what was uploaded; a re-run skips files already attached (IPD).");
            failed(sb.toString(), usersError(failures));
        }
    }

    /**
     * Whether the failed uploads are the user's to fix (MojoFailureException): every one refused with a 4xx. One that
     * failed otherwise (5xx after retries, a lost connection, {@code "status":"error"} in a 200) makes it ours.
     */
    static boolean usersError(List<AttachmentOutcome> failures) {
        return !failures.isEmpty() && failures.stream().allMatch(f -> f.httpStatus() != null && f.httpStatus() >= 400 && f.httpStatus() < 500);
    }
}
