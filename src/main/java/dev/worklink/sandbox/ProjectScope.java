package dev.worklink.sandbox;

import java.util.Locale;
import java.util.Map;

/**
 * What a sandbox that insists on a project scope checks on an AK/SK-signed CodeArts request: a signed
 * {@code X-Project-Id} naming the account's IAM project ({@link SandboxCredentials#IAM_PROJECT_ID}), as the official
 * SDK's {@code BasicCredentials} always sends one (huaweicloud-sdk-java-v3
 * {@code core/src/main/java/com/huaweicloud/sdk/core/auth/BasicCredentials.java}, {@code syncProcessAuthRequest}).
 */
final class ProjectScope {

    private ProjectScope() {}

    /** Why the request's project scope is refused, or null when it is right. */
    static String problem(Map<String, String> headers) {
        String projectId = headers.get("x-project-id");
        if (projectId == null || projectId.isBlank()) {
            return "the request carries no X-Project-Id; AK/SK requests must name the IAM project of the region";
        }
        if (!signedHeaders(headers.get("authorization")).contains(";x-project-id;")) {
            return "X-Project-Id is not among the signed headers";
        }
        if (!SandboxCredentials.IAM_PROJECT_ID.equals(projectId.trim())) {
            return "X-Project-Id " + projectId + " is not a project of this account";
        }
        return null;
    }

    /** {@code ;a;b;c;} from {@code SDK-HMAC-SHA256 Access=..., SignedHeaders=a;b;c, Signature=...}. */
    private static String signedHeaders(String authorization) {
        if (authorization == null) {
            return ";";
        }
        for (String item : authorization.split(",")) {
            String t = item.trim();
            int at = t.toLowerCase(Locale.ROOT).indexOf("signedheaders=");
            if (at >= 0) {
                return ";" + t.substring(at + "signedheaders=".length()).trim().toLowerCase(Locale.ROOT) + ";";
            }
        }
        return ";";
    }
}
