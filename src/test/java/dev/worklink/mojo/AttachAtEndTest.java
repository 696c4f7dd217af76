package dev.worklink.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklink.codearts.AttachmentPublisher;
import dev.worklink.codearts.ProjectType;
import dev.worklink.http.BuildScope;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.BuildFailure;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** Who takes part, who decides, and what is held back: the reactor's modules as Maven gives them to the mojo. */
class AttachAtEndTest {

    private final List<String> warnings = new ArrayList<>();
    private final SystemStreamLog log = new SystemStreamLog() {
        @Override
        public void warn(CharSequence content) {
            warnings.add(content.toString());
        }
    };
    private final MavenExecutionResult result = new DefaultMavenExecutionResult();
    private final AttachAtEnd book = AttachAtEnd.of(new BuildScope(), "dev.worklink", "worklink-maven-plugin", "worklink");

    @Test
    void aModuleWhoseExecutionIsAtPhaseNoneIsNotWaitedFor() {
        MavenProject a = module("a", null);
        MavenProject b = module("b", "none");
        MavenProject c = module("c", "deploy");
        MavenSession session = session(a, b, c);

        assertThat(book.mark(session, a, AttachAtEnd.State.WAITING, pending("a"), log).kind()).isEqualTo(AttachAtEnd.Decision.Kind.WAIT);
        AttachAtEnd.Decision last = book.mark(session, c, AttachAtEnd.State.WAITING, pending("c"), log);

        assertThat(last.kind()).isEqualTo(AttachAtEnd.Decision.Kind.UPLOAD);
        assertThat(last.pending()).extracting(PendingAttach::module).containsExactly("a", "c");
    }

    @Test
    void aModuleThatAttachedAtOnceOrSkippedStillCompletesTheListAndUploadsTheOthers() {
        MavenProject a = module("a", null);
        MavenProject b = module("b", null);
        MavenProject c = module("c", null);
        MavenSession session = session(a, b, c);

        book.mark(session, a, AttachAtEnd.State.WAITING, pending("a"), log);
        book.mark(session, b, AttachAtEnd.State.SKIPPED, null, log);
        AttachAtEnd.Decision last = book.mark(session, c, AttachAtEnd.State.ATTACHED, null, log);

        assertThat(last.kind()).isEqualTo(AttachAtEnd.Decision.Kind.UPLOAD);
        assertThat(last.pending()).extracting(PendingAttach::module).containsExactly("a");
        assertThat(book.mark(session, c, AttachAtEnd.State.ATTACHED, null, log).kind()).isEqualTo(AttachAtEnd.Decision.Kind.DECIDED);
    }

    @Test
    void aFailedModuleHoldsEverythingBackAndIsNamed() {
        MavenProject a = module("a", null);
        MavenProject b = module("b", null);
        MavenProject c = module("c", null);
        MavenSession session = session(a, b, c);
        book.mark(session, a, AttachAtEnd.State.WAITING, pending("a"), log);
        result.addException(new IllegalStateException("compilation failed"));
        result.addBuildSummary(new BuildFailure(b, 1, new IllegalStateException("compilation failed")));

        AttachAtEnd.Decision last = book.mark(session, c, AttachAtEnd.State.WAITING, pending("c"), log);

        assertThat(last.kind()).isEqualTo(AttachAtEnd.Decision.Kind.HOLD_BACK);
        assertThat(last.pending()).extracting(PendingAttach::module).containsExactly("a", "c");
        assertThat(last.why()).startsWith("module(s) b failed");
    }

    @Test
    void whenTheLastParticipantIsSkippedByMavenTheWarningComesWithTheSkip() {
        MavenProject a = module("a", null);
        MavenProject b = module("b", null);
        MavenProject c = module("c", null);
        MavenSession session = session(a, b, c);
        book.mark(session, a, AttachAtEnd.State.WAITING, pending("a"), log);
        result.addException(new IllegalStateException("compilation failed"));
        result.addBuildSummary(new BuildFailure(b, 1, new IllegalStateException("compilation failed")));
        book.projectFailed(session, b);
        assertThat(warnings).isEmpty();

        book.projectSkipped(session, c);

        assertThat(warnings).singleElement().asString()
                .startsWith("attachAtEnd: the files of 1 module(s) were held back and NOT uploaded, because module(s) b failed")
                .contains("\n  - a: 1 file(s)");
    }

    @Test
    void filesStillWaitingWhenTheBuildEndsAreNamed() {
        MavenProject a = module("a", null);
        MavenProject b = module("b", null);
        MavenSession session = session(a, b);
        book.mark(session, a, AttachAtEnd.State.WAITING, pending("a"), log);

        book.sessionEnded();

        assertThat(warnings).singleElement().asString().contains("held back and NOT uploaded, because the build ended before every module")
                .contains("  - a: 1 file(s)");
    }

    @Test
    void attachNamedOnTheCommandLineMakesEveryModuleTakePart() {
        MavenProject a = module("a", null);
        MavenProject plain = new MavenProject(model("plain"));
        MavenSession session = session(a, plain);

        assertThat(book.participates(session, plain)).isFalse();
        session.getRequest().setGoals(List.of("worklink:attach@release"));
        assertThat(book.participates(session, plain)).isTrue();
        session.getRequest().setGoals(List.of("dev.worklink:worklink-maven-plugin:0.2.0:attach"));
        assertThat(book.participates(session, plain)).isTrue();
        session.getRequest().setGoals(List.of("worklink:link", "other:attach"));
        assertThat(book.participates(session, plain)).isFalse();
    }

    // ---- a reactor

    private MavenSession session(MavenProject... projects) {
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setGoals(List.of("deploy"));
        @SuppressWarnings("deprecation")
        MavenSession session = new MavenSession(null, null, request, result);
        session.setProjects(List.of(projects));
        return session;
    }

    /** A module with an attach execution at this phase (null: the goal's default). */
    private static MavenProject module(String name, String phase) {
        Model model = model(name);
        Plugin plugin = new Plugin();
        plugin.setGroupId("dev.worklink");
        plugin.setArtifactId("worklink-maven-plugin");
        PluginExecution execution = new PluginExecution();
        execution.setId("default");
        execution.addGoal("attach");
        execution.setPhase(phase);
        plugin.addExecution(execution);
        model.getBuild().addPlugin(plugin);
        return new MavenProject(model);
    }

    private static Model model(String name) {
        Model model = new Model();
        model.setGroupId("it.worklink");
        model.setArtifactId(name);
        model.setVersion("1.0");
        model.setBuild(new Build());
        return model;
    }

    private static PendingAttach pending(String module) {
        return new PendingAttach(module, URI.create("http://127.0.0.1:1"), null, null,
                new AttachmentPublisher.Plan(ProjectType.IPD, "p", List.of("956239067176935402"), List.of(Path.of(module + ".jar")), true, 1, false),
                true, Path.of(module, "target", "worklink", "attach.json"));
    }
}
