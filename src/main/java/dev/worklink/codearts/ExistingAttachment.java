package dev.worklink.codearts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.worklink.http.ServiceResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An attachment already on an IPD work item, as the list call ({@code GET /v1/ipdprojectservice/projects/{project_id}
 * /attachments?issue_id=}) returns it, with its name and size read whichever way the service words them.
 *
 * <p>The sources disagree on an entry's shape. The doc page shows {@code {id, issue_id, file_size (number), file_name}};
 * the official SDKs model it as {@code AttachmentEntity} (huaweicloud-sdk-java-v3
 * {@code services/projectman/src/main/java/com/huaweicloud/sdk/projectman/v4/model/AttachmentEntity.java}, the list
 * answer {@code ShowIpdAttachmentByWorkItemIdResponse.java}): {@code {id, issue_id, file_size (string), title (the
 * original name), store_filename (the stored name), ...}}, with no {@code file_name}. The name is {@code file_name},
 * else {@code title} — never {@code store_filename}, which is the name the service stores the file under — and the size
 * a number or a numeric string.
 *
 * @param fileName the original file name, or null when the entry has none
 * @param fileSize the size in bytes, or null when the entry has none a number can be read from
 */
public record ExistingAttachment(String id, String issueId, Long fileSize, String fileName) {

    /**
     * The list answer, {@code {"status", "message", "result": [entries]}}, read with jackson-core's parser alone: the
     * entries as {@link #fromWire} reads them, a {@code "status":"error"} as a failure, anything that is not an object
     * as no entries. Not through databind: binding, or even building an {@code ObjectMapper}, loads some hundreds of
     * classes right before the first upload, and their loading and compiling took CPU from it (bench/ANALYSIS.md,
     * section 1).
     */
    static List<ExistingAttachment> listAnswer(String label, ServiceResponse response) throws IOException {
        String body = response.body();
        List<ExistingAttachment> entries = new ArrayList<>();
        String status = null;
        String message = null;
        String code = null;
        try (JsonParser p = STREAM.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return entries;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "status" -> status = scalar(p, value);
                    case "message" -> message = scalar(p, value);
                    case "error_code" -> code = scalar(p, value);
                    case "result" -> {
                        if (value == JsonToken.START_ARRAY) {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                if (p.currentToken() == JsonToken.START_OBJECT) {
                                    entries.add(entry(p));
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw ReqResponses.notJson(label, response, e);
        }
        ReqResponses.failIfError(label, response, status, message, code);
        return entries;
    }

    private static final JsonFactory STREAM = new JsonFactory();

    /** One entry of the list, the parser on its START_OBJECT. */
    private static ExistingAttachment entry(JsonParser p) throws IOException {
        String id = null;
        String issueId = null;
        String fileName = null;
        String title = null;
        Long size = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "id" -> id = scalar(p, value);
                case "issue_id" -> issueId = scalar(p, value);
                case "file_name" -> fileName = scalar(p, value);
                case "title" -> title = scalar(p, value);
                case "file_size" -> {
                    if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                        size = p.getLongValue();
                    } else if (value == JsonToken.VALUE_STRING && p.getText().trim().matches("[0-9]{1,18}")) {
                        size = Long.parseLong(p.getText().trim());
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        String name = fileName != null && !fileName.isEmpty() ? fileName : title;
        return new ExistingAttachment(id, issueId, size, name);
    }

    /** A field's text as Jackson binds it to a String: a string as is, a number or boolean as its text, null as null. */
    private static String scalar(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value.isStructStart()) {
            p.skipChildren();
            return null;
        }
        return p.getText();
    }
}
