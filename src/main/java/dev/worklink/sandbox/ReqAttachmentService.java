package dev.worklink.sandbox;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * CodeArts Req attachments: upload a file to an IPD work item ({@code POST /v1/ipdprojectservice/projects/{project_id}
 * /issues/{issue_id}/attachments/upload}) or a Scrum one ({@code POST /v4/projects/{project_id}/issues/{issue_id}
 * /attachments/upload}), multipart field {@code attachment}, within the attachment limit; and list an IPD work item's
 * attachments ({@code GET /v1/ipdprojectservice/projects/{project_id}/attachments?issue_id=}). What it stores is
 * names, sizes and hashes, never bytes.
 */
final class ReqAttachmentService implements SandboxService {

    static final String FIELD = "attachment";
    static final Pattern PROJECT_ID = Pattern.compile("^[A-Za-z0-9]{32}$");
    static final Pattern IPD_ISSUE_ID = Pattern.compile("^[0-9]{18,19}$");
    static final Pattern SCRUM_ISSUE_ID = Pattern.compile("^[1-9][0-9]{0,9}$");
    static final String BAD_PARAMETER = "PM.02175000";
    static final String BAD_ATTACHMENT = "PM.02175001";
    static final String TOO_LARGE = "PM.02175030";

    /** An attachment the sandbox took: where, what, and when. */
    record Stored(String id, String projectId, String issueId, String fileName, long size, String sha256, String createTime) {}

    private enum Kind { IPD, SCRUM }

