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

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ReqResponses() {}

    /** The parsed body, after checking its status field. */
    static JsonNode checked(String label, ServiceResponse response) throws IOException {
        JsonNode root;
        try {
            root = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IOException(label + ": the service answered HTTP " + response.status() + " with a body that is not JSON: "
                    + abbreviate(response.body()), e);
        }
        JsonNode status = root.get("status");
        if (status != null && "error".equalsIgnoreCase(status.asText())) {
            String message = root.hasNonNull("message") ? root.get("message").asText() : null;
            String code = root.hasNonNull("error_code") ? root.get("error_code").asText() : null;
            throw new ServiceException(label, response.status(), code, message != null ? message : "status \"error\"", response.requestId());
        }
        return root;
    }

    static <T> List<T> resultList(JsonNode root, Class<T> type) throws IOException {
        JsonNode result = root.get("result");
        if (result == null || result.isNull() || !result.isArray()) {
            return List.of();
        }
        JavaType listType = JSON.getTypeFactory().constructCollectionType(List.class, type);
        return JSON.readerFor(listType).readValue(result);
    }

    static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
