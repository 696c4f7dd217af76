package dev.worklink.sandbox;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * CodeArts Req attachments: upload to IPD and Scrum work items (multipart field {@code attachment}, the size limit)
 * and the IPD list. Stored attachments are names, sizes and hashes, never bytes.
 */
final class ReqAttachmentService {

    static final Pattern PROJECT_ID = Pattern.compile("^[A-Za-z0-9]{32}$");
    static final Pattern IPD_ISSUE = Pattern.compile("^[0-9]{18,19}$");
    static final Pattern SCRUM_ISSUE = Pattern.compile("^[1-9][0-9]{0,9}$");

    record Stored(String id, String issueId, String fileName, long size, String sha256, String createdAt) {}

    private final Sandbox sandbox;
    private final Authentication auth;
    private final Map<String, List<Stored>> attachments = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1_000_000);

    ReqAttachmentService(Sandbox sandbox, Authentication auth) {
        this.sandbox = sandbox;
        this.auth = auth;
    }

    void register() {
        sandbox.route("POST", "^/v1/ipdprojectservice/projects/([^/]+)/issues/([^/]+)/attachments/upload$", ex -> upload(ex, IPD_ISSUE, "18 or 19 digits"));
        sandbox.route("GET", "^/v1/ipdprojectservice/projects/([^/]+)/attachments$", this::list);
        sandbox.route("POST", "^/v4/projects/([^/]+)/issues/([^/]+)/attachments/upload$", ex -> upload(ex, SCRUM_ISSUE, "a positive integer"));
    }

    void reset() {
        attachments.clear();
    }

    private void upload(SandboxExchange ex, Pattern issuePattern, String issueRule) throws IOException {
        if (!auth.check(ex, null)) {
            return;
        }
        String project = ex.pathGroup(1);
        String issue = ex.pathGroup(2);
        if (!PROJECT_ID.matcher(project).matches()) {
            ex.huaweiError(400, "PM.02175000", "Invalid parameter: project_id must match ^[A-Za-z0-9]{32}$");
            return;
        }
        if (!issuePattern.matcher(issue).matches()) {
            ex.huaweiError(400, "PM.02175000", "Invalid parameter: issue_id must be " + issueRule);
            return;
        }
        if (!ex.isMultipart()) {
            ex.huaweiError(400, "PM.02175001", "The request must be multipart/form-data with a file field named attachment");
            return;
        }
        long limit = sandbox.attachmentLimit();
        MultipartStream.Result result;
        try {
            result = ex.readMultipart(limit);
        } catch (MultipartStream.MalformedException e) {
            ex.huaweiError(400, "PM.02175001", "Malformed multipart body: " + e.getMessage());
            return;
        }
        List<RecordedPart> files = result.parts().stream().filter(p -> "attachment".equals(p.field()) && p.fileName() != null).toList();
        if (files.size() != 1 || result.parts().size() != 1) {
            ex.huaweiError(400, "PM.02175001", "Exactly one file part named 'attachment' is required; received fields "
                    + result.parts().stream().map(RecordedPart::field).toList());
            return;
        }
        RecordedPart file = files.get(0);
        if (result.overLimit()) {
            ex.huaweiError(400, "PM.02175030", "The attachment exceeds the size limit (" + (limit / (1024 * 1024)) + " MB)");
            return;
        }
        Stored stored = new Stored(String.valueOf(ids.incrementAndGet()), issue, file.fileName(), file.size(), file.sha256(), Instant.now().toString());
        attachments.computeIfAbsent(project + "/" + issue, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(stored);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", stored.id());
        item.put("workitem_id", issue);
        item.put("filesize", stored.size());
        item.put("store_filename", stored.fileName());
        item.put("title", stored.fileName());
        item.put("progress", 100);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("message", null);
        body.put("result", List.of(item));
        ex.json(200, body);
    }

    private void list(SandboxExchange ex) throws IOException {
        if (!auth.check(ex, new byte[0])) {
            return;
        }
        String project = ex.pathGroup(1);
        String issue = ex.queryParam("issue_id");
        if (!PROJECT_ID.matcher(project).matches()) {
            ex.huaweiError(400, "PM.02175000", "Invalid parameter: project_id must match ^[A-Za-z0-9]{32}$");
            return;
        }
        if (issue == null || !IPD_ISSUE.matcher(issue).matches()) {
            ex.huaweiError(400, "PM.02175000", "Invalid parameter: issue_id must be 18 or 19 digits");
            return;
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (Stored s : List.copyOf(attachments.getOrDefault(project + "/" + issue, List.of()))) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", s.id());
            item.put("issue_id", s.issueId());
            item.put("file_size", s.size());
            item.put("file_name", s.fileName());
            item.put("create_time", s.createdAt());
            result.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("message", null);
        body.put("result", result);
        ex.json(200, body);
    }
}
