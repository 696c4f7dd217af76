package dev.worklink.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklink.files.ImageTypeSamples;
import dev.worklink.sandbox.Misbehaviour;
import dev.worklink.sandbox.RecordedRequest;
import dev.worklink.sandbox.SuperOfficeSandboxCredentials;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * worklink:project-image as the harness configures it, with its own {@code worklink.superoffice.*} properties: the call
 * with its default server and report, the id's bounds, skip, the shared checks, offline and dry run, failOnError and the
 * 4xx/5xx split, and server secrets ({@code appToken}, {@code systemUserToken}) settings.xml cannot decrypt.
 */
@MojoTest
@MojoParameter(name = "endpoint", value = "${sandbox.url}/SuperOffice/api")
@MojoParameter(name = "image", value = "${project.basedir}/logo.png")
@MojoParameter(name = "retries", value = "0")
@MojoParameter(name = "retryBackoff", value = "0")
class ProjectImageGoalTest extends GoalHarness {

    private static final String ENCRYPTED = "{E2zSXbHWzOUHkPxN9TD0Ivp6c4tOLZD0ShtMoDRaDqA=}";

    @BeforeEach
    void image() throws Exception {
        ImageTypeSamples.write(dir.resolve("logo.png"), "png", 16, 16);
    }

    private List<RecordedRequest> saved(String entity, String id) {
        return received().stream().filter(r -> r.method().equals("PUT") && r.path().equals("/SuperOffice/api/v1/" + entity + "/" + id + "/Image"))
                .toList();
    }

    @Test
    @InjectMojo(goal = "project-image")
    @Define(name = "worklink.superoffice.projectId", value = "4711")
    void savesWithTheSuperofficeServerByDefaultAndWritesTheDefaultReport(ProjectImageMojo mojo) throws Exception {
        mojo.execute();

        assertThat(saved("Project", "4711")).extracting(RecordedRequest::status).containsExactly(200);
        assertThat(saved("Project", "4711").get(0).headers()).containsEntry("authorization", "***");
        assertThat(report(defaultReport("project-image")).path("outcome").asText()).isEqualTo("saved");
    }

    @Test
    @InjectMojo(goal = "project-image")
    @Define(name = "worklink.superoffice.projectId", value = "4711")
    void withoutASuperofficeServerItFailsBeforeAnyCallNamingTheDefaultId(ProjectImageMojo mojo) {
        removeServer("superoffice");

        failsBeforeAnyCall(mojo, "settings.xml has no <server> with id 'superoffice'");
    }

    @Test
    @InjectMojo(goal = "project-image")
    @Define(name = "worklink.superoffice.projectId", value = "4711")
    @Define(name = "worklink.superoffice.serverId", value = "crm")
    @Define(name = "worklink.superoffice.entity", value = "contact")
    void serverIdAndEntityTakeTheirOwnProperties(ProjectImageMojo mojo) throws Exception {
        removeServer("superoffice");
        request.addServer(server("crm", SuperOfficeSandboxCredentials.USER, SuperOfficeSandboxCredentials.PASSWORD, null));

        mojo.execute();

        assertThat(saved("Contact", "4711")).extracting(RecordedRequest::status).containsExactly(200);
    }

    // ---- the id

    @ParameterizedTest(name = "projectId = {0}")
    @ValueSource(strings = {"0", "-1", "2147483648", "99999999999", "12a", " "})
    @InjectMojo(goal = "project-image")
    void anIdOutsideOneTo2147483647FailsBeforeAnyCall(String id, ProjectImageMojo mojo) throws Exception {
        set(mojo, "projectId", id);

        failsBeforeAnyCall(mojo, "parameter projectId (worklink.superoffice.projectId)", "must be a positive 32-bit integer (1 to 2147483647)");
    }

    @ParameterizedTest(name = "projectId = {0}")
    @ValueSource(strings = {"1", "2147483647"})
    @InjectMojo(goal = "project-image")
    void theIdsAtTheBoundsAreSent(String id, ProjectImageMojo mojo) throws Exception {
        set(mojo, "projectId", id);

        mojo.execute();

        assertThat(saved("Project", id)).extracting(RecordedRequest::status).containsExactly(200);
    }

    // ---- skip

    @Test
    @InjectMojo(goal = "project-image")
    @Define(name = "worklink.superoffice.projectId", value = "4711")
    @Define(name = "worklink.project-image.skip", value = "true")
    void itsOwnSkipSendsNothingAndNamesItsProperty(ProjectImageMojo mojo) throws Exception {
        skippedBy(mojo, "project-image", "worklink.project-image.skip");
    }

