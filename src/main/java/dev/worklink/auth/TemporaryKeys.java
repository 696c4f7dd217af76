package dev.worklink.auth;

import java.time.Instant;

/**
 * A temporary access key, its secret key and the security token that goes with them, as IAM's
 * {@code POST /v3.0/OS-CREDENTIAL/securitytokens} answers them ({@code credential.access}, {@code .secret},
 * {@code .securitytoken}, {@code .expires_at}; huaweicloud-sdk-java-v3 {@code core/.../internal/model/Credential.java}).
 *
 * @param expiresAt when the keys stop working; null when unknown (keys given directly in settings.xml or the environment)
 */
public record TemporaryKeys(String accessKey, String secretKey, String securityToken, Instant expiresAt) {

    /** Never the secret key or the security token. */
    @Override
    public String toString() {
        return "TemporaryKeys[access key " + masked(accessKey) + ", expires " + expiresAt + "]";
    }

    /** The first four characters of an access key: enough to tell keys apart, not enough to use one. */
    static String masked(String accessKey) {
        return accessKey == null || accessKey.length() <= 4 ? "****" : accessKey.substring(0, 4) + "****";
    }
}
