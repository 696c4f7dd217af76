package dev.worklink.sandbox;

import java.util.List;
import java.util.Map;

/**
 * One request the sandbox received, for tests to assert on. Over the admin API and in the record file it is JSON
 * with these component names.
 *
 * @param seq             increasing with arrival
 * @param path            the raw path, as received
 * @param query           the raw query, or null
 * @param headers         lower-case names to first values; secrets (authorization, x-auth-token, x-security-token, so-apptoken,
 *                        proxy-authorization, cookie, x-xsrf-token) are "***"
 * @param parts           multipart parts, empty for other bodies
 * @param bodySize        bytes of the body as received
 * @param bodySha256      SHA-256 of the whole body; null for a multipart body unless an AK/SK signature covered its
 *                        hash (its parts carry their own hashes)
 * @param jsonBody        the body text when it is JSON under 64 KiB (password and secret fields masked), else null
 * @param status          the status the sandbox answered; 0 when it closed the connection without a response
 * @param connection      the client's address and port: one value per TCP connection
 * @param authenticatedAs who the request authenticated as: "token:sandbox-user" (an issued token), "token:ready"
 *                        (the ready token), "aksk:SANDBOXAK00000000001", "password:sandbox-user" (IAM); else null
 * @param requestId       the X-Request-Id the sandbox answered with
 */
public record RecordedRequest(long seq, String method, String path, String query, Map<String, String> headers,
        List<RecordedPart> parts, long bodySize, String bodySha256, String jsonBody, int status, String connection,
        String authenticatedAs, String requestId) {}
