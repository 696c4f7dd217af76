package dev.worklink.mojo;

import dev.worklink.auth.CredentialsException;
import dev.worklink.auth.ServerEntry;
import dev.worklink.files.ImageType;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceException;
import dev.worklink.http.Sizes;
import dev.worklink.report.PublishReport;
import dev.worklink.superoffice.EntityImage;
import dev.worklink.superoffice.EntityImageOutcome;
import dev.worklink.superoffice.ImageOwner;
import dev.worklink.superoffice.SuperOfficeAuthenticator;
import dev.worklink.superoffice.SuperOfficeCredentials;
import dev.worklink.superoffice.SuperOfficeEndpoint;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Saves an image (PNG, JPEG, GIF or TIFF) to a SuperOffice project, or to a contact or person, through
 * {@code PUT {endpoint}/v1/{Project|Contact|Person}/{id}/Image}. Credentials come from the {@code <server>}
 * {@code superoffice} in settings.xml: Basic (on-site), SOTicket, Bearer or an Online system user.
 */
@Mojo(name = "project-image", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class ProjectImageMojo extends AbstractWorklinkMojo {

    static final String DEFAULT_SERVER_ID = "superoffice";
    /** The properties of this goal's parameters that mean something else in the CodeArts goals. */
    static final java.util.Map<String, String> PROPERTIES = java.util.Map.of("endpoint", "worklink.superoffice.endpoint", "serverId",
            "worklink.superoffice.serverId", "projectId", "worklink.superoffice.projectId", "image", "worklink.superoffice.image", "entity",
            "worklink.superoffice.entity");
    static final Set<ImageType> ACCEPTED = Set.of(ImageType.PNG, ImageType.JPEG, ImageType.GIF, ImageType.TIFF);
    static final String IMAGE_RULE = "must be a PNG, JPEG, GIF or TIFF image by its content (SuperOffice takes no other type; the file name does not count)";

    /**
     * Id of the SuperOffice project (or of the contact or person, see {@code entity}): a positive 32-bit integer.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.superoffice.projectId")
    private String projectId;

    /**
     * The image to save: PNG, JPEG, GIF or TIFF, recognised by its content.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.superoffice.image")
    private File image;

    /**
     * Which entity the id names. One of: {@code PROJECT}, {@code CONTACT}, {@code PERSON} (in any case: {@code Project}
     * works too).
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.superoffice.entity", defaultValue = "PROJECT")
    private ImageOwner entity;

    /** What was configured for entity when it names no entity, for the failure message. */
    private String entityText;

    /**
     * Maven calls this setter (not the field) with the configured text, so that {@code Project} works as well as
     * {@code PROJECT}.
     *
     * @param value the configured text
     */
    public void setEntity(String value) {
        try {
            entity = value == null || value.isBlank() ? ImageOwner.PROJECT : ImageOwner.of(value);
            entityText = null;
        } catch (IllegalArgumentException e) {
            entity = null;
            entityText = value;
        }
    }

    /**
     * Skip this goal only, as {@code worklink.skip} skips every goal of the plugin.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.project-image.skip", defaultValue = "false")
    private boolean skipProjectImage;

    @Override
    protected boolean skipGoal() {
        return skipProjectImage;
    }

    /**
     * Id of the {@code <server>} in settings.xml that holds the SuperOffice credentials.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.superoffice.serverId", defaultValue = DEFAULT_SERVER_ID)
    private String serverId;

    /**
     * The SuperOffice WebAPI base up to {@code /api}, e.g. {@code https://online.superoffice.com/Cust12345/api} or
     * {@code https://crm.example.com/SuperOffice/api}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.superoffice.endpoint")
    private String endpoint;

    @Override
    protected String endpoint() {
        return endpoint;
    }

    @Override
    protected String serverId() {
        return serverId;
    }

    @Override
    protected String goal() {
        return "project-image";
    }

    /** Everything checked and resolved; nothing sent yet. */
    private record Prepared(SuperOfficeEndpoint endpoint, ImageOwner owner, int id, Path image, ImageType type,
            ServiceClient client, SuperOfficeAuthenticator auth) {}

    @Override
    protected void publish() throws MojoExecutionException, MojoFailureException {
        Prepared p = prepare();
        if (!firstInBuild(List.of(p.endpoint().toString(), serverIdOr(DEFAULT_SERVER_ID), p.owner().toString(), String.valueOf(p.id()),
                OncePerBuild.contentHash(p.image())), "saving the image of " + p.owner() + " " + p.id())) {
            return;
        }
        getLog().info("Credentials: " + p.auth().describe());
        EntityImageOutcome outcome = save(p);
        Path report = reportPath();
        writeReport(PublishReport.of(goal(), p.endpoint().toString(), dryRun, outcome.status(), List.of(outcome)), report);
        String what = p.image().getFileName() + " (" + p.type().mimeType() + ", " + Sizes.human(outcome.size()) + ") as the image of "
                + p.owner() + " " + p.id();
        switch (outcome.status()) {
            case EntityImageOutcome.SAVED -> getLog().info("worklink:project-image: saved " + what + ": blob id " + outcome.blobId()
                    + ". Report: " + report);
            case EntityImageOutcome.DRY_RUN -> getLog().info("[dry run] would save " + what + "; nothing was sent. Report: " + report);
            default -> failed(outcome.reason() + "\nReport: " + report, isUserError(outcome.httpStatus()));
        }
    }

    /** Every check, no network: the id, the entity, the image and its type, the endpoint and the credentials. */
    private Prepared prepare() throws MojoExecutionException, MojoFailureException {
        ParameterCheck check = new ParameterCheck(PROPERTIES);
        checkCommon(check);
        // the HTTP settings take the shared parameters only once they are known to be in bounds
        boolean commonOk = check.ok();
        int id = checkId(check);
        ImageOwner owner = entity;
        if (owner == null) {
            check.fail("entity", entityText, "must be PROJECT, CONTACT or PERSON (in any case)");
        }
        Path imagePath = image == null ? null : image.toPath().toAbsolutePath().normalize();
        ImageType type = checkImage(check, imagePath);
        SuperOfficeEndpoint so = null;
        if (check.required("endpoint", endpoint, "the SuperOffice API base up to /api, e.g. https://online.superoffice.com/Cust12345/api "
                + "or https://crm.example.com/SuperOffice/api") && HTTP_URL.matcher(endpoint.trim()).matches()) {
            try {
                so = SuperOfficeEndpoint.of(endpoint);
                if (!so.looksLikeApiBase()) {
                    getLog().warn("The endpoint " + so + " does not end with /api, as SuperOffice WebAPI bases do "
                            + "(https://online.superoffice.com/Cust12345/api); the call goes to " + so + "/v1/...");
                }
            } catch (IllegalArgumentException e) {
                check.fail("endpoint", endpoint.replaceFirst("(?<=://)[^/@]*@", "****@"), e.getMessage());
            }
        }
        String serverKey = serverIdOr(DEFAULT_SERVER_ID);
        ServerEntry server = server(serverKey);
        ServiceClient client = null;
        if (commonOk) {
            HttpSettings settings = httpSettings();
            client = serviceClient(settings);
        }
        SuperOfficeAuthenticator auth = null;
        if (so != null && client != null) {
            try {
                auth = SuperOfficeCredentials.resolve(build.scope(), server, serverKey, so, client);
            } catch (CredentialsException e) {
                check.fail(e.getMessage());
            }
        }
        check.throwIfAny(goal());
        checkClearText(so.apiBase(), "the endpoint parameter", auth);
        checkOnline();
        return new Prepared(so, owner, id, imagePath, type, client, auth);
    }

    private int checkId(ParameterCheck check) {
        String name = entity == null ? "project" : entity.pathName().toLowerCase(java.util.Locale.ROOT);
        String rule = "must be a positive 32-bit integer (1 to 2147483647): the id of the " + name;
        if (!check.required("projectId", projectId, rule)) {
            return 0;
        }
        String text = projectId.trim();
        if (text.matches("^[0-9]{1,10}$")) {
            long value = Long.parseLong(text);
            if (value >= 1 && value <= Integer.MAX_VALUE) {
                return (int) value;
            }
        }
        check.fail("projectId", projectId, rule);
        return 0;
    }

    private static ImageType checkImage(ParameterCheck check, Path file) {
        if (file == null) {
            check.fail("image", null, "is required; " + IMAGE_RULE);
            return null;
        }
        if (!check.readableFile("image", file, "")) {
            return null;
        }
        ImageType type;
        try {
            type = ImageType.detect(file);
        } catch (IOException e) {
            check.fail("image", file, "cannot be read: " + e.getMessage());
            return null;
        }
        if (!ACCEPTED.contains(type)) {
            check.fail("image", file, IMAGE_RULE + ", but " + (type == ImageType.UNKNOWN
                    ? "its first bytes are those of no image type" : "it is a " + type + " image"));
            return null;
        }
        return type;
    }

    private EntityImageOutcome save(Prepared p) {
        long size = sizeOf(p.image());
        EntityImage images = new EntityImage(p.client(), p.auth(), p.endpoint());
        String url = images.uri(p.owner(), p.id()).toString();
        try {
            EntityImage.Saved saved = images.save(p.owner(), p.id(), p.image(), p.type().mimeType());
            if (saved.response().dryRun()) {
                return outcome(p, size, url, EntityImageOutcome.DRY_RUN, null, null, null, null, null);
            }
            return outcome(p, size, url, EntityImageOutcome.SAVED, saved.blobId(), null, saved.response().bytesSent(),
                    saved.response().transferNanos() / 1e9, saved.response().status());
        } catch (ServiceException e) {
            return outcome(p, size, url, EntityImageOutcome.FAILED, null, images.explain(e, p.owner(), p.id(), p.image()), null, null, e.status());
        } catch (IOException e) {
            return outcome(p, size, url, EntityImageOutcome.FAILED, null, e.getMessage(), null, null, null);
        }
    }

    private static boolean isUserError(Integer status) {
        // 200: the login service said no inside a 200 answer (IsSuccessful false)
        return status != null && (status == 200 || (status >= 400 && status < 500));
    }

    private static EntityImageOutcome outcome(Prepared p, long size, String url, String status, Long blobId, String reason, Long bytesSent,
            Double seconds, Integer httpStatus) {
        return new EntityImageOutcome(p.owner().pathName(), p.id(), p.image().getFileName().toString(), p.image().toString(), size,
                p.type().mimeType(), url, status, blobId, reason, bytesSent, seconds, httpStatus);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
