package dev.worklink.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklink.sandbox.RecordedRequest;
import dev.worklink.sandbox.Sandbox;
import dev.worklink.sandbox.SandboxCredentials;
import dev.worklink.sandbox.SandboxOptions;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.execution.AbstractExecutionListener;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds one after another in one JVM, as a Maven daemon (mvnd) runs them: each build is a Maven session of its own,
 * with its own request, settings.xml servers and session-scoped {@link WorklinkBuild}; the plugin's classes stay loaded
 * across builds, as in mvnd's cached plugin realm. The mojos are configured as Maven configures them (their parameter
 * fields) and the end of each build is the {@code sessionEnded} event Maven fires through the request's listener.
 * The sandbox's record says which credentials each call carried.
 */
class TwoBuildsInOneJvmTest {

    private static final String PROJECT = "5192de5eb435430c8cd41c6ae6028848";
    private static final String PLAN = "f29c3f16d5f54cbab5e167ef9eed3baf";

    @TempDir
    Path dir;

    private Sandbox sandbox;
    private Set<Thread> before;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        before = Thread.getAllStackTraces().keySet();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void eachBuildUsesItsOwnCredentialsAndLeavesNoThreadBehind() throws Exception {
        // build 1: IAM password mode; the token is fetched from IAM
        Finished first = build("first", passwordServer(SandboxCredentials.IAM_PASSWORD));
        assertThat(sandbox.iamCalls()).isEqualTo(1);
        assertThat(linkCalls()).extracting(RecordedRequest::authenticatedAs).containsExactly("token:" + SandboxCredentials.IAM_USER);
        assertThat(first.scopeClosed()).isTrue();

        // build 2: the same server id now holds AK/SK; nothing of build 1 (its token) is used
        Finished second = build("second", akSkServer());
        assertThat(sandbox.iamCalls()).isEqualTo(1);
        assertThat(linkCalls()).extracting(RecordedRequest::authenticatedAs)
                .containsExactly("token:" + SandboxCredentials.IAM_USER, "aksk:" + SandboxCredentials.ACCESS_KEY);
        assertThat(second.scopeClosed()).isTrue();

        // build 3: a wrong password is refused by IAM: no token of build 1 is handed on, and the refusal is this build's own
        Finished third = build("third", passwordServer("not-the-password"));
        assertThat(third.failure()).isNotNull();
        assertThat(sandbox.iamCalls()).isEqualTo(2);
        assertThat(linkCalls()).hasSize(2);

        // build 4: the right password again: IAM is asked afresh (build 3's refusal and build 1's token are gone)
        build("fourth", passwordServer(SandboxCredentials.IAM_PASSWORD));
        assertThat(sandbox.iamCalls()).isEqualTo(3);
        assertThat(linkCalls()).extracting(RecordedRequest::authenticatedAs).containsExactly(
                "token:" + SandboxCredentials.IAM_USER, "aksk:" + SandboxCredentials.ACCESS_KEY, "token:" + SandboxCredentials.IAM_USER);
        assertThat(sandbox.issuedTokens()).hasSize(2).doesNotHaveDuplicates();

        assertThat(pluginThreadsLeft()).as("threads the builds started that are still alive").isEmpty();
    }

    // ---- one build

    private record Finished(boolean scopeClosed, Exception failure) {}

    private Finished build(String name, Server server) throws Exception {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setServers(new ArrayList<>(List.of(server)));
        request.setExecutionListener(new AbstractExecutionListener());
        request.setGoals(List.of("deploy"));
        @SuppressWarnings("deprecation")
        MavenSession session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
        MavenProject project = project(name);
        session.setProjects(List.of(project));
        session.setCurrentProject(project);

        // what Maven's session scope does: one WorklinkBuild per session, injected into every mojo of the build
        WorklinkBuild worklinkBuild = new WorklinkBuild(session);
        LinkMojo link = new LinkMojo();
        configure(link, session, project, worklinkBuild);
        Exception failure = null;
        try {
            link.execute();
        } catch (Exception e) {
            failure = e;
        }
        request.getExecutionListener().sessionEnded(event(session));
        return new Finished(worklinkBuild.scope().isClosed(), failure);
    }

