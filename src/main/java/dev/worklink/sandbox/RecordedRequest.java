package dev.worklink.sandbox;

import java.util.List;
import java.util.Map;

/**
 * One request the sandbox received, for tests to assert on.
 *
 * @param path            the raw path, as received
 * @param query           the raw query, or null
 * @param headers         lower-case names; secret values (authorization, x-auth-token, so-apptoken, proxy-authorization) are "***"
 * @param parts           multipart parts, empty for other bodies
 * @param bodySize        bytes of the body
 * @param bodySha256      SHA-256 of the whole body, for bodies that are not multipart (null otherwise)
 * @param jsonBody        the body text when it is JSON under 64 KiB, else null
 * @param status          the status the sandbox answered; 0 when it dropped the connection
 * @param connection      the client's address and port: one value per TCP connection
 * @param authenticatedAs who the request authenticated as ("token:sandbox-user", "aksk:SANDBOXAK…"), or null
 */
public record RecordedRequest(long seq, String method, String path, String query, Map<String, String> headers,
        List<RecordedPart> parts, long bodySize, String bodySha256, String jsonBody, int status, String connection,
        String authenticatedAs) {}
