package dev.worklink.codearts;

import com.fasterxml.jackson.core.JsonToken;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.RequestBody;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceRequest;
import dev.worklink.http.ServiceResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The CodeArts Req attachment calls: upload a file to a work item (IPD and Scrum) and list an IPD work item's
 * attachments.
 */
public final class WorkItemAttachments {

    /** Multipart field name of both upload calls (doc). */
    public static final String FIELD = "attachment";

    private final ServiceClient client;
    private final RequestAuthenticator auth;
    private final URI endpoint;

    /** @param endpoint the CodeArts Req base URL, e.g. {@code https://projectman-ext.cn-north-4.myhuaweicloud.com} */
    public WorkItemAttachments(ServiceClient client, RequestAuthenticator auth, URI endpoint) {
        this.client = client;
        this.auth = auth;
        this.endpoint = endpoint;
    }

    /** The outcome of one upload: the attachment the service stored (null on a dry run) and the transfer figures. */
    public record Upload(Attachment attachment, ServiceResponse response) {}

    public Upload upload(ProjectType type, String projectId, String issueId, Path file, String fileName, String contentType)
            throws IOException {
        return upload(type, projectId, issueId, file, fileName, contentType, 0);
    }

    /**
     * Uploads a file; {@code attemptsMade} counts earlier attempts of the same upload that ended in a
     * {@link dev.worklink.http.MayHaveActedException} and were found not to have taken effect.
     *
     * @throws dev.worklink.http.MayHaveActedException the upload went out but its answer was lost; it may stand on the work item
     */
    public Upload upload(ProjectType type, String projectId, String issueId, Path file, String fileName, String contentType,
            int attemptsMade) throws IOException {
        String path = type == ProjectType.IPD
                ? "/v1/ipdprojectservice/projects/" + projectId + "/issues/" + issueId + "/attachments/upload"
                : "/v4/projects/" + projectId + "/issues/" + issueId + "/attachments/upload";
        String label = "upload " + fileName + " to work item " + issueId;
        // Not idempotent: every upload that reaches the service makes one more attachment (SPEC: "a second POST makes a
        // second attachment"). After a lost answer the client reports MayHaveActedException; AttachmentPublisher looks
        // for the attachment (IPD) before sending it again, with attemptsMade carrying the retry budget on.
        ServiceRequest request = new ServiceRequest("POST", Endpoints.resolve(endpoint, path), Map.of("Accept", "application/json"),
                new RequestBody.MultipartFile(FIELD, file, fileName, contentType), label, ServiceRequest.Idempotence.NOT_IDEMPOTENT);
        ServiceResponse response = client.execute(request, auth, attemptsMade);
        if (response.dryRun()) {
            return new Upload(null, response);
        }
        ReqAnswer answer = ReqAnswer.read(label, response);
        if (type == ProjectType.SCRUM) {
            return new Upload(scrumAttachment(answer), response);
        }
        boolean any = answer.resultIs() == JsonToken.START_ARRAY && !answer.result().isEmpty();
        return new Upload(any ? Attachment.ipd(answer.result().get(0)) : null, response);
    }

    /**
     * The Scrum answer is flat ({@link ScrumAttachment}); should a service wrap it in the IPD envelope's {@code result}
     * (an object or a one-element array), that is read too. Null when the answer names no attachment.
     */
    static Attachment scrumAttachment(ReqAnswer answer) {
        Map<String, String> item = answer.resultIs() == null ? answer.top() : answer.result().isEmpty() ? null : answer.result().get(0);
        if (item == null || item.get("id") == null) {
            return null;
        }
        return ScrumAttachment.of(item).toAttachment();
    }

    /** The attachments already on an IPD work item (empty on a dry run). */
    public List<ExistingAttachment> list(String projectId, String issueId) throws IOException {
        String label = "list the attachments of work item " + issueId;
        URI uri = Endpoints.resolve(endpoint, "/v1/ipdprojectservice/projects/" + projectId + "/attachments?issue_id=" + issueId);
        // Safe to repeat: a read.
        ServiceResponse response = client.execute(ServiceRequest.get(uri, label), auth);
        if (response.dryRun()) {
            return List.of();
        }
        return ExistingAttachment.listAnswer(label, response);
    }
}
