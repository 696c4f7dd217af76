package dev.worklink.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worklink.files.ImageType;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * CodeArts Req plans:
 * <ul>
 * <li>associate work items with a Gantt plan, {@code POST /v3/plan/{project_id}/{plan_id}/issue}: the body is a JSON
 *     array of at most 100 positive integers (doc), else 400;</li>
 * <li>upload an image to a project, {@code POST /v2/{project_id}/img}, multipart field {@code file}: a PNG, JPEG or GIF by
 *     content of at most 5 MB, answering {@code {"img_id","img_url":"/v1/upload/<project_id>/<yyyyMM>/<digits>.<ext>"}}.
 *     The sandbox names an image by its content: {@code <digits>} is the first 8 bytes of its SHA-256 as an unsigned
 *     decimal, {@code <ext>} its type's ({@code png}, {@code jpg}, {@code gif}), so a test can tell which url it gave;</li>
 * <li>set a plan's thumbnail, {@code PUT /v3/plan/{project_id}/management/{plan_id}/img} with {@code {"img_url"}}, which
 *     must match {@code /v1/upload/<project_id>/\d{6}/[a-zA-Z0-9]+.[a-zA-Z]+} (doc), else 400; it answers the plan,
 *     named {@code Sandbox plan <plan_id>}, of type {@code mind} when the plan id starts with "mind", else {@code gantt}.</li>
 * </ul>
 */
final class PlanService implements SandboxService {

    static final Pattern PROJECT_ID = Pattern.compile("^[A-Za-z0-9]{32}$");
    static final Pattern PLAN_ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    static final int MAX_WORK_ITEMS = 100;
    static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;
    static final String IMAGE_FIELD = "file";
    static final String BAD_PARAMETER = "PM.02175000";
    static final String BAD_IMAGE = "PM.02175001";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final AtomicLong imageIds = new AtomicLong();

