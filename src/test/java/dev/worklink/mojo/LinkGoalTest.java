package dev.worklink.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklink.sandbox.Misbehaviour;
import dev.worklink.sandbox.RecordedRequest;
import dev.worklink.sandbox.SandboxCredentials;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * worklink:link as the harness configures it: the call and its default report and server, skip, the shared checks,
 * offline and dry run, failOnError and the 4xx/5xx split, and a server password settings.xml cannot decrypt.
 */
@MojoTest
@MojoParameter(name = "endpoint", value = "${sandbox.url}")
@MojoParameter(name = "projectId", value = GoalHarness.CODEARTS_PROJECT)
@MojoParameter(name = "planId", value = GoalHarness.PLAN)
@MojoParameter(name = "workItems", value = "1001,1002")
@MojoParameter(name = "retries", value = "0")
@MojoParameter(name = "retryBackoff", value = "0")
class LinkGoalTest extends GoalHarness {

    private static final String ENCRYPTED = "{COQLCE6DU6GtcS5P=}";

    private java.util.List<RecordedRequest> links() {
        return received().stream().filter(r -> r.method().equals("POST") && r.path().equals("/v3/plan/" + CODEARTS_PROJECT + "/" + PLAN + "/issue"))
                .toList();
    }

    @Test
    @InjectMojo(goal = "link")
    void linksWithTheCodeartsServerByDefaultAndWritesTheDefaultReport(LinkMojo mojo) throws Exception {
        mojo.execute();

        assertThat(links()).extracting(RecordedRequest::status).containsExactly(200);
        assertThat(links()).extracting(RecordedRequest::authenticatedAs).containsExactly("token:ready");
        assertThat(links().get(0).jsonBody()).contains("1001").contains("1002");
        assertThat(report(defaultReport("link")).path("outcome").asText()).isEqualTo("success");
    }

    @Test
    @InjectMojo(goal = "link")
    @Define(name = "worklink.serverId", value = "codearts-aksk")
    void serverIdNamesAnotherServer(LinkMojo mojo) throws Exception {
        request.addServer(server("codearts-aksk", SandboxCredentials.ACCESS_KEY, SandboxCredentials.SECRET_KEY, config("auth", "aksk", "projectId", SandboxCredentials.IAM_PROJECT_ID)));

        mojo.execute();

        assertThat(links()).extracting(RecordedRequest::authenticatedAs).containsExactly("aksk:" + SandboxCredentials.ACCESS_KEY);
    }

    @Test
    @InjectMojo(goal = "link")
    @Define(name = "worklink.link.skip", value = "true")
    void itsOwnSkipSendsNothingAndNamesItsProperty(LinkMojo mojo) throws Exception {
        skippedBy(mojo, "link", "worklink.link.skip");
    }

    @Test
    @InjectMojo(goal = "link")
    @Define(name = "worklink.skip", value = "true")
    void worklinkSkipSendsNothing(LinkMojo mojo) throws Exception {
        skippedBy(mojo, "link", "worklink.skip");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"retries, -1", "connectTimeout, 0", "connectTimeout, -5", "timeout, 0", "retryBackoff, -1", "endpoint, file:///tmp/x"})
    @InjectMojo(goal = "link")
    void aSharedParameterOutOfBoundsFailsBeforeAnyCall(String parameter, String value, LinkMojo mojo) throws Exception {
        sharedParameterFailsBeforeAnyCall(mojo, parameter, value, "worklink." + parameter);
    }

    @Test
    @InjectMojo(goal = "link")
    void offlineFailsBeforeAnyCall(LinkMojo mojo) {
        request.setOffline(true);

        failsBeforeAnyCall(mojo, "worklink:link needs the network, but Maven is offline (-o)");
    }

    @Test
    @InjectMojo(goal = "link")
    @MojoParameter(name = "dryRun", value = "true")
    void offlineDryRunSendsNothingAndWritesTheReport(LinkMojo mojo) throws Exception {
        request.setOffline(true);

        mojo.execute();

        assertThat(received()).isEmpty();
        assertThat(report(defaultReport("link")).path("dryRun").asBoolean()).isTrue();
        assertThat(log.infos()).anyMatch(l -> l.startsWith("[dry run] 2 work item(s) would be linked to plan " + PLAN));
    }

    @Test
    @InjectMojo(goal = "link")
    @MojoParameter(name = "failOnError", value = "false")
    void failOnErrorFalseWarnsAndTheBuildGoesOn(LinkMojo mojo) throws Exception {
        sandbox.misbehave(Misbehaviour.status(500, 10).forPath("/issue"));

        mojo.execute();

        assertThat(links()).extracting(RecordedRequest::status).contains(500);
        assertThat(log.warnings()).contains("failOnError=false: the build goes on.");
        assertThat(report(defaultReport("link")).path("outcome").asText()).isEqualTo("failed");
    }

    @Test
    @InjectMojo(goal = "link")
    void aRefusal4xxIsTheUsersToFix(LinkMojo mojo) {
        sandbox.misbehave(Misbehaviour.status(400, 10).forPath("/issue"));

        assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoFailureException.class);
        assertThat(links()).extracting(RecordedRequest::status).contains(400);
    }

    @Test
    @InjectMojo(goal = "link")
    void aServerError5xxIsAnExecutionFailure(LinkMojo mojo) {
        sandbox.misbehave(Misbehaviour.status(500, 10).forPath("/issue"));

        assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoExecutionException.class);
        assertThat(links()).extracting(RecordedRequest::status).contains(500);
    }

    @Test
    @InjectMojo(goal = "link")
    void aServerPasswordThatCannotBeDecryptedFailsNamingTheServerNeverTheSecret(LinkMojo mojo) {
        replaceServer(server("codearts", null, ENCRYPTED, config("auth", "token")));
        decryption = failingOn(ENCRYPTED);

        failsBeforeAnyCall(mojo, "Could not decrypt the password of the server 'codearts' in settings.xml");
        assertThatThrownBy(mojo::execute).message().doesNotContain(ENCRYPTED);
        assertThat(log.lines).noneMatch(l -> l.contains(ENCRYPTED));
    }
}
