package dev.worklink.codearts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.worklink.files.ImageType;
import dev.worklink.http.Log;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.RequestBody;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceException;
import dev.worklink.http.ServiceRequest;
import dev.worklink.http.ServiceResponse;
import dev.worklink.http.Sizes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A plan's thumbnail in CodeArts Req: upload a local image to the project ({@code POST /v2/{project_id}/img}, multipart
 * field {@code file}), and set a plan's thumbnail to an uploaded image's url
 * ({@code PUT /v3/plan/{project_id}/management/{plan_id}/img}, body {@code {"img_url": ...}}), which the service checks
 * against {@code /v1/upload/%s/\d{6}/[a-zA-Z0-9]+.[a-zA-Z]} (doc).
 */
public final class PlanThumbnail {

    /** Multipart field of the image upload (doc). */
    public static final String IMAGE_FIELD = "file";

    /** Largest image the upload takes (doc, UploadIssueImg: "图片大小上限 5M", 5 MB). */
    public static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;

    /** The types a thumbnail may have, by content. */
    public static final Set<ImageType> IMAGE_TYPES = Set.copyOf(EnumSet.of(ImageType.PNG, ImageType.JPEG, ImageType.GIF));

    /** Stands in for the url the upload would return, in a dry run's log of the set call. */
    static final String DRY_RUN_URL = "(the img_url the upload returns)";

    private final ServiceClient client;
    private final RequestAuthenticator auth;
    private final URI endpoint;
    private final Log log;

    /** @param endpoint the CodeArts Req base URL, e.g. {@code https://projectman-ext.cn-north-4.myhuaweicloud.com} */
    public PlanThumbnail(ServiceClient client, RequestAuthenticator auth, URI endpoint, Log log) {
        this.client = client;
        this.auth = auth;
        this.endpoint = endpoint;
        this.log = log;
    }

    /**
     * The documented {@code img_url} check, anchored and with its dot literal: {@code /v1/upload/<projectId>/<6 digits>/<name>.<letters>}.
     */
    public static Pattern imageUrlPattern(String projectId) {
        return Pattern.compile("^/v1/upload/" + Pattern.quote(projectId) + "/\\d{6}/[a-zA-Z0-9]+\\.[a-zA-Z]+$");
    }

    /** The rule {@link #imageUrlPattern} enforces, in words. */
    public static String imageUrlRule(String projectId) {
        return "must be the url of an image uploaded to project " + projectId + ", as the image upload returns it: /v1/upload/"
                + projectId + "/<yyyyMM>/<letters and digits>.<extension> (doc: /v1/upload/%s/\\d{6}/[a-zA-Z0-9]+.[a-zA-Z])";
    }