    PlanService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.authenticated("POST", "^/v3/plan/([^/]+)/([^/]+)/issue$", this::link),
                Route.authenticated("POST", "^/v2/([^/]+)/img$", this::uploadImage),
                Route.authenticated("PUT", "^/v3/plan/([^/]+)/management/([^/]+)/img$", this::setThumbnail));
    }

    private void link(SandboxExchange ex) throws IOException {
        String project = ex.pathGroup(1);
        String plan = ex.pathGroup(2);
        if (!validIds(ex, project, plan)) {
            return;
        }
        JsonNode body;
        try {
            body = ex.json();
        } catch (IOException e) {
            ex.huaweiError(400, BAD_PARAMETER, "The body must be a JSON array of work item ids: " + SandboxExchange.firstLine(e.getMessage()));
            return;
        }
        if (!body.isArray() || body.isEmpty()) {
            ex.huaweiError(400, BAD_PARAMETER, "The body must be a non-empty JSON array of work item ids (integers), e.g. [9192109, 9191020]");
            return;
        }
        if (body.size() > MAX_WORK_ITEMS) {
            ex.huaweiError(400, BAD_PARAMETER, "A maximum of " + MAX_WORK_ITEMS + " work items can be associated in one call; the body holds "
                    + body.size());
            return;
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (JsonNode item : body) {
            if (!item.isIntegralNumber() || !item.canConvertToLong() || item.asLong() <= 0) {
                ex.huaweiError(400, BAD_PARAMETER, "Every work item id must be a positive integer, but the body holds " + item);
                return;
            }
            ids.add(item.asLong());
        }
        ex.note("linked " + ids.size() + " work item(s) to plan " + plan);
        ex.json(200, Map.of("status", "success"));
    }

    private void uploadImage(SandboxExchange ex) throws IOException {
        String project = ex.pathGroup(1);
        if (!PROJECT_ID.matcher(project).matches()) {
            ex.huaweiError(400, BAD_PARAMETER, "The parameter project_id '" + project + "' is invalid: it must match " + PROJECT_ID.pattern());
            return;
        }
        MultipartStream.Part file = UploadedFile.in(ex, IMAGE_FIELD, BAD_IMAGE);
        if (file == null) {
            return;
        }
        ImageType type = ImageType.detect(file.head());
        String extension = switch (type) {
            case PNG -> "png";
            case JPEG -> "jpg";
            case GIF -> "gif";
            default -> null;
        };
        if (extension == null) {
            ex.huaweiError(400, BAD_IMAGE, "The file must be a PNG, JPEG or GIF image; its content is "
                    + (type == ImageType.UNKNOWN ? "no image" : "a " + type + " image"));
            return;
        }
        if (file.size() > MAX_IMAGE_BYTES) {
            ex.huaweiError(400, BAD_IMAGE, "The image exceeds the size limit (5 MB): it is " + file.size() + " bytes");
            return;
        }
        String name = new BigInteger(file.sha256().substring(0, 16), 16).toString();
        String url = "/v1/upload/" + project + "/" + MONTH.format(clock.instant()) + "/" + name + "." + extension;
        String id = String.valueOf(imageIds.incrementAndGet());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("img_id", id);
        body.put("img_url", url);
        ex.note("stored as " + url);
        ex.json(200, body);
    }

    private void setThumbnail(SandboxExchange ex) throws IOException {
        String project = ex.pathGroup(1);
        String plan = ex.pathGroup(2);
        if (!validIds(ex, project, plan)) {
            return;
        }
        JsonNode body;
        try {
            body = ex.json();
        } catch (IOException e) {
            ex.huaweiError(400, BAD_PARAMETER, "The body must be {\"img_url\": \"...\"}: " + SandboxExchange.firstLine(e.getMessage()));
            return;
        }
        JsonNode url = body.path("img_url");
        Pattern rule = imageUrlPattern(project);
        if (!url.isTextual() || !rule.matcher(url.asText()).matches()) {
            ex.huaweiError(400, BAD_PARAMETER, "The parameter img_url " + (url.isMissingNode() ? "is missing" : url + " is invalid")
                    + ": it must match /v1/upload/%s/\\d{6}/[a-zA-Z0-9]+.[a-zA-Z] for this project");
            return;
        }
        Map<String, Object> creator = new LinkedHashMap<>();
        creator.put("user_id", "5b2c0d2bbd2b4e1a9b5e4a5c1f0e9d8a");
        creator.put("domain_id", "0c8d9a7b6e5f4a3b2c1d0e9f8a7b6c5d");
        creator.put("nick_name", SandboxCredentials.IAM_USER);
        creator.put("first_name", SandboxCredentials.IAM_USER);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", plan);
        result.put("name", "Sandbox plan " + plan);
        result.put("type", plan.startsWith("mind") ? "mind" : "gantt");
        result.put("project_id", project);
        result.put("img_url", url.asText());
        result.put("creator", creator);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("result", result);
        answer.put("status", "success");
        ex.note("thumbnail " + url.asText());
        ex.json(200, answer);
    }

    /** The documented check, anchored, its dot a dot. */
    static Pattern imageUrlPattern(String project) {
        return Pattern.compile("^/v1/upload/" + Pattern.quote(project) + "/\\d{6}/[a-zA-Z0-9]+\\.[a-zA-Z]+$");
    }

    private static boolean validIds(SandboxExchange ex, String project, String plan) throws IOException {
        if (!PROJECT_ID.matcher(project).matches()) {
            ex.huaweiError(400, BAD_PARAMETER, "The parameter project_id '" + project + "' is invalid: it must match " + PROJECT_ID.pattern());
            return false;
        }
        if (!PLAN_ID.matcher(plan).matches()) {
            ex.huaweiError(400, BAD_PARAMETER, "The parameter plan_id '" + plan + "' is invalid");
            return false;
        }
        return true;
    }
}
