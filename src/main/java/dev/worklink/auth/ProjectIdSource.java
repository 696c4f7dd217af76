package dev.worklink.auth;

import java.io.IOException;

/**
 * Where an AK/SK signer's {@code X-Project-Id} comes from: a configured id, or an IAM lookup made on first use
 * ({@link IamProjectLookup}). Asked before every signed request; a source that looks up does so once.
 */
@FunctionalInterface
public interface ProjectIdSource {

    /** No project id: nothing is sent (the lookup call itself is signed this way, as the SDK signs it). */
    ProjectIdSource NONE = () -> null;

    /** The IAM project id to send, or null to send none. */
    String projectId() throws IOException;

    /** A configured id; blank counts as none. */
    static ProjectIdSource fixed(String projectId) {
        String id = projectId == null || projectId.isBlank() ? null : projectId.trim();
        return () -> id;
    }
}
