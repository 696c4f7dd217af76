package dev.worklink.mojo;

import dev.worklink.http.BuildScope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.BuildFailure;
import org.apache.maven.execution.BuildSummary;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * attachAtEnd, as maven-deploy-plugin 3.x does deployAtEnd (DeployMojo, tag maven-deploy-plugin-3.1.3: every
 * execution puts its state — skipped, deployed, to be deployed — whatever deployAtEnd says, and
 * {@code getAllProjectsUsingPlugin} counts only the modules with an execution of the goal bound to a phase other than
 * {@code none}), and as Sonatype's publishing plugins refuse to publish once the session holds failures
 * ({@code session.getResult().hasExceptions()}).
 *
 * <p>One per build, kept in the build's {@link BuildScope}. Every module's attach marks itself: it skipped, it
 * attached at once, or its files wait. The participant that completes the marks uploads the waiting files of every
 * module — unless a module of the build failed (or never got to attach, as under {@code -fae} a module that depends on
 * a failed one): then nothing is uploaded, and a warning names the modules whose files were held back and why. The
 * marks and the decision happen under one lock, so under {@code -T} exactly one module decides.
 */
final class AttachAtEnd {

    /** What a module's attach did. */
    enum State {
        /** worklink.skip: nothing to upload. */
        SKIPPED,
        /** attachAtEnd=false: uploaded at once. */
        ATTACHED,
        /** attachAtEnd=false and its own upload failed the module. */
        FAILED,
        /** attachAtEnd=true: its files wait for the last participant. */
        WAITING
    }

    /** What the module that just marked itself must do. */
    record Decision(Kind kind, List<PendingAttach> pending, String why) {
        enum Kind {
            /** Other participants have not marked themselves yet. */
            WAIT,
            /** This is the last participant: upload {@link #pending} (it may be empty). */
            UPLOAD,
            /** This is the last participant, but the build has failures: {@link #pending} is held back, for {@link #why}. */
            HOLD_BACK,
            /** Another module decided already. */
            DECIDED
        }
    }

    private record Mark(State state, PendingAttach pending) {}

    private final String pluginKey;
    private final String goalPrefix;
    private final Map<String, Mark> marks = new LinkedHashMap<>();
    private final Set<String> skipped = new HashSet<>();
    private final Set<String> failedModules = new HashSet<>();
    private boolean decided;
    private Log log;

    private AttachAtEnd(String pluginGroupId, String pluginArtifactId, String goalPrefix) {
        this.pluginKey = pluginGroupId + ":" + pluginArtifactId;
        this.goalPrefix = goalPrefix;
    }

    /** The build's attachAtEnd book. */
    static AttachAtEnd of(BuildScope build, String pluginGroupId, String pluginArtifactId, String goalPrefix) {
        return build.shared(AttachAtEnd.class, AttachAtEnd.class, () -> new AttachAtEnd(pluginGroupId, pluginArtifactId, goalPrefix));
    }

    /** The build's book when a module has marked itself already, else null. */
    static AttachAtEnd existing(BuildScope build) {
        return build.find(AttachAtEnd.class, AttachAtEnd.class);
    }

    /**
     * Marks the module and decides whether it is the last participant.
     *
     * @param pending the module's checked files ({@link State#WAITING} only)
     * @param log     where later warnings go (the held-back notice when a module fails after this one)
     */
    synchronized Decision mark(MavenSession session, MavenProject project, State state, PendingAttach pending, Log log) {
        marks.put(key(project), new Mark(state, pending));
        this.log = log;
        return decide(session);
    }

    /**
     * Maven skipped a module (it depends on a failed one, or the build stopped): it runs nothing, attach included.
     * When it was the participant the others waited for, decide now; with a failure in the build that can only mean
     * holding the waiting files back, which is said as a warning.
     */
    synchronized void projectSkipped(MavenSession session, MavenProject project) {
        skipped.add(key(project));
        projectEnded(session);
    }

    /** A module failed (a build event): as {@link #projectSkipped}. */
    synchronized void projectFailed(MavenSession session, MavenProject project) {
        failedModules.add(key(project));
        projectEnded(session);
    }

    private void projectEnded(MavenSession session) {
        if (decided || log == null) {
            return;
        }
        Decision d = decide(session);
        if (d.kind() == Decision.Kind.HOLD_BACK) {
            warnHeldBack(log, d);
        }
    }

