package dev.worklink.mojo;

import dev.worklink.http.BuildScope;
import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.SessionData;

/**
 * The plugin's state for one Maven session (one build): a {@link BuildScope} that every goal and module of the build
 * shares. Maven injects a {@code WorklinkBuild} into each mojo; all of them hand out the one scope the build keeps in its
 * repository session's data, and when the session ends that scope is closed, so a Maven daemon (mvnd), which runs many
 * builds in one JVM, keeps no client, thread or secret of this build.
 *
 * <p>Not {@code @SessionScoped}: Maven before 3.8.5 (MNG-7347) made a session-scoped component once per module anyway,
 * and a container that knows no session scope (the plugin testing harness's) cannot make a scoped one at all. One
 * {@code WorklinkBuild} per mojo costs an empty map; the build's scope is made by the first of them.
 *
 * <p>Maven tells a plugin that the session ended only through the request's {@link ExecutionListener}: the first
 * {@code WorklinkBuild} of a build puts itself in front of the listener the request has (Maven's own event logger,
 * mvnd's) and passes every event on.
 */
@Named
public class WorklinkBuild {

    private static final String SCOPE_KEY = WorklinkBuild.class.getName() + ".scope";

    private final BuildScope scope;

    @Inject
    public WorklinkBuild(MavenSession session) {
        // One WorklinkBuild per mojo: the scope is kept in the repository session's data, which every module's copy
        // of the session shares, so that the build has one scope (one login, one client) and one ClosingListener.
        BuildScope mine = new BuildScope();
        SessionData data = session.getRepositorySession() == null ? null : session.getRepositorySession().getData();
        boolean first = data == null || data.set(SCOPE_KEY, null, mine);
        this.scope = first ? mine : (BuildScope) data.get(SCOPE_KEY);
        MavenExecutionRequest request = session.getRequest();
        if (first && request != null) {
            request.setExecutionListener(new ClosingListener(request.getExecutionListener(), scope));
        }
    }

    /** What this build shares. */
    public BuildScope scope() {
        return scope;
    }

    /** Passes every event on to the listener Maven had, and closes the build's scope when the session ends. */
    static final class ClosingListener implements ExecutionListener {
        private final ExecutionListener next;
        private final BuildScope scope;

        ClosingListener(ExecutionListener next, BuildScope scope) {
            this.next = next;
            this.scope = scope;
        }

        @Override
        public void sessionEnded(ExecutionEvent event) {
            try {
                // before Maven's own listener prints the build's result, so the warning stands above it
                AttachAtEnd atEnd = AttachAtEnd.existing(scope);
                if (atEnd != null) {
                    atEnd.sessionEnded(event.getSession());
                }
            } finally {
                try {
                    if (next != null) {
                        next.sessionEnded(event);
                    }
                } finally {
                    scope.close();
                }
            }
        }

        @Override
        public void projectSkipped(ExecutionEvent e) {
            AttachAtEnd atEnd = AttachAtEnd.existing(scope);
            if (atEnd != null && e.getProject() != null) {
                atEnd.projectSkipped(e.getSession(), e.getProject());
            }
            if (next != null) {
                next.projectSkipped(e);
            }
        }

        @Override
        public void projectFailed(ExecutionEvent e) {
            AttachAtEnd atEnd = AttachAtEnd.existing(scope);
            if (atEnd != null && e.getProject() != null) {
                atEnd.projectFailed(e.getSession(), e.getProject());
            }
            if (next != null) {
                next.projectFailed(e);
            }
        }

        // Every other event only passes through.
        @Override public void projectDiscoveryStarted(ExecutionEvent e) { if (next != null) next.projectDiscoveryStarted(e); }
        @Override public void sessionStarted(ExecutionEvent e) { if (next != null) next.sessionStarted(e); }
        @Override public void projectStarted(ExecutionEvent e) { if (next != null) next.projectStarted(e); }
        @Override public void projectSucceeded(ExecutionEvent e) { if (next != null) next.projectSucceeded(e); }
        @Override public void mojoSkipped(ExecutionEvent e) { if (next != null) next.mojoSkipped(e); }
        @Override public void mojoStarted(ExecutionEvent e) { if (next != null) next.mojoStarted(e); }
        @Override public void mojoSucceeded(ExecutionEvent e) { if (next != null) next.mojoSucceeded(e); }
        @Override public void mojoFailed(ExecutionEvent e) { if (next != null) next.mojoFailed(e); }
        @Override public void forkStarted(ExecutionEvent e) { if (next != null) next.forkStarted(e); }
        @Override public void forkSucceeded(ExecutionEvent e) { if (next != null) next.forkSucceeded(e); }
        @Override public void forkFailed(ExecutionEvent e) { if (next != null) next.forkFailed(e); }
        @Override public void forkedProjectStarted(ExecutionEvent e) { if (next != null) next.forkedProjectStarted(e); }
        @Override public void forkedProjectSucceeded(ExecutionEvent e) { if (next != null) next.forkedProjectSucceeded(e); }
        @Override public void forkedProjectFailed(ExecutionEvent e) { if (next != null) next.forkedProjectFailed(e); }
    }
}
