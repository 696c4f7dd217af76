package dev.worklink.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worklink.sandbox.Misbehaviour;
import dev.worklink.sandbox.RecordedPart;
import dev.worklink.sandbox.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * worklink:attach as the harness configures it from its descriptor: skip (and the attachAtEnd mark a skipped module
 * leaves), the shared checks, offline and dry run, failOnError and the 4xx/5xx split, the report paths, the default
 * server, and which files it collects. Every call goes to the sandbox, which says what it received.
 */
@MojoTest
@MojoParameter(name = "endpoint", value = "${sandbox.url}")
@MojoParameter(name = "projectId", value = GoalHarness.CODEARTS_PROJECT)
@MojoParameter(name = "issueIds", value = GoalHarness.ISSUE)
@MojoParameter(name = "retries", value = "0")
@MojoParameter(name = "retryBackoff", value = "0")
class AttachGoalTest extends GoalHarness {

    private List<String> uploaded() {
        List<String> names = new ArrayList<>();
        for (RecordedRequest r : received()) {
            if (r.method().equals("POST") && r.path().endsWith("/attachments/upload")) {
                r.parts().stream().map(RecordedPart::fileName).forEach(names::add);
            }
        }
        return names;
    }

    private Path file(String name, int bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
        return file;
    }

    /** The main module as a jar module: its main artifact, and attached artifacts with these classifiers. */
    private void jarModule(boolean mainBuilt, String... classifiers) throws Exception {
        MavenProject module = mainModule();
        module.getModel().setPackaging("jar");
        module.setArtifact(artifact(null, "demo-1.0.jar", mainBuilt));
        for (String classifier : classifiers) {
            module.addAttachedArtifact(artifact(classifier, "demo-1.0-" + classifier + ".jar", true));
        }
    }

