package dev.worklink.mojo;

import dev.worklink.codearts.AttachmentOutcome;
import dev.worklink.codearts.AttachmentPublisher;
import dev.worklink.codearts.Endpoints;
import dev.worklink.codearts.ProjectType;
import dev.worklink.codearts.WorkItemAttachments;
import dev.worklink.files.FileSet;
import dev.worklink.git.CommitWorkItems;
import dev.worklink.files.FileSize;
import dev.worklink.http.Sizes;
import dev.worklink.report.PublishReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
public class AttachMojo extends AbstractWorkItemsMojo {

    static final Pattern PROJECT_ID = Pattern.compile("^[A-Za-z0-9]{32}$");
    static final String PROJECT_ID_RULE = "must be the project's 32-character id: letters and digits only (^[A-Za-z0-9]{32}$)";

    /**
     * The CodeArts Req project's 32-character id.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.projectId")
    private String projectId;

    /**
     * Comma-separated ids of the work items to attach to. IPD: 18 or 19 digits; Scrum: a positive integer. Optional with
     * {@code workItemsFromCommits}, which adds the ids the release's commits name.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.issueIds")
    private List<String> issueIds;

    /**
     * The kind of CodeArts Req project. One of: {@code IPD}, {@code SCRUM}, {@code AUTO} (in any case: {@code ipd} works
     * too). With {@code AUTO}, ids of 18–19 digits mean IPD, others Scrum.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.projectType", defaultValue = "AUTO")
    private ProjectTypeChoice projectType;

    /** What was configured for projectType when it names no choice, for the failure message. */
    private String projectTypeText;

    /**
     * Maven calls this setter (not the field) with the configured text, so that {@code ipd} works as well as {@code IPD}.
     *
     * @param value the configured text
     */
    public void setProjectType(String value) {
        projectType = ProjectTypeChoice.of(value);
        projectTypeText = projectType == null ? value : null;
    }

    /**
     * Attach the module's main artifact. A {@code pom} module has none: nothing to attach, no error.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.mainArtifact", defaultValue = "true")
    private boolean mainArtifact;

    /**
     * Comma-separated classifiers of the attached artifacts to include ({@code sources,javadoc}); empty means all.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.classifiers")
    private List<String> classifiers;

    /**
     * Comma-separated extra files, as paths or globs relative to the base directory ({@code target/*.zip}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.files")
    private List<String> files;

    /**
     * Do not upload a file whose name and size already stand on the work item (IPD projects, which can list them).
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.skipExisting", defaultValue = "true")
    private boolean skipExisting;

    /**
     * How many uploads run at once.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.parallelUploads", defaultValue = "4")
    private int parallelUploads;

    /**
     * In a multi-module build, collect every module's files and upload them once, after the last module.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.attachAtEnd", defaultValue = "false")
    private boolean attachAtEnd;

    /**
     * Largest file to upload: bytes, or with a unit ({@code 50MB}, {@code 1GB}); default 50 MB, CodeArts' attachment
     * limit. A larger file fails the build before any call. With AK/SK credentials, whose signed requests Huawei's API
     * gateway limits to 12 MB bodies, a file over 12 MB fails too unless this is set above 12 MB explicitly (a warning then).
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.maxFileSize")
    private String maxFileSize;

    /**
     * Also upload the signatures and checksums attached to the build ({@code .asc}, {@code .sigstore.json},
     * {@code .sha1}, {@code .md5}, {@code .sha256}, {@code .sha512}), as maven-gpg-plugin attaches them with the
     * classifier of the file they sign. Left out by default, by the attached artifact's type and by its file name:
     * with {@code classifiers=sources}, {@code x-sources.jar} is uploaded and {@code x-sources.jar.asc} is not.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.includeSignatures", defaultValue = "false")
    private boolean includeSignatures;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor pluginDescriptor;

    /**
     * Skip this goal only, as {@code worklink.skip} skips every goal of the plugin.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.attach.skip", defaultValue = "false")
    private boolean skipAttach;

    @Override
    protected boolean skipGoal() {
        return skipAttach;
    }

    @Override
    protected String goal() {
        return "attach";
    }

    @Override
    protected void onSkip() throws MojoExecutionException, MojoFailureException {
        // A skipped module still marks itself, or the last participant would wait for it forever.
        markAndDecide(AttachAtEnd.State.SKIPPED, null);
    }

    @Override
    protected void publish() throws MojoExecutionException, MojoFailureException {
        PendingAttach pending = prepare();
        if (pending == null) {
            // workItemsFromCommits found no work item: nothing to attach to (already said)
            onSkip();
            return;
        }
        if (attachAtEnd) {
            markAndDecide(AttachAtEnd.State.WAITING, pending);
            return;
        }
        try {
            upload(List.of(pending));
        } catch (MojoExecutionException | MojoFailureException | RuntimeException e) {
            markAndDecide(AttachAtEnd.State.FAILED, null);
            throw e;
        }
        markAndDecide(AttachAtEnd.State.ATTACHED, null);
    }

    private static final String DEFAULT_MAX_FILE_SIZE = "50MB";

    /**
     * Credentials that limit signed bodies (AK/SK: 12 MB) refuse a larger file before any call, unless maxFileSize was
     * set above that limit on purpose: then the service decides, and the user is warned.
     */
    private void checkSignedBodyLimit(CodeArtsConnection connection, List<Path> files, long limit) throws MojoFailureException {
        long signedLimit = connection.auth().maxSignedBodyBytes();
        boolean explicit = maxFileSize != null && !maxFileSize.isBlank();
        ParameterCheck check = new ParameterCheck();
        for (Path file : files) {
            long size = sizeOf(file);
            if (size <= signedLimit) {
                continue;
            }
            String what = file.getFileName() + " is " + size + " bytes (" + Sizes.human(size) + "), over the " + Sizes.human(signedLimit)
                    + " that Huawei Cloud's API gateway takes in an AK/SK-signed request";
            if (explicit && limit > signedLimit) {
                getLog().warn(what + "; maxFileSize = " + maxFileSize + " lets it go, and the service may refuse it (413). "
                        + "IAM password or token credentials carry attachments up to 50 MB.");
            } else {
                check.fail("maxFileSize", maxFileSize == null ? DEFAULT_MAX_FILE_SIZE + " (default)" : maxFileSize, what
                        + ". IAM password or token credentials carry attachments up to 50 MB (<auth>password</auth> or <auth>token</auth>);"
                        + " or set maxFileSize above " + Sizes.human(signedLimit) + " to try anyway");
            }
        }
        check.throwIfAny(goal());
    }

