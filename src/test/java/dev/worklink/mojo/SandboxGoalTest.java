package dev.worklink.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * worklink:sandbox as the harness configures it: its port and attachment limit are checked before it starts, and a
 * sandbox it starts takes the limit it was given, as an attach goal configured against it finds out over HTTP.
 */
@MojoTest
class SandboxGoalTest extends GoalHarness {

    @ParameterizedTest(name = "port = {0}")
    @ValueSource(ints = {-1, 65536, 100000})
    @InjectMojo(goal = "sandbox")
    void aPortOutside0To65535Fails(int port, SandboxMojo mojo) throws Exception {
        set(mojo, "port", port);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("parameter port (worklink.sandbox.port) = '" + port + "': must be 0 to 65535");
        assertThat(log.infos()).noneMatch(l -> l.startsWith("worklink sandbox listening"));
    }

    @Test
    @InjectMojo(goal = "sandbox")
    @Define(name = "worklink.sandbox.port", value = "70000")
    void thePortComesFromItsProperty(SandboxMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("parameter port (worklink.sandbox.port) = '70000'");
    }

    @ParameterizedTest(name = "attachmentLimit = {0}")
    @ValueSource(strings = {"fifty megabytes", "50 TB", "-1", "0", "0MB", "99999999999GB"})
    @InjectMojo(goal = "sandbox")
    @MojoParameter(name = "port", value = "0")
    void anAttachmentLimitThatIsNoPositiveSizeFails(String limit, SandboxMojo mojo) throws Exception {
        set(mojo, "attachmentLimit", limit);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("parameter attachmentLimit (worklink.sandbox.attachmentLimit) = '" + limit + "': ");
        assertThat(log.infos()).noneMatch(l -> l.startsWith("worklink sandbox listening"));
    }

    /**
     * The goal started on a free port with a 1 KB limit: it writes its URL to the ready file, and an attach goal pointed
     * at it gets a 1024-byte file through and a 1025-byte one refused by the sandbox (400), as the sandbox's own record
     * says.
     */
    @Test
    @Define(name = "worklink.sandbox.port", value = "0")
    @Define(name = "worklink.sandbox.attachmentLimit", value = "1KB")
    @Define(name = "worklink.sandbox.readyFile", value = "${project.basedir}/ready.txt")
    void aStartedSandboxServesWithTheLimitItWasGiven(@InjectMojo(goal = "sandbox") SandboxMojo goal,
            @InjectMojo(goal = "attach") @MojoParameter(name = "projectId", value = CODEARTS_PROJECT)
            @MojoParameter(name = "issueIds", value = ISSUE) @MojoParameter(name = "files", value = "exact.bin,over.bin")
            @MojoParameter(name = "retries", value = "0") AttachMojo attach) throws Exception {
        Files.write(dir.resolve("exact.bin"), new byte[1024]);
        Files.write(dir.resolve("over.bin"), new byte[1025]);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread running = new Thread(() -> {
            try {
                goal.execute();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "worklink-sandbox-goal");
        String url;
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            running.start();
            waitForReadyFile(watch);
            url = Files.readString(dir.resolve("ready.txt")).trim();
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(log.infos()).contains("worklink sandbox listening on " + url + " (Ctrl+C to stop)");

            set(attach, "endpoint", url);
            assertThatThrownBy(attach::execute).isInstanceOf(MojoFailureException.class);

            Map<String, Integer> statusByFile = new HashMap<>();
            HttpResponse<String> record = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/__sandbox/record")).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode r : JSON.readTree(record.body())) {
                for (JsonNode part : r.path("parts")) {
                    statusByFile.put(part.path("fileName").asText(), r.path("status").asInt());
                }
            }
            assertThat(statusByFile).containsEntry("exact.bin", 200).containsEntry("over.bin", 400);
            assertThat(log.at("ERROR")).anyMatch(l -> l.contains("over.bin") && l.contains("exceeds the size limit (1 KB)"));
        } finally {
            running.interrupt();
            running.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(running.isAlive()).as("the goal ends when interrupted").isFalse();
        assertThat(failure.get()).isNull();
    }

    private void waitForReadyFile(WatchService watch) throws InterruptedException {
        while (true) {
            WatchKey key = watch.poll(60, TimeUnit.SECONDS);
            assertThat(key).as("the ready file within 60 s").isNotNull();
            for (WatchEvent<?> event : key.pollEvents()) {
                if (String.valueOf(event.context()).equals("ready.txt")) {
                    return;
                }
            }
            key.reset();
        }
    }
}
