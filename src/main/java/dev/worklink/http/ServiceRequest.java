package dev.worklink.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call to a service, as data: it is turned into a fresh HTTP request, authenticated anew, on every attempt.
 *
 * @param method  HTTP method
 * @param uri     absolute URI, already percent-encoded
 * @param headers extra headers (Accept, Content-Type of raw bodies …); authentication headers are added later
 * @param body    the body
 * @param label   what the call does, in the user's words, for logs and messages ("upload app.jar to work item 1234")
 */
public record ServiceRequest(String method, URI uri, Map<String, String> headers, RequestBody body, String label) {

    /** The Content-Type of {@link #json} requests, sent exactly so (and so signed). */
    public static final String JSON_CONTENT_TYPE = "application/json; charset=UTF-8";

    public ServiceRequest {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static ServiceRequest get(URI uri, String label) {
        return new ServiceRequest("GET", uri, Map.of("Accept", "application/json"), new RequestBody.Empty(), label);
    }

    public static ServiceRequest json(String method, URI uri, byte[] json, String label) {
        return jsonRequest(method, uri, new RequestBody.Json(json), label);
    }

    /** A JSON request whose body holds credentials: logs and dry runs never show the body. */
    public static ServiceRequest secretJson(String method, URI uri, byte[] json, String label) {
        return jsonRequest(method, uri, new RequestBody.Json(json, true), label);
    }

    private static ServiceRequest jsonRequest(String method, URI uri, RequestBody.Json body, String label) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Content-Type", JSON_CONTENT_TYPE);
        return new ServiceRequest(method, uri, headers, body, label);
    }

    public ServiceRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ServiceRequest(method, uri, copy, body, label);
    }
}