    private final LongSupplier limit;
    private final Supplier<ListShape> listShape;
    private final Clock clock;
    private final Map<String, List<Stored>> byWorkItem = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1_000_000);

    /**
     * @param limit     the attachment limit in bytes, read on every upload (the admin API can change it)
     * @param listShape how list entries are worded, read on every list call (the admin API can change it)
     */
    ReqAttachmentService(LongSupplier limit, Supplier<ListShape> listShape, Clock clock) {
        this.limit = limit;
        this.listShape = listShape;
        this.clock = clock;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.authenticated("POST", "^/v1/ipdprojectservice/projects/([^/]+)/issues/([^/]+)/attachments/upload$",
                        ex -> upload(ex, Kind.IPD)),
                Route.authenticated("GET", "^/v1/ipdprojectservice/projects/([^/]+)/attachments$", this::list),
                Route.authenticated("POST", "^/v4/projects/([^/]+)/issues/([^/]+)/attachments/upload$",
                        ex -> upload(ex, Kind.SCRUM)));
    }

    @Override
    public void reset() {
        byWorkItem.clear();
    }

    private void upload(SandboxExchange ex, Kind kind) throws IOException {
        String project = ex.pathGroup(1);
        String issue = ex.pathGroup(2);
        if (!validIds(ex, project, issue, kind)) {
            return;
        }
        if (!ex.isMultipart()) {
            ex.huaweiError(400, BAD_ATTACHMENT, "The request must be multipart/form-data with one file in the field '" + FIELD
                    + "', but its Content-Type is " + ex.header("Content-Type"));
            return;
        }
        if (ex.multipartProblem() != null) {
            ex.huaweiError(400, BAD_ATTACHMENT, "The multipart body is malformed: " + ex.multipartProblem());
            return;
        }
        List<MultipartStream.Part> files = ex.parts().stream().filter(MultipartStream.Part::isFile).toList();
        if (files.size() != 1 || !FIELD.equals(files.get(0).field())) {
            ex.huaweiError(400, BAD_ATTACHMENT, "Exactly one file is expected, in the field '" + FIELD + "'; the request has "
                    + (files.isEmpty() ? "no file" : "files in the fields " + files.stream().map(p -> "'" + p.field() + "'").toList()));
            return;
        }
        MultipartStream.Part file = files.get(0);
        long max = limit.getAsLong();
        if (file.size() > max) {
            ex.huaweiError(400, TOO_LARGE, "The attachment exceeds the size limit (" + describe(max) + ")");
            return;
        }
        String name = file.fileName();
        Stored stored = new Stored(String.valueOf(ids.incrementAndGet()), project, issue, name, file.size(), file.sha256(),
                clock.instant().toString());
        byWorkItem.computeIfAbsent(key(kind, project, issue), k -> new CopyOnWriteArrayList<>()).add(stored);
        ex.note("stored as attachment " + stored.id());
        ex.json(200, kind == Kind.IPD ? reqBody(List.of(ipdUploaded(stored))) : scrumUploaded(stored));
    }

    /** IPD: the envelope with {@code result: [AttachmentVoExt]} (doc page, seeds/003). */
    private static Map<String, Object> ipdUploaded(Stored stored) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", stored.id());
        item.put("workitem_id", stored.issueId());
        item.put("filesize", stored.size());
        item.put("store_filename", stored.fileName());
        item.put("title", stored.fileName());
        item.put("progress", 100);
        return item;
    }

    /**
     * Scrum: a flat object, as the doc page UploadAttachments and the SDK's {@code UploadAttachmentsResponse}
     * (huaweicloud-sdk-java-v3 {@code services/projectman/.../v4/model/UploadAttachmentsResponse.java}: Integer id,
     * Integer issue_id, String project_id, disk_filename, file_name, String size) word it; no envelope.
     */
    private static Map<String, Object> scrumUploaded(Stored stored) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", Long.parseLong(stored.id()));
        body.put("issue_id", Long.parseLong(stored.issueId()));
        body.put("project_id", stored.projectId());
        body.put("disk_filename", stored.id() + "_" + stored.sha256().substring(0, 16) + extension(stored.fileName()));
        body.put("file_name", stored.fileName());
        body.put("size", String.valueOf(stored.size()));
        return body;
    }

    /** Every attachment stored since the last reset (admin API {@code GET /__sandbox/attachments}). */
    List<Stored> stored() {
        List<Stored> all = new ArrayList<>();
        byWorkItem.values().forEach(all::addAll);
        all.sort(java.util.Comparator.comparing(s -> Long.parseLong(s.id())));
        return all;
    }

    private void list(SandboxExchange ex) throws IOException {
        String project = ex.pathGroup(1);
        String issue = ex.queryParam("issue_id");
        if (issue == null) {
            ex.huaweiError(400, BAD_PARAMETER, "The parameter issue_id is required");
            return;
        }
        if (!validIds(ex, project, issue, Kind.IPD)) {
            return;
        }
        ListShape shape = listShape.get();
        List<Map<String, Object>> result = new ArrayList<>();
        for (Stored s : byWorkItem.getOrDefault(key(Kind.IPD, project, issue), List.of())) {
            result.add(shape == ListShape.SDK ? sdkEntry(s) : docEntry(s));
        }
        ex.json(200, reqBody(result));
    }

    /** The doc page's entry: {@code file_name} and a numeric {@code file_size}. */
    private static Map<String, Object> docEntry(Stored s) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", s.id());
        item.put("issue_id", s.issueId());
        item.put("file_size", s.size());
        item.put("file_name", s.fileName());
        item.put("create_time", s.createTime());
        return item;
    }

    /**
     * The SDKs' {@code AttachmentEntity}: the original name in {@code title}, a stored name that differs from it in
     * {@code store_filename}, the size as a string, and the users who made and changed it ({@code UserEntity}).
     */
    private static Map<String, Object> sdkEntry(Stored s) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", s.id());
        item.put("issue_id", s.issueId());
        item.put("disk_directory", "/attachments/" + s.projectId() + "/" + s.issueId());
        item.put("file_size", String.valueOf(s.size()));
        item.put("store_filename", s.id() + "_" + s.sha256().substring(0, 16) + extension(s.fileName()));
        item.put("title", s.fileName());
        item.put("modified_by", SANDBOX_USER);
        item.put("created_by", SANDBOX_USER);
        item.put("attachment_type", "attachment");
        item.put("created_date", s.createTime());
        return item;
    }

    private static final Map<String, Object> SANDBOX_USER = Map.of("id", "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
            "name", SandboxCredentials.IAM_USER, "nick_name", "Sandbox User");

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }

    private static boolean validIds(SandboxExchange ex, String project, String issue, Kind kind) throws IOException {
        if (!PROJECT_ID.matcher(project).matches()) {
            ex.huaweiError(400, BAD_PARAMETER, "The parameter project_id '" + project + "' is invalid: it must match " + PROJECT_ID.pattern());
            return false;
        }
        Pattern issuePattern = kind == Kind.IPD ? IPD_ISSUE_ID : SCRUM_ISSUE_ID;
        if (!issuePattern.matcher(issue).matches()) {
            ex.huaweiError(400, BAD_PARAMETER, "The parameter issue_id '" + issue + "' is invalid: it must match " + issuePattern.pattern());
            return false;
        }
        return true;
    }

    /** CodeArts Req's envelope: {@code {"status":"success","message":null,"result":...}}. */
    private static Map<String, Object> reqBody(Object result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("message", null);
        body.put("result", result);
        return body;
    }

    private static String key(Kind kind, String project, String issue) {
        return kind + "/" + project + "/" + issue;
    }

    /** 52428800 as "50 MB", as the service words it; other limits as exactly as they divide. */
    static String describe(long bytes) {
        long mib = 1024L * 1024;
        if (bytes >= mib && bytes % mib == 0) {
            return bytes / mib + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}