    /**
     * The build ends: if files still wait (a participant never ran attach, e.g. the lifecycle stopped before the phase
     * it is bound to), say which were never uploaded. Nothing waits silently.
     */
    synchronized void sessionEnded() {
        if (decided || log == null) {
            return;
        }
        List<PendingAttach> waiting = waiting();
        decided = true;
        if (!waiting.isEmpty()) {
            warnHeldBack(log, new Decision(Decision.Kind.HOLD_BACK, waiting,
                    "the build ended before every module with a worklink:attach execution had run it"));
        }
    }

    static void warnHeldBack(Log log, Decision d) {
        if (d.pending().isEmpty()) {
            log.warn("attachAtEnd: nothing was uploaded: " + d.why() + ".");
            return;
        }
        StringBuilder sb = new StringBuilder("attachAtEnd: the files of ").append(d.pending().size())
                .append(" module(s) were held back and NOT uploaded, because ").append(d.why()).append(':');
        for (PendingAttach p : d.pending()) {
            sb.append("\n  - ").append(p.module()).append(": ").append(p.plan().files().size()).append(" file(s)");
        }
        sb.append("\nFix the failure and build again (see docs: attach-at-end, for -rf and -pl).");
        log.warn(sb.toString());
    }

    private Decision decide(MavenSession session) {
        if (decided) {
            return new Decision(Decision.Kind.DECIDED, List.of(), null);
        }
        List<String> failed = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        for (MavenProject p : session.getProjects()) {
            Mark mark = marks.get(key(p));
            if (mark != null) {
                if (mark.state() == State.FAILED) {
                    failed.add(p.getArtifactId());
                }
                continue;
            }
            BuildSummary summary = session.getResult() == null ? null : session.getResult().getBuildSummary(p);
            if (summary instanceof BuildFailure || failedModules.contains(key(p))) {
                failed.add(p.getArtifactId());
            } else if (participates(session, p)) {
                if (summary == null && !skipped.contains(key(p))) {
                    return new Decision(Decision.Kind.WAIT, List.of(), null);
                }
                notRun.add(p.getArtifactId());
            }
        }
        decided = true;
        List<PendingAttach> waiting = waiting();
        boolean failures = session.getResult() != null && session.getResult().hasExceptions();
        if (!failed.isEmpty() || failures || !notRun.isEmpty()) {
            String why = !failed.isEmpty() ? "module(s) " + String.join(", ", failed) + " failed"
                    : failures ? "the build has failures" : "module(s) " + String.join(", ", notRun) + " did not get to run worklink:attach";
            return new Decision(Decision.Kind.HOLD_BACK, waiting, why + " (a partial upload would leave the work items with some "
                    + "modules' files and not others)");
        }
        return new Decision(Decision.Kind.UPLOAD, waiting, null);
    }

    private List<PendingAttach> waiting() {
        List<PendingAttach> result = new ArrayList<>();
        for (Mark m : marks.values()) {
            if (m.state() == State.WAITING && m.pending() != null) {
                result.add(m.pending());
            }
        }
        return result;
    }

    /**
     * Whether the module takes part: it has an execution of attach bound to a phase other than {@code none} (an
     * execution without a phase runs in attach's default phase), or attach was named on the command line.
     */
    boolean participates(MavenSession session, MavenProject project) {
        if (namedOnCommandLine(session)) {
            return true;
        }
        Plugin plugin = project.getPlugin(pluginKey);
        if (plugin == null) {
            return false;
        }
        for (PluginExecution execution : plugin.getExecutions()) {
            if (execution.getGoals().contains("attach") && !"none".equalsIgnoreCase(execution.getPhase())) {
                return true;
            }
        }
        return false;
    }

    private boolean namedOnCommandLine(MavenSession session) {
        for (String goal : session.getGoals()) {
            String g = goal.contains("@") ? goal.substring(0, goal.indexOf('@')) : goal;
            String[] parts = g.split(":");
            if (parts.length < 2 || !"attach".equals(parts[parts.length - 1])) {
                continue;
            }
            if (parts.length == 2 && parts[0].equals(goalPrefix)) {
                return true;
            }
            if (parts.length >= 3 && pluginKey.equals(parts[0] + ":" + parts[1])) {
                return true;
            }
        }
        return false;
    }

    private static String key(MavenProject p) {
        return p.getGroupId() + ":" + p.getArtifactId() + ":" + p.getVersion();
    }
}