    /** The reasons a local image cannot be a thumbnail: its type by content and its size. Empty when it can. */
    public static List<String> imageProblems(Path image, ImageType type) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!IMAGE_TYPES.contains(type)) {
            problems.add("must be a PNG, JPEG or GIF image by its content (the file name does not count), but "
                    + (type == ImageType.UNKNOWN ? "its first bytes are those of no image type" : "it is a " + type + " image"));
        }
        long size = Files.size(image);
        if (size > MAX_IMAGE_BYTES) {
            problems.add(image.getFileName() + " is " + size + " bytes (" + Sizes.human(size) + "), over the limit of " + MAX_IMAGE_BYTES
                    + " bytes (5 MB) of the CodeArts image upload");
        }
        return problems;
    }

    /**
     * Sets the plan's thumbnail: to {@code imageUrl} when given, else to {@code image}, uploaded first. Never throws
     * for a failed call; the outcome says what failed, and keeps the url of an image that was uploaded before setting
     * it failed, so a re-run can pass that url instead of uploading again.
     */
    public ThumbnailOutcome update(String projectId, String planId, String imageUrl, Path image, ImageType type) {
        String file = image == null ? null : image.getFileName().toString();
        Long size = image == null ? null : sizeOf(image);
        String url = imageUrl;
        String imgId = null;
        if (image != null) {
            try {
                UploadedImage uploaded = upload(projectId, image, type);
                if (uploaded == null) {
                    url = DRY_RUN_URL;
                } else {
                    url = uploaded.imgUrl();
                    imgId = uploaded.imgId();
                    log.info("Uploaded " + file + " (" + type.mimeType() + ", " + Sizes.human(size) + ") to project " + projectId
                            + " as " + url + (imgId != null ? " (img_id " + imgId + ")" : ""));
                    if (!imageUrlPattern(projectId).matcher(url).matches()) {
                        log.warn("The upload returned the img_url '" + url + "', which is not of the form the thumbnail call checks ("
                                + "/v1/upload/" + projectId + "/<yyyyMM>/<name>.<ext>); it is passed on as it is.");
                    }
                }
            } catch (IOException e) {
                return new ThumbnailOutcome(projectId, planId, ThumbnailOutcome.FAILED, null, null, null, null, file, size,
                        e.getMessage(), statusOf(e));
            }
        }
        try {
            PlanInfo plan = set(projectId, planId, url);
            if (plan == null) {
                return new ThumbnailOutcome(projectId, planId, ThumbnailOutcome.DRY_RUN, null, null, url, imgId, file, size, null, null);
            }
            return new ThumbnailOutcome(projectId, planId, ThumbnailOutcome.SET, plan.name(), plan.type(),
                    plan.imgUrl() != null ? plan.imgUrl() : url, imgId, file, size, null, null);
        } catch (IOException e) {
            String reason = e.getMessage();
            if (image != null) {
                reason += "\nThe image was uploaded as " + url + ": to try again without uploading it again, run with -Dworklink.thumbnail.imageUrl="
                        + url + " instead of image.";
            }
            return new ThumbnailOutcome(projectId, planId, ThumbnailOutcome.FAILED, null, null, url, imgId, file, size, reason, statusOf(e));
        }
    }

    /** Uploads a local image to the project; null on a dry run. */
    public UploadedImage upload(String projectId, Path image, ImageType type) throws IOException {
        String name = image.getFileName().toString();
        String label = "upload the image " + name + " to project " + projectId;
        // Not idempotent: every upload stores one more image (a new img_id and img_url); after a lost answer it is not
        // sent again blind, and the failure says the image may have been stored.
        ServiceRequest request = new ServiceRequest("POST", Endpoints.resolve(endpoint, "/v2/" + projectId + "/img"),
                Map.of("Accept", "application/json"), new RequestBody.MultipartFile(IMAGE_FIELD, image, name, type.mimeType()), label,
                ServiceRequest.Idempotence.NOT_IDEMPOTENT);
        ServiceResponse response = client.execute(request, auth);
        if (response.dryRun()) {
            return null;
        }
        JsonNode root = ReqResponses.checked(label, response);
        // The documented answer is {"img_id","img_url"}; accept it wrapped in "result" as the other Req calls answer.
        JsonNode node = root.has("img_url") ? root : root.path("result");
        UploadedImage uploaded = node.isObject() ? ReqResponses.json().treeToValue(node, UploadedImage.class) : null;
        if (uploaded == null || uploaded.imgUrl() == null || uploaded.imgUrl().isBlank()) {
            throw new ServiceException(label, response.status(), null,
                    "the answer holds no img_url: " + ReqAnswer.abbreviate(response.body()), response.requestId());
        }
        return uploaded;
    }

    /** Sets the plan's thumbnail to the url, exactly as given; the plan the service returns, or null on a dry run. */
    public PlanInfo set(String projectId, String planId, String imgUrl) throws IOException {
        String label = "set the thumbnail of plan " + planId;
        URI uri = Endpoints.resolve(endpoint, "/v3/plan/" + projectId + "/management/" + planId + "/img");
        // Safe to repeat: the PUT replaces the plan's one thumbnail with img_url (doc: "Updating a Thumbnail").
        ServiceResponse response = client.execute(ServiceRequest.json("PUT", uri, body(imgUrl), label)
                .with(ServiceRequest.Idempotence.SAFE_TO_REPEAT), auth);
        if (response.dryRun()) {
            return null;
        }
        JsonNode result = ReqResponses.checked(label, response).path("result");
        PlanInfo plan = result.isObject() ? ReqResponses.json().treeToValue(result, PlanInfo.class) : null;
        return plan != null ? plan : new PlanInfo(planId, null, null, projectId, imgUrl, null);
    }

    static byte[] body(String imgUrl) {
        try {
            return ReqResponses.json().writeValueAsBytes(Map.of("img_url", imgUrl));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Integer statusOf(IOException e) {
        return e instanceof ServiceException se ? se.status() : null;
    }

    private static Long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1L;
        }
    }
}