    /**
     * Marks this module in the build's attachAtEnd book, whatever attachAtEnd says (as maven-deploy-plugin does), and
     * when it is the last participant uploads what the others left waiting, or holds it back when the build has
     * failures.
     */
    private void markAndDecide(AttachAtEnd.State state, PendingAttach pending) throws MojoExecutionException, MojoFailureException {
        AttachAtEnd book = AttachAtEnd.of(build.scope(), pluginDescriptor.getGroupId(), pluginDescriptor.getArtifactId(),
                pluginDescriptor.getGoalPrefix());
        AttachAtEnd.Decision decision = book.mark(session, project, state, pending, getLog());
        switch (decision.kind()) {
            case WAIT -> {
                if (state == AttachAtEnd.State.WAITING) {
                    getLog().info("attachAtEnd: " + project.getArtifactId() + "'s files wait for the last module of the build.");
                }
            }
            case HOLD_BACK -> AttachAtEnd.warnHeldBack(getLog(), decision);
            case UPLOAD -> {
                if (!decision.pending().isEmpty()) {
                    getLog().info("attachAtEnd: this is the last module; uploading the files of " + decision.pending().size() + " module(s).");
                    upload(decision.pending());
                }
            }
            case DECIDED -> { }
        }
    }

    /** Every check, no network: the files, ids, sizes, credentials and endpoint; null when there is no work item to attach to. */
    private PendingAttach prepare() throws MojoExecutionException, MojoFailureException {
        ParameterCheck check = new ParameterCheck();
        checkCommon(check);
        check.matches("projectId", projectId, PROJECT_ID, PROJECT_ID_RULE);
        List<String> typed = ParameterCheck.split(issueIds);
        List<CommitWorkItems.Found> found = workItemsFromCommits(check);
        List<String> ids = joined(typed, found);
        ProjectType type = null;
        boolean noWorkItems = ids.isEmpty() && workItemsFromCommits;
        if (ids.isEmpty() && !workItemsFromCommits) {
            check.fail("issueIds", null, "is required: comma-separated work item ids (IPD: 18 or 19 digits; Scrum: a positive integer), "
                    + "or workItemsFromCommits=true to take them from the commit messages");
        } else if (!ids.isEmpty()) {
            try {
                // auto decides by the ids that are numbers at all; a found candidate such as "12 and #13" fails below
                type = ProjectType.of(projectType != null ? projectType.name() : projectTypeText, ids.stream().filter(id -> id.matches("[0-9]+")).toList());
                for (String id : typed) {
                    if (!type.acceptsIssueId(id)) {
                        check.fail("issueIds", id, "a work item id of an " + type.name() + " project must be " + type.issueIdRule()
                                + (type == ProjectType.IPD ? " (^[0-9]{18,19}$)" : ""));
                    }
                }
                ProjectType t = type;
                checkFound(check, found, t::acceptsIssueId, "a work item id of an " + t.name() + " project must be " + t.issueIdRule());
            } catch (IllegalArgumentException e) {
                check.fail("projectType", projectTypeText, "must be IPD, SCRUM or AUTO (in any case)");
            }
        }
        ids = ids.stream().distinct().toList();
        if (parallelUploads < 1) {
            check.fail("parallelUploads", parallelUploads, "must be 1 or more");
        }
        long limit = 0;
        try {
            limit = FileSize.parse(maxFileSize == null || maxFileSize.isBlank() ? DEFAULT_MAX_FILE_SIZE : maxFileSize);
        } catch (IllegalArgumentException | ArithmeticException e) {
            check.fail("maxFileSize", maxFileSize, "must be bytes or a number with KB, MB or GB (50MB)");
        }
        List<Path> toAttach = collectFiles(check);
        for (Path file : toAttach) {
            long size = sizeOf(file);
            if (limit > 0 && size > limit) {
                check.fail("maxFileSize", maxFileSize == null ? DEFAULT_MAX_FILE_SIZE + " (default)" : maxFileSize,
                        file.getFileName() + " is " + size + " bytes (" + Sizes.human(size)
                        + "), over the limit of " + limit + " bytes; CodeArts limits attachments to 50 MB. Raise maxFileSize only if your service allows larger files");
            } else if (!Files.isReadable(file)) {
                check.fail(file + " cannot be read");
            }
        }
        if (noWorkItems) {
            check.throwIfAny(goal());
            noWorkItemsInCommits();
            return null;
        }
        CodeArtsConnection connection = connectCodeArts(check, Endpoints::req);
        checkSignedBodyLimit(connection, toAttach, limit);
        AttachmentPublisher.Plan plan = new AttachmentPublisher.Plan(type, projectId, ids, toAttach, skipExisting, parallelUploads, dryRun);
        return new PendingAttach(project.getArtifactId(), connection.endpoint(), connection.client(), connection.auth(), plan, failOnError,
                reportPath());
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
        List<String> leftOut = new ArrayList<>();
        for (Artifact attached : project.getAttachedArtifacts()) {
            String classifier = attached.getClassifier() == null ? "" : attached.getClassifier();
            // Maven 4 attaches the consumer POM (type pom, classifier consumer, a temporary file name): build metadata,
            // not a deliverable, so an attached POM goes only when its classifier is asked for by name
            boolean metadata = "pom".equals(attached.getType()) && !wanted.contains(classifier);
            if (!metadata && (wanted.isEmpty() || wanted.contains(classifier)) && attached.getFile() != null && attached.getFile().isFile()) {
                if (!includeSignatures && isSignatureOrChecksum(attached.getType(), attached.getFile().getName())) {
                    leftOut.add(attached.getFile().getName());
                    continue;
                }
                add(result, attached.getFile().toPath());
            }
        }
        if (!leftOut.isEmpty()) {
            getLog().info("Signatures and checksums are not uploaded (includeSignatures=true uploads them): " + String.join(", ", leftOut));
        }
        List<String> patterns = ParameterCheck.split(files);
        if (!patterns.isEmpty()) {
            try {
                for (Path p : FileSet.resolve(project.getBasedir().toPath(), patterns)) {
                    add(result, p);
                }
            } catch (IllegalArgumentException e) {
                check.fail("files", String.join(",", files), e.getMessage());
            } catch (IOException e) {
                throw new MojoExecutionException("Could not look for the files " + files + ": " + e.getMessage(), e);
            }
        }
        return result;
    }