    private MavenProject project(String name) {
        Model model = new Model();
        model.setGroupId("it.worklink");
        model.setArtifactId(name);
        model.setVersion("1.0");
        Build build = new Build();
        build.setDirectory(dir.resolve(name).resolve("target").toString());
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.setFile(dir.resolve(name).resolve("pom.xml").toFile());
        return project;
    }

    /** The parameters as Maven would set them from the POM and the defaults. */
    private void configure(LinkMojo mojo, MavenSession session, MavenProject project, WorklinkBuild worklinkBuild) throws Exception {
        set(mojo, "session", session);
        set(mojo, "project", project);
        set(mojo, "build", worklinkBuild);
        set(mojo, "settingsDecrypter", (SettingsDecrypter) r -> new SettingsDecryptionResult() {
            // settings.xml in clear text: nothing to decrypt
            @Override public Server getServer() { return r.getServers().isEmpty() ? null : r.getServers().get(0); }
            @Override public List<Server> getServers() { return r.getServers(); }
            @Override public org.apache.maven.settings.Proxy getProxy() { return r.getProxies().isEmpty() ? null : r.getProxies().get(0); }
            @Override public List<org.apache.maven.settings.Proxy> getProxies() { return r.getProxies(); }
            @Override public List<SettingsProblem> getProblems() { return List.of(); }
        });
        set(mojo, "endpoint", sandbox.url());
        set(mojo, "failOnError", true);
        set(mojo, "retries", 0);
        set(mojo, "retryBackoff", 0L);
        set(mojo, "connectTimeout", 10);
        set(mojo, "timeout", 30);
        set(mojo, "projectId", PROJECT);
        set(mojo, "planId", PLAN);
        set(mojo, "workItems", java.util.List.of("1001", "1002"));
    }

    private Server passwordServer(String password) {
        Server server = server();
        server.setUsername(SandboxCredentials.IAM_USER);
        server.setPassword(password);
        Xpp3Dom configuration = (Xpp3Dom) server.getConfiguration();
        child(configuration, "domain", SandboxCredentials.IAM_DOMAIN);
        child(configuration, "iamEndpoint", sandbox.url());
        return server;
    }

    private Server akSkServer() {
        Server server = server();
        server.setUsername(SandboxCredentials.ACCESS_KEY);
        server.setPassword(SandboxCredentials.SECRET_KEY);
        child((Xpp3Dom) server.getConfiguration(), "auth", "aksk");
        // X-Project-Id is looked up from the sandbox's IAM (signed with the keys), as the SDK's BasicCredentials does
        child((Xpp3Dom) server.getConfiguration(), "iamEndpoint", sandbox.url());
        return server;
    }

    private static Server server() {
        Server server = new Server();
        server.setId("codearts");
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        child(configuration, "region", "cn-north-4");
        server.setConfiguration(configuration);
        return server;
    }

    private static void child(Xpp3Dom parent, String name, String value) {
        Xpp3Dom child = new Xpp3Dom(name);
        child.setValue(value);
        parent.addChild(child);
    }

    private static ExecutionEvent event(MavenSession session) {
        return new ExecutionEvent() {
            @Override public Type getType() { return Type.SessionEnded; }
            @Override public MavenSession getSession() { return session; }
            @Override public MavenProject getProject() { return null; }
            @Override public MojoExecution getMojoExecution() { return null; }
            @Override public Exception getException() { return null; }
        };
    }

    private static void set(Object target, String field, Object value) throws Exception {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(field);
                f.setAccessible(true);
                f.set(target, value);
                return;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(field);
    }

    // ---- what is left

    private List<RecordedRequest> linkCalls() {
        return sandbox.records().stream().filter(r -> r.path().endsWith("/" + PLAN + "/issue")).toList();
    }

    /**
     * Threads started since the sandbox was up that are still alive, the sandbox's own workers aside. A thread that is
     * ending is waited for (joined), not slept on.
     */
    private List<String> pluginThreadsLeft() throws InterruptedException {
        List<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && !t.getName().startsWith("worklink-sandbox-")).collect(Collectors.toList());
        for (Thread t : started) {
            t.join(10_000);
        }
        return started.stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }
}
