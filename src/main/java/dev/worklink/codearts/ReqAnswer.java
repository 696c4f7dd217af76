package dev.worklink.codearts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.worklink.http.Json;
import dev.worklink.http.ServiceException;
import dev.worklink.http.ServiceResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CodeArts Req answer, {@code {"status", "message", "error_code", "result"}}, read with jackson-core's parser alone:
 * the attachment calls' answers (the IPD list and the IPD and Scrum uploads) are read on the upload path, where
 * databind, or even building an {@code ObjectMapper}, costs a fresh JVM some tenths of a second of class loading and
 * compiling (bench/ANALYSIS.md, sections 1 and 3). Each object is kept as its scalar fields' texts, as Jackson binds
 * them to a String (a number or boolean as its text, null as absent); nested objects and arrays inside them are skipped.
 *
 * @param top      the answer's own scalar fields (a Scrum upload's answer is flat: its fields are here)
 * @param result   the objects of {@code result}: its elements when it is an array (non-objects skipped), itself when it
 *                 is an object, none otherwise
 * @param resultIs what {@code result} is: {@link JsonToken#START_ARRAY}, {@link JsonToken#START_OBJECT}, or null
 */
record ReqAnswer(Map<String, String> top, List<Map<String, String>> result, JsonToken resultIs) {

    /**
     * The answer read, after failing on a {@code "status":"error"} (whatever the HTTP status). A body that is not an
     * object (blank, an array, a scalar) reads as an answer with no fields; one that is not JSON fails naming the call.
     */
    static ReqAnswer read(String label, ServiceResponse response) throws IOException {
        Map<String, String> top = new HashMap<>();
        List<Map<String, String>> result = new ArrayList<>();
        JsonToken resultIs = null;
        String body = response.body();
        if (!body.isBlank()) {
            try (JsonParser p = Json.streams().createParser(body)) {
                if (p.nextToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        JsonToken value = p.nextToken();
                        if (field.equals("result") && value == JsonToken.START_ARRAY) {
                            resultIs = value;
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                if (p.currentToken() == JsonToken.START_OBJECT) {
                                    result.add(fields(p));
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else if (field.equals("result") && value == JsonToken.START_OBJECT) {
                            resultIs = value;
                            result.add(fields(p));
                        } else {
                            scalar(p, value, field, top);
                        }
                    }
                } else {
                    p.skipChildren();
                }
            } catch (JsonProcessingException e) {
                throw notJson(label, response, e);
            }
        }
        failIfError(label, response, top.get("status"), top.get("message"), top.get("error_code"));
        return new ReqAnswer(top, result, resultIs);
    }

    /** An object's scalar fields, the parser on its START_OBJECT; it ends on the object's END_OBJECT. */
    private static Map<String, String> fields(JsonParser p) throws IOException {
        Map<String, String> fields = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            scalar(p, p.nextToken(), field, fields);
        }
        return fields;
    }

    private static void scalar(JsonParser p, JsonToken value, String field, Map<String, String> into) throws IOException {
        if (value.isStructStart()) {
            p.skipChildren();
        } else if (value != JsonToken.VALUE_NULL) {
            into.put(field, p.getText());
        }
    }

    /** A field's value as a non-negative whole number, from a number or a numeric string; null otherwise. */
    static Long wholeNumber(Map<String, String> fields, String field) {
        String text = fields.get(field);
        return text != null && text.trim().matches("[0-9]{1,18}") ? Long.valueOf(text.trim()) : null;
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

    static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
