package dev.worklink.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One call to a service, as data: it is turned into a fresh HTTP request, authenticated anew, on every attempt.
 *
 * @param method      HTTP method
 * @param uri         absolute URI, already percent-encoded
 * @param headers     extra headers (Accept, Content-Type of raw bodies …); authentication headers are added later
 * @param body        the body
 * @param label       what the call does, in the user's words, for logs and messages ("upload app.jar to work item 1234")
 * @param idempotence whether the call may be sent again after an attempt that may have reached the service; every call
 *                    site states it, with a comment saying why
 */
public record ServiceRequest(String method, URI uri, Map<String, String> headers, RequestBody body, String label,
        Idempotence idempotence) {

    /** The Content-Type of {@link #json} requests, sent exactly so (and so signed). */
    public static final String JSON_CONTENT_TYPE = "application/json; charset=UTF-8";

    /**
     * What a second copy of the call does, which decides how {@link ServiceClient} retries it.
     */
    public enum Idempotence {
        /**
         * Sending it twice leaves the same state as sending it once (a read, a replacing PUT, a token request): it is
         * retried after any transient failure.
         */
        SAFE_TO_REPEAT,
        /**
         * Each copy that reaches the service creates something (an upload makes an attachment): it is retried only when
         * the attempt cannot have reached the service (connection refused, connect timeout, 429, 503). When it may have
         * (no answer after the request went out, 502, 504), the client reports {@link MayHaveActedException} instead.
         */
        NOT_IDEMPOTENT
    }

    public ServiceRequest {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        if (idempotence == null) {
            idempotence = byMethod(method);
        }
    }

    /**
     * A request whose idempotence follows its method's meaning in HTTP (RFC 9110 §9.2.2: POST and PATCH are not
     * idempotent). Call sites state it with {@link #with(Idempotence)} where they know better.
     */
    public ServiceRequest(String method, URI uri, Map<String, String> headers, RequestBody body, String label) {
        this(method, uri, headers, body, label, byMethod(method));
    }

    private static Idempotence byMethod(String method) {
        String m = method.toUpperCase(Locale.ROOT);
        return m.equals("POST") || m.equals("PATCH") ? Idempotence.NOT_IDEMPOTENT : Idempotence.SAFE_TO_REPEAT;
    }

    public static ServiceRequest get(URI uri, String label) {
        return new ServiceRequest("GET", uri, Map.of("Accept", "application/json"), new RequestBody.Empty(), label, Idempotence.SAFE_TO_REPEAT);
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
        return new ServiceRequest(method, uri, copy, body, label, idempotence);
    }

    /** This request, with its idempotence stated. */
    public ServiceRequest with(Idempotence value) {
        return new ServiceRequest(method, uri, headers, body, label, value);
    }

    public boolean safeToRepeat() {
        return idempotence == Idempotence.SAFE_TO_REPEAT;
    }
}
