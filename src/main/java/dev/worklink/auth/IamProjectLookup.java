package dev.worklink.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worklink.http.BuildScope;
import dev.worklink.http.Json;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceRequest;
import dev.worklink.http.ServiceResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the IAM project of a region, as the official SDK does for AK/SK credentials without a project id: one signed
 * {@code GET {iam}/v3/projects?name=<region>}, answered {@code {"projects":[{"id","name",...}]}}; exactly one project
 * is the answer, none or several is an error that says what to configure (huaweicloud-sdk-java-v3
 * {@code core/src/main/java/com/huaweicloud/sdk/core/auth/BasicCredentials.java}, {@code processAuthParams}; the call
 * is {@code core/.../internal/InnerIamMeta.java} {@code KEYSTONE_LIST_PROJECTS}).
 *
 * <p>One lookup per build: {@link #shared} hands every goal and module of a build the same instance (through the
 * build's {@link BuildScope}, never a static map), and the first caller looks up while the others wait for its answer.
 * A definite answer (the id, or "no such project") is kept for the build; a failed call is not, so a later caller tries
 * again. The lookup is signed by whatever authenticator the caller passes — plain keys, or temporary keys with their
 * security token — as long as it sends no {@code X-Project-Id} itself.
 */
public final class IamProjectLookup {

    private final URI iamEndpoint;
    private final String region;
    private String projectId;
    private ProjectLookupException refusal;

    IamProjectLookup(URI iamEndpoint, String region) {
        this.iamEndpoint = iamEndpoint;
        this.region = region;
    }

    /**
     * The build's lookup for this IAM host, region and identity, created on first use.
     *
     * @param identity what the keys belong to, e.g. the access key or the identity provider id (the SDK keys its cache by
     *                 it and the region); kept only as a hash
     */
    public static IamProjectLookup shared(BuildScope build, URI iamEndpoint, String region, String identity) {
        Object key = BuildScope.key(IamProjectLookup.class, iamEndpoint, region, AkSkSigner.sha256Hex(identity.getBytes(StandardCharsets.UTF_8)));
        return build.shared(key, IamProjectLookup.class, () -> new IamProjectLookup(iamEndpoint, region));
    }

    public URI iamEndpoint() {
        return iamEndpoint;
    }

    public String region() {
        return region;
    }

    /** A source for a signer: looks up on first use, through {@code client}, signed by {@code signer}. */
    public ProjectIdSource source(ServiceClient client, RequestAuthenticator signer) {
        return () -> projectId(client, signer);
    }

    /**
     * The region's project id, looked up once per build; null on a dry run (nothing is sent).
     *
     * @param signer signs the lookup; it must not itself send an {@code X-Project-Id}
     * @throws ProjectLookupException IAM knows no project, or several, of that name
     * @throws IOException            the call failed
     */
    public synchronized String projectId(ServiceClient client, RequestAuthenticator signer) throws IOException {
        if (projectId != null) {
            return projectId;
        }
        if (refusal != null) {
            throw refusal;
        }
        String base = iamEndpoint.toString().endsWith("/") ? iamEndpoint.toString().substring(0, iamEndpoint.toString().length() - 1)
                : iamEndpoint.toString();
        URI uri = URI.create(base + "/v3/projects?name=" + URLEncoder.encode(region, StandardCharsets.UTF_8));
        // KEYSTONE_LIST_PROJECTS declares application/json, so the SDK sends (and signs) that Content-Type on this GET.
        ServiceRequest request = ServiceRequest.get(uri, "look up the IAM project of region '" + region + "' (for X-Project-Id)")
                .withHeader("Content-Type", "application/json");
        ServiceResponse response = client.execute(request, signer);
        if (response.dryRun()) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        try {
            JsonNode projects = Json.mapper().readTree(response.body()).path("projects");
            for (JsonNode p : projects) {
                if (p.hasNonNull("id")) {
                    ids.add(p.get("id").asText());
                }
            }
        } catch (IOException e) {
            throw new IOException(request.label() + ": IAM at " + iamEndpoint + " answered HTTP " + response.status()
                    + " with a body that is not JSON; is it an IAM endpoint?", e);
        }
        String trace = response.header("X-IAM-Trace-Id");
        String traced = trace == null ? "" : " (X-IAM-Trace-Id " + trace + ")";
        if (ids.size() == 1) {
            projectId = ids.get(0);
            return projectId;
        }
        refusal = new ProjectLookupException(ids.isEmpty()
                ? "IAM at " + iamEndpoint + " knows no project named '" + region + "' for these keys" + traced
                        + ". AK/SK requests carry the region's IAM project id as X-Project-Id, as the official SDK sends it: check the "
                        + "region, or set the project id (<configuration><projectId> in the server, or HUAWEICLOUD_SDK_PROJECT_ID)."
                : "IAM at " + iamEndpoint + " has " + ids.size() + " projects named '" + region + "': " + String.join(", ", ids)
                        + traced + ". Choose one: <configuration><projectId> in the server, or HUAWEICLOUD_SDK_PROJECT_ID.");
        throw refusal;
    }

    /** IAM gave no single project for the region: a configuration to fix, not a network failure. */
    public static final class ProjectLookupException extends IOException {
        ProjectLookupException(String message) {
            super(message);
        }
    }
}
