package dev.worklink.mojo;

import dev.worklink.codearts.Endpoints;
import dev.worklink.codearts.ExtensionIcon;
import dev.worklink.codearts.IconOutcome;
import dev.worklink.files.ContentTypes;
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
 * Uploads a Huawei Cloud CodeArts Pipeline extension's icon: a PNG or JPEG (by content) of at most 512 KB; a size
 * other than 128 × 128 pixels is uploaded with a warning. The Pipeline service has its own host,
 * {@code https://cloudpipeline-ext.<region>.myhuaweicloud.com}, unless {@code endpoint} is set.
 */
@Mojo(name = "icon", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class IconMojo extends AbstractWorklinkMojo {

    static final String DOMAIN_ID_RULE = "must be the account's 32-character domain id: letters and digits only (^[A-Za-z0-9]{32}$)";
    static final String PLUGIN_NAME_RULE = "the extension's name: letters, digits, spaces, '-', '_' and '.'; at most 50 characters";

    /** The tenant's (account's) domain id: 32 letters and digits. */
    @Parameter(property = "worklink.domainId")
    private String domainId;

    /** The extension's name: letters, digits, spaces, {@code -}, {@code _} and {@code .}; at most 50 characters. */
    @Parameter(property = "worklink.pluginName")
    private String pluginName;

    /** The icon: a PNG or JPEG by its content, at most 512 KB; 128 × 128 pixels recommended. */
    @Parameter(property = "worklink.icon", defaultValue = "${project.basedir}/src/main/extension/icon.png")
    private File icon;

    @Override
    protected String goal() {
        return "icon";
    }

    @Override
    protected void publish() throws MojoExecutionException, MojoFailureException {
        ParameterCheck check = new ParameterCheck();
        checkCommon(check);
        check.matches("domainId", domainId, ExtensionIcon.DOMAIN_ID, DOMAIN_ID_RULE);
        if (check.required("pluginName", pluginName, PLUGIN_NAME_RULE)) {
            String problem = ExtensionIcon.pluginNameProblem(pluginName);
            if (problem != null) {
                check.fail("pluginName", pluginName, problem);
            }
        }
        ExtensionIcon.Inspection inspection = inspect(check);
        CodeArtsConnection connection = connectCodeArts(check, Endpoints::pipeline);
        URI base = connection.endpoint();
        if (!firstInBuild(List.of(base.toString(), serverIdOr("codearts"), domainId, pluginName, OncePerBuild.contentHash(inspection.file())),
                "uploading the icon of extension '" + pluginName + "'")) {
            return;
        }

        String warning = inspection.warning();
        if (warning != null) {
            getLog().warn(warning);
        }
        String byName = ContentTypes.of(inspection.file().getFileName().toString());
        if (!byName.equals(inspection.type().mimeType())) {
            getLog().info(inspection.file().getFileName() + " is a " + inspection.type() + " image by its content; it is sent as "
                    + inspection.type().mimeType() + ".");
        }
        IconOutcome outcome = new ExtensionIcon(connection.client(), connection.auth(), base, coreLog()).upload(domainId, pluginName, inspection);
        Path report = reportPath();
        writeReport(PublishReport.of(goal(), base.toString(), dryRun, outcome.failed() ? "failed" : "success", List.of(outcome)), report);
        switch (outcome.status()) {
            case IconOutcome.UPLOADED -> getLog().info("worklink:icon: the icon of extension '" + pluginName + "' is "
                    + (outcome.url() != null ? outcome.url() : inspection.file().getFileName() + " (the service answered true)")
                    + ". Report: " + report);
            case IconOutcome.DRY_RUN -> getLog().info("[dry run] " + inspection.file().getFileName() + " would be uploaded as the icon of extension '"
                    + pluginName + "'; nothing was sent. Report: " + report);
            default -> failed("Could not upload the icon of extension '" + pluginName + "': " + outcome.reason() + "\nReport: " + report,
                    outcome.httpStatus() != null && (outcome.httpStatus() / 100 == 2 || outcome.httpStatus() / 100 == 4));
        }
    }

    private ExtensionIcon.Inspection inspect(ParameterCheck check) {
        if (icon == null || icon.getPath().isBlank()) {
            check.fail("icon", null, "is required: a PNG or JPEG of at most 512 KB");
            return null;
        }
        Path file = icon.toPath().toAbsolutePath().normalize();
        if (!check.readableFile("icon", file, " (the default is src/main/extension/icon.png)")) {
            return null;
        }
        try {
            ExtensionIcon.Inspection inspection = ExtensionIcon.inspect(file);
            List<String> problems = inspection.problems();
            problems.forEach(p -> check.fail("icon", file, p));
            return problems.isEmpty() ? inspection : null;
        } catch (IOException e) {
            check.fail("icon", file, "cannot be read: " + e.getMessage());
            return null;
        }
    }
}
