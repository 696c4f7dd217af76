package dev.worklink.mojo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * attachAtEnd, as maven-deploy-plugin's deployAtEnd: every module marks itself in its plugin context (even when it
 * skips), and the module that finds every other one marked uploads for all. The check and the claim happen under
 * one lock, so under {@code -T} exactly one module uploads.
 */
final class AttachAtEnd {

    private static final String STATE = AttachAtEnd.class.getName() + ".state";
    private static final String CLAIMED = AttachAtEnd.class.getName() + ".claimed";
    private static final Object SKIPPED = new Object();
    private static final Object LOCK = new Object();

    private AttachAtEnd() {}

    /** Marks the module; returns every module's pending attachments when this is the last, else null. */
    static List<PendingAttach> mark(MavenSession session, PluginDescriptor plugin, MavenProject project, PendingAttach pending) {
        return markAndCheck(session, plugin, project, pending);
    }

    static List<PendingAttach> markSkipped(MavenSession session, PluginDescriptor plugin, MavenProject project) {
        return markAndCheck(session, plugin, project, SKIPPED);
    }

    private static List<PendingAttach> markAndCheck(MavenSession session, PluginDescriptor plugin, MavenProject project, Object state) {
        synchronized (LOCK) {
            session.getPluginContext(plugin, project).put(STATE, state);
            List<PendingAttach> all = new ArrayList<>();
            for (MavenProject p : session.getProjects()) {
                if (!runsAttach(session, plugin, p)) {
                    continue;
                }
                Object s = session.getPluginContext(plugin, p).get(STATE);
                if (s == null) {
                    return null;
                }
                if (s instanceof PendingAttach pa) {
                    all.add(pa);
                }
            }
            Map<String, Object> rootContext = session.getPluginContext(plugin, session.getProjects().get(0));
            if (rootContext.putIfAbsent(CLAIMED, Boolean.TRUE) != null) {
                return null;
            }
            return all;
        }
    }

    /** Whether a module will run attach: it declares this plugin, or the goal was named on the command line. */
    private static boolean runsAttach(MavenSession session, PluginDescriptor plugin, MavenProject project) {
        for (String goal : session.getGoals()) {
            if (goal.endsWith(":attach") && (goal.startsWith(plugin.getGoalPrefix() + ":") || goal.contains(plugin.getArtifactId()))) {
                return true;
            }
        }
        for (Plugin p : project.getBuildPlugins()) {
            if (plugin.getGroupId().equals(p.getGroupId()) && plugin.getArtifactId().equals(p.getArtifactId())) {
                return true;
            }
        }
        return false;
    }
}