    /** The endings of signature and checksum files, as artifact types ({@code asc}, {@code jar.asc}) and file names. */
    static final List<String> SIGNATURE_ENDINGS = List.of("asc", "sigstore.json", "sigstore", "sha1", "md5", "sha256", "sha512");

    /** Whether an attached artifact is a signature or a checksum, by its type or by its file name. */
    static boolean isSignatureOrChecksum(String type, String fileName) {
        String t = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT);
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        for (String ending : SIGNATURE_ENDINGS) {
            if (t.equals(ending) || t.endsWith("." + ending) || name.endsWith("." + ending)) {
                return true;
            }
        }
        return false;
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

    /**
     * Uploads the modules' files side by side; each module's outcomes go to its own report, and its failures count as
     * its failOnError says.
     */
    private void upload(List<PendingAttach> all) throws MojoExecutionException, MojoFailureException {
        // Keyed by identity and read in the order of all: one entry per module, and no record hashCode to link on a fresh
        // JVM as the first upload starts (BuildScope.key says why).
        Map<PendingAttach, List<AttachmentOutcome>> byModule = new IdentityHashMap<>();
        // One pool for every module, so that with attachAtEnd the modules' files upload side by side.
        int threads = all.stream().mapToInt(p -> p.plan().parallelUploads()).max().orElse(1);
        ExecutorService pool = AttachmentPublisher.uploadPool(threads);
        try {
            Map<PendingAttach, AttachmentPublisher.Started> started = new IdentityHashMap<>();
            for (PendingAttach p : all) {
                if (p.plan().files().isEmpty()) {
                    getLog().info(p.module() + ": nothing to attach (no main artifact, no matching attached artifact, no extra file).");
                    byModule.put(p, List.of());
                    continue;
                }
                started.put(p, new AttachmentPublisher(new WorkItemAttachments(p.client(), p.auth(), p.endpoint()), coreLog())
                        .start(p.plan(), pool));
            }
            for (PendingAttach p : all) {
                AttachmentPublisher.Started s = started.get(p);
                if (s != null) {
                    byModule.put(p, s.finish());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while uploading attachments", e);
        } finally {
            pool.shutdownNow();
        }
        writeReports(all, byModule);
        List<AttachmentOutcome> outcomes = all.stream().flatMap(p -> byModule.get(p).stream()).toList();
        long uploaded = outcomes.stream().filter(o -> o.status().equals(AttachmentOutcome.UPLOADED)).count();
        long skipped = outcomes.stream().filter(o -> o.status().equals(AttachmentOutcome.SKIPPED)).count();
        long wouldUpload = outcomes.stream().filter(o -> o.status().equals(AttachmentOutcome.DRY_RUN)).count();
        long failedCount = outcomes.stream().filter(AttachmentOutcome::failed).count();
        String reports = all.stream().map(PendingAttach::report).distinct().map(Path::toString).collect(Collectors.joining(", "));
        if (all.stream().allMatch(p -> p.plan().dryRun())) {
            getLog().info("[dry run] " + wouldUpload + " upload(s) would be made; nothing was sent. Report: " + reports);
        } else {
            getLog().info("worklink:attach: " + uploaded + " uploaded, " + skipped + " skipped, " + failedCount + " failed. Report: " + reports);
        }
        List<AttachmentOutcome> fatal = new ArrayList<>();
        for (PendingAttach p : all) {
            List<AttachmentOutcome> failures = byModule.get(p).stream().filter(AttachmentOutcome::failed).toList();
            if (failures.isEmpty()) {
                continue;
            }
            String message = failureMessage(all.size() > 1 ? p.module() : null, failures, p.report());
            if (p.failOnError()) {
                getLog().error(message);
                fatal.addAll(failures);
            } else {
                getLog().warn(message);
                getLog().warn("failOnError=false" + (all.size() > 1 ? " in " + p.module() : "") + ": the build goes on.");
            }
        }
        if (!fatal.isEmpty()) {
            String modules = all.stream().filter(p -> p.failOnError() && byModule.get(p).stream().anyMatch(AttachmentOutcome::failed))
                    .map(PendingAttach::module).collect(Collectors.joining(", "));
            String message = fatal.size() + " attachment(s) could not be uploaded" + (all.size() > 1 ? " (module(s) " + modules + ")" : "")
                    + "; see the errors above and the report(s) " + reports + ".";
            if (usersError(fatal)) {
                throw new MojoFailureException(message);
            }
            throw new MojoExecutionException(message);
        }
    }

    private static String failureMessage(String module, List<AttachmentOutcome> failures, Path report) {
        StringBuilder sb = new StringBuilder(module == null ? "" : module + ": ").append(failures.size())
                .append(" attachment(s) could not be uploaded:");
        for (AttachmentOutcome f : failures) {
            sb.append("\n  - ").append(f.file()).append(" to work item ").append(f.workItem()).append(": ").append(f.reason());
        }
        sb.append("\nThe report ").append(report).append(" lists what was uploaded; a re-run skips files already attached (IPD).");
        return sb.toString();
    }

    /** One report per file: modules that share a report path (an inherited reportFile) share one report. */
    private void writeReports(List<PendingAttach> all, Map<PendingAttach, List<AttachmentOutcome>> byModule) throws MojoExecutionException {
        Map<Path, List<PendingAttach>> byReport = new LinkedHashMap<>();
        all.forEach(p -> byReport.computeIfAbsent(p.report(), r -> new ArrayList<>()).add(p));
        for (Map.Entry<Path, List<PendingAttach>> e : byReport.entrySet()) {
            List<AttachmentOutcome> outcomes = e.getValue().stream().flatMap(p -> byModule.get(p).stream()).toList();
            PendingAttach first = e.getValue().get(0);
            writeReport(PublishReport.of(goal(), first.endpoint().toString(), first.plan().dryRun(),
                    outcomes.stream().anyMatch(AttachmentOutcome::failed) ? "failed" : "success", outcomes), e.getKey());
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
