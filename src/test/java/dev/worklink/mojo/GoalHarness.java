package dev.worklink.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worklink.sandbox.RecordedRequest;
import dev.worklink.sandbox.Sandbox;
import dev.worklink.sandbox.SandboxCredentials;
import dev.worklink.sandbox.SandboxOptions;
import dev.worklink.sandbox.SuperOfficeSandboxCredentials;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the goal tests share: a Maven build of one module (or more) as the plugin testing harness hands it to the mojos
 * it injects ({@code @MojoTest}, {@code @InjectMojo}, {@code @MojoParameter}), and the sandbox the goals call over real
 * HTTP on loopback.
 *
 * <p>The harness configures each mojo from its descriptor (target/classes/META-INF/maven/plugin.xml) through Maven's
 * expression evaluator over the session given here ({@link Provides}): parameter defaults apply, {@code ${project.*}}
 * and {@code -D}-style user properties ({@link #property}) resolve as in a build; {@code ${sandbox.url}} is the sandbox's
 * base URL; {@link Define} on a test sets a user property before its mojos are injected. settings.xml is the
 * request's servers and proxies; its decryption is {@link #decryption}, clear by default.
 * Each test ends its build as Maven does, with {@code sessionEnded} through the request's listener, which must close the
 * build's scope (no client, thread or token left behind).
 */
abstract class GoalHarness {

    static final String CODEARTS_PROJECT = "0123456789abcdef0123456789abcdea";
    static final String ISSUE = "956239067176935410";
    static final String PLAN = "f29c3f16d5f54cbab5e167ef9eed3baf";
    static final String DOMAIN_ID = "ce8df55870164338a72d7e828a966a2a";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Sandbox sandbox;
    final MavenExecutionRequest request = new DefaultMavenExecutionRequest();
    final DefaultRepositorySystemSession repositorySession = new DefaultRepositorySystemSession();
    final RecordingLog log = new RecordingLog();
    /** How settings.xml's secrets are decrypted in this test: as given (clear text) unless a test says otherwise. */
    SettingsDecrypter decryption = GoalHarness::clear;

    private MavenProject project;
    private MavenSession session;

    GoalHarness() {
        request.addServer(server("codearts", null, SandboxCredentials.READY_TOKEN, config("auth", "token")));
        request.addServer(server("superoffice", SuperOfficeSandboxCredentials.USER, SuperOfficeSandboxCredentials.PASSWORD, null));
        request.setGoals(List.of("deploy"));
    }

    // ---- what the harness injects: the build, its log and settings.xml decryption

    @Provides
    MavenSession session() {
        build();
        return session;
    }

    @Provides
    MavenProject project() {
        build();
        return project;
    }

    @Provides
    Log log() {
        return log;
    }

    @Provides
    SettingsDecrypter settingsDecrypter() {
        return r -> decryption.decrypt(r);
    }

    private void build() {
        if (session == null) {
            assertThat(dir).as("@TempDir before the harness asks for the build").isNotNull();
            project = module("demo", "pom", dir);
            session = new MavenSession(null, repositorySession, request, new DefaultMavenExecutionResult());
            session.setProjects(List.of(project));
            session.setCurrentProject(project);
        }
    }

    /** The session every mojo of the test gets. */
    MavenSession mavenSession() {
        build();
        return session;
    }

    /** The module every mojo of the test is configured for: {@code it.worklink:demo:1.0}, packaging pom, in {@link #dir}. */
    MavenProject mainModule() {
        build();
        return project;
    }

    static MavenProject module(String artifactId, String packaging, Path basedir) {
        Model model = new Model();
        model.setGroupId("it.worklink");
        model.setArtifactId(artifactId);
        model.setVersion("1.0");
        model.setPackaging(packaging);
        model.setBuild(new Build());
        model.getBuild().setDirectory(basedir.resolve("target").toString());
        MavenProject module = new MavenProject(model);
        module.setFile(basedir.resolve("pom.xml").toFile());
        return module;
    }

    @BeforeEach
    final void startSandbox(TestInfo test) throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        property("sandbox.url", sandbox.url());
        test.getTestMethod().ifPresent(m -> {
            for (Define d : m.getAnnotationsByType(Define.class)) {
                property(d.name(), d.value());
            }
        });
    }

    /** Ends the build as Maven does; the build's scope must be closed then. */
    @AfterEach
    final void endBuild() {
        try {
            ExecutionListener listener = request.getExecutionListener();
            if (listener != null) {
                listener.sessionEnded(sessionEnded());
            }
            Object scope = repositorySession.getData().get(WorklinkBuild.class.getName() + ".scope");
            if (scope != null) {
                assertThat(((dev.worklink.http.BuildScope) scope).isClosed()).as("the build's scope is closed at the end of the session").isTrue();
            }
        } finally {
            sandbox.close();
        }
    }

    private ExecutionEvent sessionEnded() {
        MavenSession s = mavenSession();
        return new ExecutionEvent() {
            @Override
            public Type getType() {
                return Type.SessionEnded;
            }

            @Override
            public MavenSession getSession() {
                return s;
            }

            @Override
            public MavenProject getProject() {
                return null;
            }

            @Override
            public MojoExecution getMojoExecution() {
                return null;
            }

            @Override
            public Exception getException() {
                return null;
            }
        };
    }

    // ---- helpers

    /** A user property, as {@code -Dname=value} sets it: parameters whose property it is take it when injected. */
    void property(String name, String value) {
        request.getUserProperties().setProperty(name, value);
    }

    /** Sets a mojo's parameter after injection (for parameterized tests, whose values the annotations cannot carry). */
    static void set(Mojo mojo, String field, Object value) throws IllegalAccessException {
        MojoExtension.setVariableValueToObject(mojo, field, value);
    }

    /**
     * Sets one of the shared parameters every goal checks (retries, connectTimeout, timeout, retryBackoff, endpoint) to
     * a value out of its bounds, and asserts the goal fails on it, naming the parameter and its property, before any call.
     */
    void sharedParameterFailsBeforeAnyCall(Mojo mojo, String parameter, String value, String property) throws IllegalAccessException {
        set(mojo, parameter, switch (parameter) {
            case "endpoint" -> value;
            case "retryBackoff" -> Long.valueOf(value);
            default -> Integer.valueOf(value);
        });
        failsBeforeAnyCall(mojo, "parameter " + parameter + " (" + property + ") = '" + value + "'");
    }

    static Server server(String id, String username, String password, Xpp3Dom configuration) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        server.setPassword(password);
        server.setConfiguration(configuration);
        return server;
    }

    static Xpp3Dom config(String... namesAndValues) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Xpp3Dom child = new Xpp3Dom(namesAndValues[i]);
            child.setValue(namesAndValues[i + 1]);
            configuration.addChild(child);
        }
        return configuration;
    }

    /** Replaces the server of settings.xml with this id. */
    void replaceServer(Server server) {
        List<Server> servers = new ArrayList<>(request.getServers());
        servers.removeIf(s -> s.getId().equals(server.getId()));
        servers.add(server);
        request.setServers(servers);
    }

    void removeServer(String id) {
        List<Server> servers = new ArrayList<>(request.getServers());
        servers.removeIf(s -> s.getId().equals(id));
        request.setServers(servers);
    }

    List<RecordedRequest> received() {
        return sandbox.records();
    }

    JsonNode report(Path file) throws Exception {
        assertThat(file).exists();
        return JSON.readTree(file.toFile());
    }

    /** The default report of a goal of the main module: {@code ${project.build.directory}/worklink/<goal>.json}. */
    Path defaultReport(String goal) {
        return dir.resolve("target").resolve("worklink").resolve(goal + ".json");
    }

    /** The goal, skipped by {@code property}, says so naming the property, sends nothing and writes no report. */
    void skippedBy(Mojo mojo, String goal, String property) throws Exception {
        mojo.execute();

        assertThat(received()).as("requests the sandbox received").isEmpty();
        assertThat(log.infos()).contains("worklink:" + goal + " skipped (" + property + "=true).");
        assertThat(defaultReport(goal)).doesNotExist();
    }

    /** The goal fails for a mistake in its configuration (MojoFailureException) with these words, and sends nothing. */
    void failsBeforeAnyCall(Mojo mojo, String... words) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContainingAll(words);
        assertThat(received()).as("requests the sandbox received").isEmpty();
    }

    // ---- settings.xml decryption

    /** Settings as settings.xml gives them, secrets already in clear. */
    static SettingsDecryptionResult clear(SettingsDecryptionRequest r) {
        return result(r, List.of());
    }

    /**
     * A decrypter that cannot decrypt {@code value} (an encrypted secret whose master password is missing): it reports an
     * error naming what it decrypted, as Maven's does, never the value.
     */
    static SettingsDecrypter failingOn(String value) {
        return r -> {
            List<SettingsProblem> problems = new ArrayList<>();
            for (Server s : r.getServers()) {
                if (value.equals(s.getPassword())) {
                    problems.add(new DefaultSettingsProblem("Failed to decrypt password for server " + s.getId() + ": master password not found",
                            SettingsProblem.Severity.ERROR, "server: " + s.getId(), -1, -1, null));
                }
            }
            for (Proxy p : r.getProxies()) {
                if (value.equals(p.getPassword())) {
                    problems.add(new DefaultSettingsProblem("Failed to decrypt password for proxy " + p.getId() + ": master password not found",
                            SettingsProblem.Severity.ERROR, "proxy: " + p.getId(), -1, -1, null));
                }
            }
            return result(r, problems);
        };
    }

    private static SettingsDecryptionResult result(SettingsDecryptionRequest r, List<SettingsProblem> problems) {
        return new SettingsDecryptionResult() {
            @Override
            public Server getServer() {
                return r.getServers().isEmpty() ? null : r.getServers().get(0);
            }

            @Override
            public List<Server> getServers() {
                return r.getServers();
            }

            @Override
            public Proxy getProxy() {
                return r.getProxies().isEmpty() ? null : r.getProxies().get(0);
            }

            @Override
            public List<Proxy> getProxies() {
                return r.getProxies();
            }

            @Override
            public List<SettingsProblem> getProblems() {
                return problems;
            }
        };
    }

    /** Every line the goal logged, at every level (debug included), with the messages of logged exceptions. */
    static final class RecordingLog implements Log {
        final List<String> lines = new CopyOnWriteArrayList<>();

        private void add(String level, CharSequence content, Throwable error) {
            lines.add(level + " " + (content == null ? "" : content) + (error == null ? "" : " " + error));
        }

        List<String> at(String level) {
            return lines.stream().filter(l -> l.startsWith(level + " ")).map(l -> l.substring(level.length() + 1)).toList();
        }

        List<String> warnings() {
            return at("WARN");
        }

        List<String> infos() {
            return at("INFO");
        }

        boolean any(Predicate<String> p) {
            return lines.stream().anyMatch(p);
        }

        @Override public boolean isDebugEnabled() { return true; }
        @Override public void debug(CharSequence content) { add("DEBUG", content, null); }
        @Override public void debug(CharSequence content, Throwable error) { add("DEBUG", content, error); }
        @Override public void debug(Throwable error) { add("DEBUG", null, error); }
        @Override public boolean isInfoEnabled() { return true; }
        @Override public void info(CharSequence content) { add("INFO", content, null); }
        @Override public void info(CharSequence content, Throwable error) { add("INFO", content, error); }
        @Override public void info(Throwable error) { add("INFO", null, error); }
        @Override public boolean isWarnEnabled() { return true; }
        @Override public void warn(CharSequence content) { add("WARN", content, null); }
        @Override public void warn(CharSequence content, Throwable error) { add("WARN", content, error); }
        @Override public void warn(Throwable error) { add("WARN", null, error); }
        @Override public boolean isErrorEnabled() { return true; }
        @Override public void error(CharSequence content) { add("ERROR", content, null); }
        @Override public void error(CharSequence content, Throwable error) { add("ERROR", content, error); }
        @Override public void error(Throwable error) { add("ERROR", null, error); }
    }
}
