package dev.worklink.auth;

import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs with temporary keys: AK/SK signing ({@link AkSkSigner}) plus the security token, sent as
 * {@code X-Security-Token} and signed like any other header, as huaweicloud-sdk-java-v3's
 * {@code core/.../auth/BasicCredentials.syncProcessAuthRequest} adds it before {@code AKSKSigner.sign} (which signs every
 * header but a multipart Content-Type). The keys come from {@link Keys}: fixed ones from settings.xml or the
 * environment, or the build's {@link FederatedKeys}, asked before every attempt so a refresh is picked up.
 */
public final class TemporaryKeySigner implements RequestAuthenticator {

    public static final String SECURITY_TOKEN_HEADER = "X-Security-Token";

    /** Where the keys come from; asked before every attempt. */
    @FunctionalInterface
    public interface Keys {
        /** The keys to sign with now; null in a dry run. */
        TemporaryKeys current() throws IOException;
    }

    private final Keys keys;
    private final ProjectIdSource projectIds;
    private final String description;
    private final Clock clock;

    /**
     * @param projectIds  the X-Project-Id to send (signed): configured, else {@code HUAWEICLOUD_SDK_PROJECT_ID}, else
     *                    the region's IAM project looked up once per build ({@link IamProjectLookup}); NONE sends none
     * @param description where the keys come from, without any value, for {@link #describe()}
     */
    public TemporaryKeySigner(Keys keys, ProjectIdSource projectIds, String description, Clock clock) {
        this.keys = keys;
        this.projectIds = projectIds == null ? ProjectIdSource.NONE : projectIds;
        this.description = description;
        this.clock = clock;
    }

    /** Fixed temporary keys (an aksk server with {@code <securityToken>}, {@code HUAWEICLOUD_SDK_SECURITY_TOKEN}). */
    public static TemporaryKeySigner fixed(TemporaryKeys keys, ProjectIdSource projectIds, String source, Clock clock) {
        return new TemporaryKeySigner(() -> keys, projectIds,
                "AK/SK signature with temporary access key " + TemporaryKeys.masked(keys.accessKey()) + " and its security token from " + source, clock);
    }

    @Override
    public Map<String, String> headersFor(ServiceRequest request) throws IOException {
        TemporaryKeys now = keys.current();
        if (now == null) {
            return Map.of();
        }
        String projectId = projectIds.projectId();
        ServiceRequest withToken = request.withHeader(SECURITY_TOKEN_HEADER, now.securityToken());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SECURITY_TOKEN_HEADER, now.securityToken());
        headers.putAll(new AkSkSigner(now.accessKey(), now.secretKey(), projectId, description, clock).headersFor(withToken));
        return headers;
    }

    /** Temporary keys sign like permanent ones, so the API gateway's 12 MB limit on AK/SK-signed bodies holds for them too. */
    @Override
    public long maxSignedBodyBytes() {
        return AkSkSigner.MAX_SIGNED_BODY;
    }

    @Override
    public String describe() {
        return description;
    }
}
