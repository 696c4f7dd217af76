package dev.worklink.superoffice;

import dev.worklink.http.RequestBody;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceException;
import dev.worklink.http.ServiceRequest;
import dev.worklink.http.ServiceResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * SuperOffice's image calls: {@code PUT /api/v1/{Project|Contact|Person}/{id}/Image} with the raw image as the body
 * and its own Content-Type ({@code image/png}, {@code image/jpeg}, {@code image/gif} or {@code image/tiff}). The
 * answer is the stored blob's id, a bare JSON integer ({@code 59}).
 */
public final class EntityImage {

    /** The image types the call takes (doc: GIF, TIFF, PNG or JPEG). */
    public static final java.util.List<String> CONTENT_TYPES = java.util.List.of("image/png", "image/jpeg", "image/gif", "image/tiff");

    private final ServiceClient client;
    private final SuperOfficeAuthenticator auth;
    private final SuperOfficeEndpoint endpoint;

    public EntityImage(ServiceClient client, SuperOfficeAuthenticator auth, SuperOfficeEndpoint endpoint) {
        this.client = client;
        this.auth = auth;
        this.endpoint = endpoint;
    }

    /** The outcome of one save: the blob id (null on a dry run) and the transfer figures. */
    public record Saved(Long blobId, ServiceResponse response) {}

    /** {@code {api}/v1/{Entity}/{id}/Image}. */
    public URI uri(ImageOwner owner, int id) {
        return endpoint.v1(owner.pathName() + "/" + id + "/Image");
    }

    /**
     * Sends the image, streamed from disk.
     *
     * @param contentType one of {@link #CONTENT_TYPES}, as the image's content says (not its name)
     */
    public Saved save(ImageOwner owner, int id, Path image, String contentType) throws IOException {
        if (!CONTENT_TYPES.contains(contentType)) {
            throw new IllegalArgumentException("SuperOffice takes PNG, JPEG, GIF or TIFF images, not " + contentType);
        }
        String label = "save " + image.getFileName() + " as the image of " + owner + " " + id;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Content-Type", contentType);
        // Safe to repeat: the PUT replaces the entity's one image (doc: "Save an image to a project"; a second save
        // updates the ImageInfo), so two copies leave the same image as one.
        ServiceRequest request = new ServiceRequest("PUT", uri(owner, id), headers, new RequestBody.RawFile(image, contentType), label,
                ServiceRequest.Idempotence.SAFE_TO_REPEAT);
        ServiceResponse response = client.execute(request, auth);
        if (response.dryRun()) {
            return new Saved(null, response);
        }
        return new Saved(blobId(label, response.body()), response);
    }

    /**
     * The blob id of a 200 answer: a JSON integer ({@code 59}); a quoted one ({@code "59"}) is taken as well.
     *
     * @throws IOException when the body is no integer
     */
    static long blobId(String label, String body) throws IOException {
        String text = body == null ? "" : body.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            String shown = text.length() > 200 ? text.substring(0, 200) + "…" : text;
            throw new IOException(label + ": SuperOffice answered 200 with '" + shown + "' where the blob id (an integer) was expected; "
                    + "is the endpoint the WebAPI base up to /api?");
        }
    }

    /**
     * The service's words, then what to do. A 401 (or a refusal by the system user login) names the scheme and the
     * server the credential came from, never the credential.
     */
    public String explain(ServiceException e, ImageOwner owner, int id, Path image) {
        boolean login = e.label() != null && e.label().startsWith(SystemUserTicketSource.LOGIN_LABEL);
        if (e.status() == 401 || e.status() == 403 || login) {
            return e.getMessage() + "\n" + auth.unauthorizedAdvice();
        }
        if (e.status() == 400 || e.status() == 404 || e.status() == 500) {
            return e.getMessage() + "\nCheck that " + owner + " " + id + " exists at " + endpoint + " and that " + image.getFileName()
                    + " is a valid image (SuperOffice answers 400, 404 or 500 for a missing " + owner.pathName().toLowerCase(Locale.ROOT) + ").";
        }
        return e.getMessage();
    }
}
