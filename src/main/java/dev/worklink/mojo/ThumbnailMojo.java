package dev.worklink.mojo;

import dev.worklink.codearts.Endpoints;
import dev.worklink.codearts.PlanThumbnail;
import dev.worklink.codearts.ThumbnailOutcome;
import dev.worklink.files.ImageType;
import dev.worklink.report.PublishReport;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Sets the thumbnail of a Huawei Cloud CodeArts Req plan: to an image already uploaded to the project
 * ({@code imageUrl}), or to a local PNG, JPEG or GIF ({@code image}), which it uploads first.
 */
@Mojo(name = "thumbnail", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class ThumbnailMojo extends AbstractWorklinkMojo {

    static final String ONE_OF = "set exactly one of them: imageUrl for an image already uploaded to the project, or image for a local "
            + "PNG, JPEG or GIF file to upload first";

    /** The CodeArts Req project's 32-character id. */
    @Parameter(property = "worklink.projectId")
    private String projectId;

    /** The id of the plan whose thumbnail to set: letters, digits, {@code -} and {@code _}, at most 64. */
    @Parameter(property = "worklink.planId")
    private String planId;

    /**
     * The url of an image already uploaded to the project, as the image upload returns it:
     * {@code /v1/upload/<projectId>/<yyyyMM>/<name>.<ext>}. Set this or {@code image}, not both.
     */
    @Parameter(property = "worklink.imageUrl")
    private String imageUrl;

    /** A local PNG, JPEG or GIF (by content) of at most 5 MB, uploaded to the project first. Set this or {@code imageUrl}, not both. */
    @Parameter(property = "worklink.image")
    private File image;

    @Override
    protected String goal() {
        return "thumbnail";
    }

    @Override
    protected void publish() throws MojoExecutionException, MojoFailureException {
        ParameterCheck check = new ParameterCheck();
        checkCommon(check);
        boolean projectOk = check.matches("projectId", projectId, AttachMojo.PROJECT_ID, AttachMojo.PROJECT_ID_RULE);
        check.matches("planId", planId, LinkMojo.PLAN_ID, LinkMojo.PLAN_ID_RULE);
        String url = blank(imageUrl) ? null : imageUrl.trim();
        Path local = image == null || image.getPath().isBlank() ? null : image.toPath().toAbsolutePath().normalize();
        ImageType type = null;
        if (url != null && local != null) {
            check.fail("parameters imageUrl (worklink.imageUrl) = '" + url + "' and image (worklink.image) = '" + local + "' are both set: " + ONE_OF);
        } else if (url == null && local == null) {
            check.fail("parameters imageUrl (worklink.imageUrl) and image (worklink.image) are both unset: " + ONE_OF);
        } else if (url != null) {
            // with a broken projectId the url cannot be checked against it; that failure is reported already
            if (projectOk && !PlanThumbnail.imageUrlPattern(projectId).matcher(url).matches()) {
                check.fail("imageUrl", url, PlanThumbnail.imageUrlRule(projectId));
            }
        } else {
            type = checkImage(check, local);
        }
        CodeArtsConnection connection = connectCodeArts(check, Endpoints::req);
        URI base = connection.endpoint();
        if (!firstInBuild(List.of(base.toString(), serverIdOr("codearts"), projectId, planId,
                url != null ? "imageUrl=" + url : "image=" + OncePerBuild.contentHash(local)), "setting the thumbnail of plan " + planId)) {
            return;
        }
        ThumbnailOutcome outcome = new PlanThumbnail(connection.client(), connection.auth(), base, coreLog())
                .update(projectId, planId, url, local, type);
        Path report = reportPath();
        writeReport(PublishReport.of(goal(), base.toString(), dryRun, outcome.failed() ? "failed" : "success", List.of(outcome)), report);
        switch (outcome.status()) {
            case ThumbnailOutcome.SET -> getLog().info("worklink:thumbnail: plan " + planId
                    + (outcome.planName() != null ? " '" + outcome.planName() + "'" : "")
                    + (outcome.planType() != null ? " (" + outcome.planType() + ")" : "")
                    + " has the thumbnail " + outcome.imgUrl() + ". Report: " + report);
            case ThumbnailOutcome.DRY_RUN -> getLog().info("[dry run] the thumbnail of plan " + planId + " would be set to "
                    + outcome.imgUrl() + "; nothing was sent. Report: " + report);
            default -> failed("Could not set the thumbnail of plan " + planId + ": " + outcome.reason() + "\nReport: " + report,
                    outcome.httpStatus() != null && (outcome.httpStatus() / 100 == 2 || outcome.httpStatus() / 100 == 4));
        }
    }

    private static ImageType checkImage(ParameterCheck check, Path file) {
        if (!check.readableFile("image", file, "")) {
            return null;
        }
        try {
            ImageType type = ImageType.detect(file);
            List<String> problems = PlanThumbnail.imageProblems(file, type);
            problems.forEach(p -> check.fail("image", file, p));
            return problems.isEmpty() ? type : null;
        } catch (IOException e) {
            check.fail("image", file, "cannot be read: " + e.getMessage());
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