    @Test
    @InjectMojo(goal = "project-image")
    @Define(name = "worklink.superoffice.projectId", value = "4711")
    @Define(name = "worklink.skip", value = "true")
    void worklinkSkipSendsNothing(ProjectImageMojo mojo) throws Exception {
        skippedBy(mojo, "project-image", "worklink.skip");
    }

    // ---- the shared checks, offline, dry run

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"retries, -1, worklink.retries", "connectTimeout, 0, worklink.connectTimeout", "timeout, 0, worklink.timeout",
            "retryBackoff, -1, worklink.retryBackoff", "endpoint, crm.example.com/api, worklink.superoffice.endpoint"})
    @InjectMojo(goal = "project-image")
    @Define(name = "worklink.superoffice.projectId", value = "4711")
    void aSharedParameterOutOfBoundsFailsBeforeAnyCall(String parameter, String value, String property, ProjectImageMojo mojo) throws Exception {
        sharedParameterFailsBeforeAnyCall(mojo, parameter, value, property);
    }

    @Test
    @InjectMojo(goal = "project-image")
    @Define(name = "worklink.superoffice.projectId", value = "4711")
    void offlineFailsBeforeAnyCall(ProjectImageMojo mojo) {
        request.setOffline(true);

        failsBeforeAnyCall(mojo, "worklink:project-image needs the network, but Maven is offline (-o)");
    }

    @Test
    @InjectMojo(goal = "project-image")
    @Define(name = "worklink.superoffice.projectId", value = "4711")
    @Define(name = "worklink.dryRun", value = "true")
    void offlineDryRunSendsNothingAndWritesTheReport(ProjectImageMojo mojo) throws Exception {
        request.setOffline(true);

        mojo.execute();

        assertThat(received()).isEmpty();
        assertThat(report(defaultReport("project-image")).path("dryRun").asBoolean()).isTrue();
    }

    // ---- failOnError and the 4xx / other split

    @Test
    @InjectMojo(goal = "project-image")
    @Define(name = "worklink.superoffice.projectId", value = "4711")
    @Define(name = "worklink.failOnError", value = "false")
    void failOnErrorFalseWarnsAndTheBuildGoesOn(ProjectImageMojo mojo) throws Exception {
        sandbox.misbehave(Misbehaviour.status(500, 10).forPath("/Image"));

        mojo.execute();

        assertThat(saved("Project", "4711")).extracting(RecordedRequest::status).contains(500);
        assertThat(log.warnings()).contains("failOnError=false: the build goes on.");
        assertThat(report(defaultReport("project-image")).path("outcome").asText()).isEqualTo("failed");
    }

    @Test
    @InjectMojo(goal = "project-image")
    @Define(name = "worklink.superoffice.projectId", value = "4711")
    void aRefusal4xxIsTheUsersToFix(ProjectImageMojo mojo) {
        sandbox.misbehave(Misbehaviour.status(403, 10).forPath("/Image"));

        assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoFailureException.class);
        assertThat(saved("Project", "4711")).extracting(RecordedRequest::status).contains(403);
    }

    @Test
    @InjectMojo(goal = "project-image")
    @Define(name = "worklink.superoffice.projectId", value = "4711")
    void aServerError5xxIsAnExecutionFailure(ProjectImageMojo mojo) {
        sandbox.misbehave(Misbehaviour.status(503, 10).forPath("/Image"));

        assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoExecutionException.class);
        assertThat(saved("Project", "4711")).extracting(RecordedRequest::status).contains(503);
    }

    // ---- settings.xml secrets that cannot be decrypted

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"appToken", "systemUserToken"})
    @InjectMojo(goal = "project-image")
    @Define(name = "worklink.superoffice.projectId", value = "4711")
    void aServerSecretThatCannotBeDecryptedFailsNamingTheServerNeverTheSecret(String element, ProjectImageMojo mojo) {
        replaceServer(server("superoffice", SuperOfficeSandboxCredentials.USER, SuperOfficeSandboxCredentials.PASSWORD,
                config(element, ENCRYPTED)));
        decryption = failingOn(ENCRYPTED);

        failsBeforeAnyCall(mojo, "Could not decrypt the <configuration><" + element + "> of the server 'superoffice' in settings.xml");
        assertThatThrownBy(mojo::execute).message().doesNotContain(ENCRYPTED);
        assertThat(log.lines).noneMatch(l -> l.contains(ENCRYPTED));
    }
}
