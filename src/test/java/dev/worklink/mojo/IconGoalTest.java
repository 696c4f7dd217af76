package dev.worklink.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklink.files.ImageTypeSamples;
import dev.worklink.sandbox.Misbehaviour;
import dev.worklink.sandbox.RecordedPart;
import dev.worklink.sandbox.RecordedRequest;
import dev.worklink.sandbox.SandboxCredentials;
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

/**
 * worklink:icon as the harness configures it: the upload with its default icon file, report and server, skip, the shared
 * checks, offline and dry run, and failOnError and the 4xx/5xx split.
 */
@MojoTest
@MojoParameter(name = "endpoint", value = "${sandbox.url}")
@MojoParameter(name = "domainId", value = GoalHarness.DOMAIN_ID)
@MojoParameter(name = "pluginName", value = "demo")
@MojoParameter(name = "retries", value = "0")
@MojoParameter(name = "retryBackoff", value = "0")
class IconGoalTest extends GoalHarness {

    private static final String UPLOAD_PATH = "/v1/" + DOMAIN_ID + "/common/upload-plugin-icon";

    /** The icon where the goal looks by default: src/main/extension/icon.png of the module. */
    @BeforeEach
    void icon() throws Exception {
        ImageTypeSamples.write(dir.resolve("src/main/extension/icon.png"), "png", 128, 128);
    }

    private List<RecordedRequest> uploads() {
        return received().stream().filter(r -> r.method().equals("POST") && r.path().equals(UPLOAD_PATH)).toList();
    }

    @Test
    @InjectMojo(goal = "icon")
    void uploadsTheDefaultIconWithTheCodeartsServerAndWritesTheDefaultReport(IconMojo mojo) throws Exception {
        mojo.execute();

        assertThat(uploads()).extracting(RecordedRequest::status).containsExactly(200);
        assertThat(uploads().get(0).query()).contains("plugin_name=demo");
        assertThat(uploads().get(0).parts()).extracting(RecordedPart::fileName).containsExactly("icon.png");
        assertThat(uploads()).extracting(RecordedRequest::authenticatedAs).containsExactly("token:ready");
        assertThat(report(defaultReport("icon")).path("outcome").asText()).isEqualTo("success");
    }

    @Test
    @InjectMojo(goal = "icon")
    @Define(name = "worklink.icon", value = "${project.basedir}/other.png")
    @Define(name = "worklink.serverId", value = "pipeline-aksk")
    void iconAndServerIdNameAnotherFileAndServer(IconMojo mojo) throws Exception {
        ImageTypeSamples.write(dir.resolve("other.png"), "png", 128, 128);
        request.addServer(server("pipeline-aksk", SandboxCredentials.ACCESS_KEY, SandboxCredentials.SECRET_KEY, config("auth", "aksk", "projectId", SandboxCredentials.IAM_PROJECT_ID)));

        mojo.execute();

        assertThat(uploads().get(0).parts()).extracting(RecordedPart::fileName).containsExactly("other.png");
        assertThat(uploads()).extracting(RecordedRequest::authenticatedAs).containsExactly("aksk:" + SandboxCredentials.ACCESS_KEY);
    }

    @Test
    @InjectMojo(goal = "icon")
    @Define(name = "worklink.icon.skip", value = "true")
    void itsOwnSkipSendsNothingAndNamesItsProperty(IconMojo mojo) throws Exception {
        skippedBy(mojo, "icon", "worklink.icon.skip");
    }

    @Test
    @InjectMojo(goal = "icon")
    @Define(name = "worklink.skip", value = "true")
    void worklinkSkipSendsNothing(IconMojo mojo) throws Exception {
        skippedBy(mojo, "icon", "worklink.skip");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"retries, -2", "connectTimeout, 0", "timeout, 0", "retryBackoff, -1", "endpoint, ftp://cloudpipeline-ext.example.com"})
    @InjectMojo(goal = "icon")
    void aSharedParameterOutOfBoundsFailsBeforeAnyCall(String parameter, String value, IconMojo mojo) throws Exception {
        sharedParameterFailsBeforeAnyCall(mojo, parameter, value, "worklink." + parameter);
    }

    @Test
    @InjectMojo(goal = "icon")
    void offlineFailsBeforeAnyCall(IconMojo mojo) {
        request.setOffline(true);

        failsBeforeAnyCall(mojo, "worklink:icon needs the network, but Maven is offline (-o)");
    }

    @Test
    @InjectMojo(goal = "icon")
    @MojoParameter(name = "dryRun", value = "true")
    void offlineDryRunSendsNothingAndWritesTheReport(IconMojo mojo) throws Exception {
        request.setOffline(true);

        mojo.execute();

        assertThat(received()).isEmpty();
        assertThat(report(defaultReport("icon")).path("dryRun").asBoolean()).isTrue();
        assertThat(log.infos()).anyMatch(l -> l.startsWith("[dry run] icon.png would be uploaded as the icon of extension 'demo'"));
    }

    @Test
    @InjectMojo(goal = "icon")
    @MojoParameter(name = "failOnError", value = "false")
    void failOnErrorFalseWarnsAndTheBuildGoesOn(IconMojo mojo) throws Exception {
        sandbox.misbehave(Misbehaviour.status(500, 10));

        mojo.execute();

        assertThat(uploads()).extracting(RecordedRequest::status).contains(500);
        assertThat(log.warnings()).contains("failOnError=false: the build goes on.");
        assertThat(report(defaultReport("icon")).path("outcome").asText()).isEqualTo("failed");
    }

    @Test
    @InjectMojo(goal = "icon")
    void aRefusal4xxIsTheUsersToFix(IconMojo mojo) {
        sandbox.misbehave(Misbehaviour.status(401, 10));

        assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoFailureException.class);
        assertThat(uploads()).extracting(RecordedRequest::status).contains(401);
    }

    @Test
    @InjectMojo(goal = "icon")
    void aServerError5xxIsAnExecutionFailure(IconMojo mojo) {
        sandbox.misbehave(Misbehaviour.status(504, 10));

        assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoExecutionException.class);
        assertThat(uploads()).extracting(RecordedRequest::status).contains(504);
    }
}
