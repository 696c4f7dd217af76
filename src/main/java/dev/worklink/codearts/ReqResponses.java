package dev.worklink.codearts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worklink.http.ServiceException;
import dev.worklink.http.ServiceResponse;
import java.io.IOException;
import java.util.List;

/**
 * Reads CodeArts Req answers of the form {@code {"status","message","result"}}. A {@code "status":"error"}
 * inside a 200 is a failure carrying its {@code message}.
 */
final class ReqResponses {

    /**
     * Made on first use, so that the checks below cost no Jackson databind (the IPD list answer is parsed without it,
     * {@link ExistingAttachment#listAnswer}). Unknown fields are ignored: the services add fields the docs do not show.
     */
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
            throw notJson(label, response, e);
        }
        JsonNode status = root.get("status");
        failIfError(label, response, status == null ? null : status.asText(),
                root.hasNonNull("message") ? root.get("message").asText() : null,
                root.hasNonNull("error_code") ? root.get("error_code").asText() : null);
        return root;
    }

    /** What an answer whose body does not parse fails with. */
    static IOException notJson(String label, ServiceResponse response, IOException cause) {
        return new IOException(label + ": the service answered HTTP " + response.status() + " with a body that is not JSON: "
                + abbreviate(response.body()), cause);
    }

    /** Fails with the answer's message when its {@code status} field is {@code "error"}, whatever the HTTP status. */
    static void failIfError(String label, ServiceResponse response, String status, String message, String code) throws ServiceException {
        if (status != null && "error".equalsIgnoreCase(status)) {
            throw new ServiceException(label, response.status(), code, message != null ? message : "status \"error\"", response.requestId());
        }
    }

    static <T> List<T> resultList(JsonNode root, Class<T> type) throws IOException {
        JsonNode result = root.get("result");
        if (result == null || result.isNull() || !result.isArray()) {
            return List.of();
        }
        JavaType listType = json().getTypeFactory().constructCollectionType(List.class, type);
        return json().readerFor(listType).readValue(result);
    }

    static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
