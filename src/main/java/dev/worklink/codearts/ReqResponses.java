package dev.worklink.codearts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worklink.http.ServiceResponse;
import java.io.IOException;

/**
 * Reads CodeArts Req answers of the form {@code {"status","message","result"}} into databind's tree, for the calls off
 * the upload path (link, thumbnail, icon); {@link ReqAnswer} reads the attachment calls' answers without databind. A
 * {@code "status":"error"} inside a 200 is a failure carrying its {@code message}.
 */
final class ReqResponses {

    /** Made on first use. Unknown fields are ignored: the services add fields the docs do not show. */
    private static final class Lenient {
        static final ObjectMapper MAPPER = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    static ObjectMapper json() {
        return Lenient.MAPPER;
    }

    private ReqResponses() {}

    /** The parsed body, after checking its status field. */
    static JsonNode checked(String label, ServiceResponse response) throws IOException {
        JsonNode root;
        try {
            root = response.body().isBlank() ? json().createObjectNode() : json().readTree(response.body());
        } catch (IOException e) {
            throw ReqAnswer.notJson(label, response, e);
        }
        JsonNode status = root.get("status");
        ReqAnswer.failIfError(label, response, status == null ? null : status.asText(),
                root.hasNonNull("message") ? root.get("message").asText() : null,
                root.hasNonNull("error_code") ? root.get("error_code").asText() : null);
        return root;
    }
}
