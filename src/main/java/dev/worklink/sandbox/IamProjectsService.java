package dev.worklink.sandbox;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM's project query, as the official SDK calls it to find the {@code X-Project-Id} of AK/SK requests:
 * {@code GET /v3/projects?name=<region>} (huaweicloud-sdk-java-v3 {@code core/.../internal/InnerIamMeta.java}
 * {@code KEYSTONE_LIST_PROJECTS}, answer {@code KeystoneListProjectsResponse}: {@code {"projects":[{id, name, domain_id,
 * is_domain, parent_id, enabled, description}], "links":{...}}}). The sandbox's account has one project,
 * {@link SandboxCredentials#IAM_PROJECT_ID} named {@link SandboxCredentials#IAM_REGION}; another name finds none.
 * Only AK/SK-signed requests are served (the plugin asks only in AK/SK mode); a token gets 401.
 */
final class IamProjectsService implements SandboxService {

    static final String PATH = "/v3/projects";

    @Override
    public List<Route> routes() {
        return List.of(Route.authenticated("GET", "^" + PATH + "$", this::projects));
    }

    private void projects(SandboxExchange ex) throws IOException {
        String identity = ex.authenticatedAs();
        if (identity == null || !(identity.startsWith("aksk:") || identity.startsWith("temporary:"))) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", 401);
            error.put("message", "The sandbox serves the project query to AK/SK-signed requests only");
            error.put("title", "Unauthorized");
            ex.note("project query without an AK/SK signature");
            ex.json(401, Map.of("error", error));
            return;
        }
        String name = ex.queryParam("name");
        List<Map<String, Object>> projects = new ArrayList<>();
        if (name == null || SandboxCredentials.IAM_REGION.equals(name)) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", SandboxCredentials.IAM_PROJECT_ID);
            p.put("name", SandboxCredentials.IAM_REGION);
            p.put("domain_id", SandboxCredentials.IAM_DOMAIN_ID);
            p.put("is_domain", false);
            p.put("parent_id", SandboxCredentials.IAM_DOMAIN_ID);
            p.put("enabled", true);
            p.put("description", "");
            projects.add(p);
        }
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", "/v3/projects" + (ex.rawQuery() == null ? "" : "?" + ex.rawQuery()));
        links.put("previous", null);
        links.put("next", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", links);
        body.put("projects", projects);
        ex.note(projects.isEmpty() ? "no project named " + name : "project " + SandboxCredentials.IAM_PROJECT_ID);
        ex.json(200, body, Map.of("X-IAM-Trace-Id", SandboxExchange.randomHex(16)));
    }
}
