package dev.worklink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worklink.auth.AkSkSigner;
import dev.worklink.auth.CodeArtsCredentials;
import dev.worklink.http.BuildScope;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceException;
import dev.worklink.http.ServiceRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sandbox's IAM project query, and a sandbox that insists on a signed X-Project-Id naming its project. */
class SandboxProjectScopeTest extends SandboxFixture {

    private AkSkSigner signer(String projectId) {
        return new AkSkSigner(SandboxCredentials.ACCESS_KEY, SandboxCredentials.SECRET_KEY, projectId, "test", Clock.systemUTC());
    }

    @Test
    void aSignedProjectQueryForTheRegionAnswersTheAccountsProject() throws Exception {
        JsonNode r = JSON.readTree(client.execute(ServiceRequest.get(uri("/v3/projects?name=cn-north-4"), "projects"), signer(null)).body());

        assertThat(r.path("projects")).hasSize(1);
        assertThat(r.path("projects").get(0).path("id").asText()).isEqualTo(SandboxCredentials.IAM_PROJECT_ID);
        assertThat(r.path("projects").get(0).path("name").asText()).isEqualTo("cn-north-4");
        assertThat(sandbox.projectLookups()).isEqualTo(1);
    }

    @Test
    void anotherRegionHasNoProject() throws Exception {
        JsonNode r = JSON.readTree(client.execute(ServiceRequest.get(uri("/v3/projects?name=xx-nowhere-1"), "projects"), signer(null)).body());

        assertThat(r.path("projects")).isEmpty();
    }

    @Test
    void theProjectQueryIsServedToSignedRequestsOnly() throws Exception {
        HttpResponse<String> r = get("/v3/projects?name=cn-north-4", "X-Auth-Token", SandboxCredentials.READY_TOKEN);

        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void insistingOnAProjectRefusesASignatureWithoutXProjectId() {
        sandbox.requireProjectId(true);

        assertThatThrownBy(() -> client.execute(upload(IPD_UPLOAD, "attachment", file("a.bin", 10)), signer(null)))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("APIGW.0301").hasMessageContaining("no X-Project-Id");
    }

    @Test
    void insistingOnAProjectRefusesAnotherProject() {
        sandbox.requireProjectId(true);

        assertThatThrownBy(() -> client.execute(upload(IPD_UPLOAD, "attachment", file("a.bin", 10)), signer("ffffffffffffffffffffffffffffffff")))
                .hasMessageContaining("is not a project of this account");
    }

    @Test
    void insistingOnAProjectRefusesAnUnsignedXProjectId() throws Exception {
        sandbox.requireProjectId(true);
        // Signed without X-Project-Id, then the header added after signing.
        ServiceRequest request = ServiceRequest.get(uri(IPD_LIST), "list");
        Map<String, String> headers = new java.util.LinkedHashMap<>(request.headers());
        headers.putAll(signer(null).headersFor(request));
        headers.put("X-Project-Id", SandboxCredentials.IAM_PROJECT_ID);
        String[] flat = headers.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);

        HttpResponse<String> r = get(IPD_LIST, flat);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("X-Project-Id is not among the signed headers");
    }

    @Test
    void thePluginsAkSkFromTheEnvironmentLooksUpOnceAndPassesAnInsistingSandbox() throws Exception {
        sandbox.requireProjectId(true);
        BuildScope build = new BuildScope();
        Map<String, String> env = Map.of("HUAWEICLOUD_SDK_AK", SandboxCredentials.ACCESS_KEY, "HUAWEICLOUD_SDK_SK", SandboxCredentials.SECRET_KEY,
                "HUAWEICLOUD_SDK_IAM_ENDPOINT", sandbox.url());

        for (int module = 0; module < 2; module++) {
            RequestAuthenticator auth = CodeArtsCredentials.resolve(build, null, "codearts", "cn-north-4", env, client);
            client.execute(upload(IPD_UPLOAD, "attachment", file("m" + module + ".bin", 10)), auth);
        }

        assertThat(sandbox.projectLookups()).isEqualTo(1);
        assertThat(sandbox.records()).filteredOn(r -> r.path().equals(IPD_UPLOAD))
                .hasSize(2).allSatisfy(r -> assertThat(r.headers()).containsEntry("x-project-id", SandboxCredentials.IAM_PROJECT_ID));
        build.close();
    }

    @Test
    void requireProjectIdIsSetOverTheAdminApiAndResetClearsIt() throws Exception {
        assertThat(post("/__sandbox/require-project-id", "application/json", "{\"required\":true}".getBytes()).statusCode()).isEqualTo(200);
        assertThat(sandbox.requiresProjectId()).isTrue();

        sandbox.reset();

        assertThat(sandbox.requiresProjectId()).isFalse();
        assertThat(post("/__sandbox/require-project-id", "application/json", "{\"required\":\"yes\"}".getBytes()).statusCode()).isEqualTo(400);
    }

    @Test
    void anAkSkSignedBodyOver12MbIs413AndATokenOneIsNot() throws Exception {
        java.nio.file.Path big = dir.resolve("big.bin");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(12L * 1024 * 1024 + 1);
        }

        assertThatThrownBy(() -> client.execute(upload(IPD_UPLOAD, "attachment", big), signer(null)))
                .isInstanceOf(ServiceException.class).hasMessageContaining("HTTP 413").hasMessageContaining("12 MB");
        // The same body with a token reaches the service, which applies its own attachment limit (1000 bytes here).
        assertThatThrownBy(() -> client.execute(upload(IPD_UPLOAD, "attachment", big), readyToken()))
                .isInstanceOf(ServiceException.class).hasMessageContaining("HTTP 400");
    }
}
