package dev.worklink.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.ProxySpec;
import dev.worklink.sandbox.Misbehaviour;
import dev.worklink.sandbox.RecordedRequest;
import dev.worklink.sandbox.Sandbox;
import dev.worklink.sandbox.SandboxCredentials;
import dev.worklink.sandbox.SandboxOptions;
import dev.worklink.sandbox.SuperOfficeSandboxCredentials;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.apache.maven.settings.building.SettingsProblem;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals' shared parameters, driven through the mojos themselves (fields set as Maven would inject them) against
 * the sandbox: each test fails when the parameter stops doing what it is documented to do. Skip, failOnError and the
 * classifier filter are tested per goal through the plugin testing harness (AttachGoalTest, LinkGoalTest, ...).
 */
class GoalParametersTest {

    static final String CODEARTS_PROJECT = "0123456789abcdef0123456789abcdea";
    static final String ISSUE = "956239067176935410";
    static final String PLAN = "f29c3f16d5f54cbab5e167ef9eed3baf";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Sandbox sandbox;
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final List<String> infos = new CopyOnWriteArrayList<>();
    MavenExecutionRequest request;
    final List<WorklinkBuild> builds = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        request = new DefaultMavenExecutionRequest();
        request.setBaseDirectory(dir.toFile());
        Server token = new Server();
        token.setId("codearts");
        token.setPassword(SandboxCredentials.READY_TOKEN);
        token.setConfiguration(config("auth", "token"));
        request.addServer(token);
        Server superOffice = new Server();
        superOffice.setId("superoffice");
        superOffice.setUsername(SuperOfficeSandboxCredentials.USER);
        superOffice.setPassword(SuperOfficeSandboxCredentials.PASSWORD);
        request.addServer(superOffice);
    }

    @AfterEach
    void stop() {
        builds.forEach(b -> b.scope().close());
        sandbox.close();
    }

    private static Xpp3Dom config(String name, String value) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom child = new Xpp3Dom(name);
        child.setValue(value);
        configuration.addChild(child);
        return configuration;
    }

    /** Settings as settings.xml gives them, passwords already in clear. */
    static final SettingsDecrypter CLEAR = decryptionRequest -> new SettingsDecryptionResult() {
        @Override
        public Server getServer() {
            return decryptionRequest.getServers().isEmpty() ? null : decryptionRequest.getServers().get(0);
        }

        @Override
        public List<Server> getServers() {
            return decryptionRequest.getServers();
        }

        @Override
        public Proxy getProxy() {
            return decryptionRequest.getProxies().isEmpty() ? null : decryptionRequest.getProxies().get(0);
        }

        @Override
        public List<Proxy> getProxies() {
            return decryptionRequest.getProxies();
        }

        @Override
        public List<SettingsProblem> getProblems() {
            return List.of();
        }
    };

    private static void set(Object target, String name, Object value) throws Exception {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                f.set(target, value);
                return;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    private MavenProject project(String packaging) throws Exception {
        Model model = new Model();
        model.setGroupId("it.worklink");
        model.setArtifactId("demo");
        model.setVersion("1.0");
        model.setPackaging(packaging);
        model.setBuild(new Build());
        model.getBuild().setDirectory(dir.resolve("target").toString());
        MavenProject project = new MavenProject(model);
        project.setFile(dir.resolve("pom.xml").toFile());
        return project;
    }

    /** A mojo with every shared parameter at its documented default, as Maven would inject it. */
    private <T extends AbstractWorklinkMojo> T mojo(T mojo, MavenProject project) throws Exception {
        set(mojo, "failOnError", true);
        set(mojo, "retries", 0);
        set(mojo, "retryBackoff", 0L);
        set(mojo, "connectTimeout", 10);
        set(mojo, "timeout", 120);
        MavenSession session = new MavenSession(null, request, new DefaultMavenExecutionResult(), List.of(project));
        WorklinkBuild build = new WorklinkBuild(session);
        builds.add(build);
        set(mojo, "session", session);
        set(mojo, "build", build);
        set(mojo, "project", project);
        set(mojo, "settingsDecrypter", CLEAR);
        set(mojo, "reportFile", dir.resolve("report.json").toFile());
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                infos.add(content.toString());
            }

            @Override
            public void warn(CharSequence content) {
                warnings.add(content.toString());
            }
        });
        return mojo;
    }

    // ---- goals configured to make one call to the sandbox

    AttachMojo attach() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "release notes\n");
        AttachMojo m = mojo(new AttachMojo(), project("pom"));
        org.apache.maven.plugin.descriptor.PluginDescriptor plugin = new org.apache.maven.plugin.descriptor.PluginDescriptor();
        plugin.setGroupId("dev.worklink");
        plugin.setArtifactId("worklink-maven-plugin");
        plugin.setGoalPrefix("worklink");
        set(m, "pluginDescriptor", plugin);
        set(m, "endpoint", sandbox.url());
        set(m, "projectId", CODEARTS_PROJECT);
        set(m, "issueIds", java.util.List.of(ISSUE));
        set(m, "projectType", ProjectTypeChoice.AUTO);
        set(m, "mainArtifact", true);
        set(m, "files", java.util.List.of("notes.txt"));
        set(m, "skipExisting", false);
        set(m, "parallelUploads", 4);
        set(m, "maxFileSize", "50MB");
        return m;
    }

    ThumbnailMojo thumbnail() throws Exception {
        ThumbnailMojo m = mojo(new ThumbnailMojo(), project("pom"));
        set(m, "endpoint", sandbox.url());
        set(m, "projectId", CODEARTS_PROJECT);
        set(m, "planId", PLAN);
        set(m, "imageUrl", "/v1/upload/" + CODEARTS_PROJECT + "/202506/1749730526922581391.png");
        return m;
    }

    // ---- retries, retryBackoff, timeout, connectTimeout, proxies

    @Test
    void theHttpParametersReachTheClientTheGoalUses() throws Exception {
        ThumbnailMojo m = thumbnail();
        set(m, "retries", 7);
        set(m, "retryBackoff", 1234L);
        set(m, "connectTimeout", 3);
        set(m, "timeout", 45);

        HttpSettings settings = m.serviceClient(m.httpSettings()).settings();

        assertThat(settings.retries()).isEqualTo(7);
        assertThat(settings.backoffBase()).isEqualTo(Duration.ofMillis(1234));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void retriesIsTheNumberOfAttemptsAfterTheFirst() throws Exception {
        sandbox.misbehave(Misbehaviour.status(503, 10));
        ThumbnailMojo m = thumbnail();
        set(m, "retries", 2);

        assertThatThrownBy(m::execute).isInstanceOf(MojoExecutionException.class);

        assertThat(sandbox.records()).extracting(RecordedRequest::status).containsExactly(503, 503, 503);
    }

    @Test
    void theActiveProxiesOfSettingsXmlReachTheClientWithTheirCredentials() throws Exception {
        Proxy proxy = new Proxy();
        proxy.setId("corporate");
        proxy.setProtocol("https");
        proxy.setHost("proxy.example.invalid");
        proxy.setPort(3128);
        proxy.setUsername("proxyuser");
        proxy.setPassword("proxy-password");
        proxy.setNonProxyHosts("localhost|*.internal");
        Proxy inactive = new Proxy();
        inactive.setId("old");
        inactive.setActive(false);
        inactive.setHost("old.example.invalid");
        inactive.setPort(8080);
        request.addProxy(proxy);
        request.addProxy(inactive);
        ThumbnailMojo m = thumbnail();

        HttpSettings settings = m.serviceClient(m.httpSettings()).settings();

        assertThat(settings.proxies()).containsExactly(
                new ProxySpec("https", "proxy.example.invalid", 3128, "proxyuser", "proxy-password", "localhost|*.internal"));
    }

    // ---- classifiers and mainArtifact (dry runs: which files would be attached)

    private AttachMojo attachOfAJarModule() throws Exception {
        AttachMojo m = attach();
        MavenProject project = project("jar");
        Artifact main = artifact(null, "demo-1.0.jar");
        project.setArtifact(main);
        project.addAttachedArtifact(artifact("sources", "demo-1.0-sources.jar"));
        project.addAttachedArtifact(artifact("javadoc", "demo-1.0-javadoc.jar"));
        set(m, "project", project);
        set(m, "files", null);
        set(m, "dryRun", true);
        return m;
    }

    private Artifact artifact(String classifier, String fileName) throws Exception {
        DefaultArtifact a = new DefaultArtifact("it.worklink", "demo", "1.0", "compile", "jar", classifier, new DefaultArtifactHandler("jar"));
        Path file = dir.resolve("target").resolve(fileName);
        Files.createDirectories(file.getParent());
        Files.writeString(file, fileName);
        a.setFile(file.toFile());
        return a;
    }

    private List<String> reportedFiles() throws Exception {
        List<String> files = new ArrayList<>();
        for (JsonNode item : JSON.readTree(dir.resolve("report.json").toFile()).path("items")) {
            files.add(item.path("file").asText());
        }
        return files;
    }

    @Test
    void byDefaultTheMainArtifactAndEveryAttachedArtifactAreAttached() throws Exception {
        attachOfAJarModule().execute();

        assertThat(reportedFiles()).containsExactly("demo-1.0.jar", "demo-1.0-sources.jar", "demo-1.0-javadoc.jar");
        assertThat(sandbox.records()).isEmpty();
    }

    @Test
    void mainArtifactFalseLeavesTheMainArtifactOut() throws Exception {
        AttachMojo m = attachOfAJarModule();
        set(m, "mainArtifact", false);
        set(m, "classifiers", java.util.List.of("sources"));

        m.execute();

        assertThat(reportedFiles()).containsExactly("demo-1.0-sources.jar");
    }
}
