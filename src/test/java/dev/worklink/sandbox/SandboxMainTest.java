package dev.worklink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxMainTest {

    @TempDir
    Path dir;

    private static Process java(Path dir, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                SandboxMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
    }

    @Test
    void itWritesItsUrlToTheReadyFileAndServesUntilKilled() throws Exception {
        Path ready = dir.resolve("state/ready.txt");
        Process p = java(dir, "--port", "0", "--ready-file", ready.toString(), "--record-file", dir.resolve("record.jsonl").toString());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(ready) && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(50);
            }
            String url = Files.readString(ready).trim();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "/__sandbox/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            http.send(HttpRequest.newBuilder(URI.create(url + "/v9/nothing")).build(), HttpResponse.BodyHandlers.discarding());

            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(Files.readAllLines(dir.resolve("record.jsonl"))).singleElement().asString().contains("\"path\":\"/v9/nothing\"");
            assertThat(Files.readString(dir.resolve("out.txt"))).contains("worklink sandbox listening on " + url)
                    .contains("[sandbox] GET /v9/nothing -> 404");
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anUnknownOptionExitsWith2AndTheUsage() throws Exception {
        Process p = java(dir, "--prot", "8080");

        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("unknown option --prot").contains("usage: SandboxMain");
    }
}