    private Artifact artifact(String classifier, String fileName, boolean built) throws Exception {
        DefaultArtifact a = new DefaultArtifact("it.worklink", "demo", "1.0", "compile", "jar", classifier, new DefaultArtifactHandler("jar"));
        Path file = dir.resolve("target").resolve(fileName);
        if (built) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, fileName);
        }
        a.setFile(file.toFile());
        return a;
    }

    // ---- the call itself, against which the other tests stand

    @Test
    @InjectMojo(goal = "attach")
    @MojoParameter(name = "files", value = "notes.txt")
    void uploadsTheFilesWithTheDefaultServersTokenAndWritesTheDefaultReport(AttachMojo mojo) throws Exception {
        file("notes.txt", 14);

        mojo.execute();

        assertThat(uploaded()).containsExactly("notes.txt");
        assertThat(received()).filteredOn(r -> r.path().endsWith("/attachments/upload")).extracting(RecordedRequest::authenticatedAs)
                .containsExactly("token:ready");
        JsonNode report = report(defaultReport("attach"));
        assertThat(report.path("outcome").asText()).isEqualTo("success");
        assertThat(report.path("items").get(0).path("file").asText()).isEqualTo("notes.txt");
    }

    // ---- skip

    @Test
    @InjectMojo(goal = "attach")
    @MojoParameter(name = "files", value = "notes.txt")
    @Define(name = "worklink.skip", value = "true")
    void worklinkSkipSendsNothingAndWritesNoReport(AttachMojo mojo) throws Exception {
        file("notes.txt", 14);

        skippedBy(mojo, "attach", "worklink.skip");
    }

    @Test
    @InjectMojo(goal = "attach")
    @MojoParameter(name = "files", value = "notes.txt")
    @Define(name = "worklink.attach.skip", value = "true")
    void itsOwnSkipSendsNothingAndNamesItsProperty(AttachMojo mojo) throws Exception {
        file("notes.txt", 14);

        skippedBy(mojo, "attach", "worklink.attach.skip");
    }

    /**
     * Two modules run attach (it is named on the command line): the first waits with attachAtEnd; the second is skipped,
     * and its mark makes it the last participant, so the waiting files go up then, to the first module's own report.
     * Without the mark the files would wait for a module that never says it is done.
     */
    @Test
    @Define(name = "worklink.attachAtEnd", value = "true")
    void aSkippedModuleStillMarksItselfSoTheWaitingFilesAreUploadedToTheirOwnReport(
            @InjectMojo(goal = "attach") @MojoParameter(name = "files", value = "notes.txt") AttachMojo first,
            @InjectMojo(goal = "attach") @MojoParameter(name = "skip", value = "true") AttachMojo second) throws Exception {
        file("notes.txt", 14);
        MavenProject other = module("other", "pom", dir.resolve("other"));
        mavenSession().setProjects(List.of(mainModule(), other));
        request.setGoals(List.of("worklink:attach"));
        set(second, "project", other);

        first.execute();
        assertThat(received()).as("attachAtEnd: nothing before the last module").isEmpty();
        assertThat(log.infos()).contains("attachAtEnd: demo's files wait for the last module of the build.");

        second.execute();

        assertThat(uploaded()).containsExactly("notes.txt");
        assertThat(report(defaultReport("attach")).path("items").get(0).path("file").asText()).isEqualTo("notes.txt");
        assertThat(dir.resolve("other/target/worklink/attach.json")).doesNotExist();
    }

    // ---- the checks every goal shares

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"retries, -1", "connectTimeout, 0", "timeout, 0", "retryBackoff, -1", "endpoint, ftp://example.invalid/"})
    @InjectMojo(goal = "attach")
    @MojoParameter(name = "files", value = "notes.txt")
    void aSharedParameterOutOfBoundsFailsBeforeAnyCall(String parameter, String value, AttachMojo mojo) throws Exception {
        file("notes.txt", 14);
        sharedParameterFailsBeforeAnyCall(mojo, parameter, value, "worklink." + parameter);
    }

    // ---- offline and dry run

    @Test
    @InjectMojo(goal = "attach")
    @MojoParameter(name = "files", value = "notes.txt")
    void offlineFailsBeforeAnyCall(AttachMojo mojo) throws Exception {
        file("notes.txt", 14);
        request.setOffline(true);

        failsBeforeAnyCall(mojo, "Maven is offline (-o)", "worklink.dryRun=true");
    }

    @Test
    @InjectMojo(goal = "attach")
    @MojoParameter(name = "files", value = "notes.txt")
    @Define(name = "worklink.dryRun", value = "true")
    void offlineDryRunSendsNothingAndWritesTheReport(AttachMojo mojo) throws Exception {
        file("notes.txt", 14);
        request.setOffline(true);

        mojo.execute();

        assertThat(received()).isEmpty();
        JsonNode report = report(defaultReport("attach"));
        assertThat(report.path("dryRun").asBoolean()).isTrue();
        assertThat(report.path("items").get(0).path("file").asText()).isEqualTo("notes.txt");
    }

    // ---- failOnError and the 4xx / other split

    @Test
    @InjectMojo(goal = "attach")
    @MojoParameter(name = "files", value = "notes.txt")
    @MojoParameter(name = "failOnError", value = "false")
    void failOnErrorFalseWarnsAndTheBuildGoesOn(AttachMojo mojo) throws Exception {
        file("notes.txt", 14);
        sandbox.misbehave(Misbehaviour.status(500, 10).forPath("/attachments/upload"));

        mojo.execute();

        assertThat(received()).extracting(RecordedRequest::status).contains(500);
        assertThat(log.warnings()).contains("failOnError=false: the build goes on.");
        assertThat(report(defaultReport("attach")).path("outcome").asText()).isEqualTo("failed");
    }

    @Test
    @InjectMojo(goal = "attach")
    @MojoParameter(name = "files", value = "notes.txt")
    void aRefusal4xxIsTheUsersToFix(AttachMojo mojo) throws Exception {
        file("notes.txt", 14);
        sandbox.misbehave(Misbehaviour.status(403, 10).forPath("/attachments/upload"));

        assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoFailureException.class);
        assertThat(received()).extracting(RecordedRequest::status).contains(403);
    }

    @Test
    @InjectMojo(goal = "attach")
    @MojoParameter(name = "files", value = "notes.txt")
    void aServerError5xxIsAnExecutionFailure(AttachMojo mojo) throws Exception {
        file("notes.txt", 14);
        sandbox.misbehave(Misbehaviour.status(502, 10).forPath("/attachments/upload"));

        assertThatThrownBy(mojo::execute).isExactlyInstanceOf(MojoExecutionException.class);
        assertThat(received()).extracting(RecordedRequest::status).contains(502);
        assertThat(log.warnings()).doesNotContain("failOnError=false: the build goes on.");
    }

    // ---- files

    @Test
    @InjectMojo(goal = "attach")
    void aPomModuleHasNoMainArtifactAndThatIsNoError(AttachMojo mojo) throws Exception {
        mojo.execute();

        assertThat(uploaded()).isEmpty();
        assertThat(log.infos()).anyMatch(l -> l.startsWith("demo: nothing to attach"));
        assertThat(report(defaultReport("attach")).path("items")).isEmpty();
    }

    @Test
    @InjectMojo(goal = "attach")
    void aJarModuleWhoseMainArtifactWasNotBuiltFailsNamingMainArtifact(AttachMojo mojo) throws Exception {
        jarModule(false);

        failsBeforeAnyCall(mojo, "parameter mainArtifact (worklink.mainArtifact)", "has not been built (packaging jar)");
    }

    @Test
    @InjectMojo(goal = "attach")
    @MojoParameter(name = "classifiers", value = "javadoc")
    void classifiersChooseTheAttachedArtifacts(AttachMojo mojo) throws Exception {
        jarModule(true, "sources", "javadoc");

        mojo.execute();

        assertThat(uploaded()).containsExactlyInAnyOrder("demo-1.0.jar", "demo-1.0-javadoc.jar");
    }

    @Test
    @InjectMojo(goal = "attach")
    @MojoParameter(name = "files", value = "target/demo-1.0.jar,notes.txt,*.txt")
    void aFileNamedTwiceIsUploadedOnce(AttachMojo mojo) throws Exception {
        jarModule(true);
        file("notes.txt", 14);

        mojo.execute();

        assertThat(uploaded()).containsExactlyInAnyOrder("demo-1.0.jar", "notes.txt");
    }

    @Test
    @InjectMojo(goal = "attach")
    @MojoParameter(name = "files", value = "exact.bin")
    @MojoParameter(name = "maxFileSize", value = "1KB")
    void aFileOfExactlyMaxFileSizeIsUploaded(AttachMojo mojo) throws Exception {
        file("exact.bin", 1024);

        mojo.execute();

        assertThat(uploaded()).containsExactly("exact.bin");
    }

    @Test
    @InjectMojo(goal = "attach")
    @MojoParameter(name = "files", value = "notes.txt,over.bin")
    @MojoParameter(name = "maxFileSize", value = "1KB")
    void aFileOneByteOverMaxFileSizeFailsBeforeAnyCall(AttachMojo mojo) throws Exception {
        file("notes.txt", 14);
        file("over.bin", 1025);

        failsBeforeAnyCall(mojo, "parameter maxFileSize (worklink.maxFileSize) = '1KB'", "over.bin is 1025 bytes");
    }
}
