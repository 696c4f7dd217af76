package dev.worklink.http;

import java.util.Map;

/**
 * A service's answer with a 2xx status. Its body is kept whole, as text: the calls this plugin makes answer with JSON
 * documents (a list of 100 attachments included) that are parsed as a whole. Only error bodies are cut, for their
 * message (see {@code ServiceClient}).
 *
 * @param dryRun        true when nothing was sent (dry run): status is 0 and the body empty
 * @param bytesSent     request body bytes of the successful attempt
 * @param transferNanos time of the successful attempt, from the first byte sent to the last byte received
 */
public record ServiceResponse(int status, Map<String, String> headers, String body, String requestId, boolean dryRun,
        long bytesSent, long transferNanos) {

    public static ServiceResponse notSent() {
        return new ServiceResponse(0, Map.of(), "", null, true, 0, 0);
    }

    /** A response header by case-insensitive name, or null. */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
