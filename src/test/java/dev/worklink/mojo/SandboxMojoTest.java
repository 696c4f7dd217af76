package dev.worklink.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxMojoTest {

    @TempDir
    Path dir;

    private static void set(Object target, String field, Object value) throws Exception {
        Field f = SandboxMojo.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    /**
     * The ready file appears whole, in one step: the directory sees it created (moved in) and never modified, so a
     * script polling for it cannot read an empty file. A file written in place shows a create and then a modify.
     * The order of the directory's events is the synchronisation: a marker file made after the goal wrote the ready
     * file is seen after every event of the ready file.
     */
    @Test
    void theReadyFileIsMovedInPlaceWholeAndHoldsTheUrl() throws Exception {
        Path ready = dir.resolve("ready.txt");
        SandboxMojo mojo = new SandboxMojo();
        set(mojo, "port", 0);
        set(mojo, "attachmentLimit", "50MB");
        set(mojo, "readyFile", ready.toFile());
        List<String> readyEvents = new ArrayList<>();
        Thread goal = new Thread(() -> {
            try {
                mojo.execute();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "sandbox-goal");
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            goal.start();
            boolean markerSeen = false;
            boolean markerMade = false;
            while (!markerSeen) {
                WatchKey key = watch.poll(60, TimeUnit.SECONDS);
                assertThat(key).as("no directory event within 60 s").isNotNull();
                for (WatchEvent<?> event : key.pollEvents()) {
                    String name = String.valueOf(event.context());
                    if (name.equals("ready.txt")) {
                        readyEvents.add(event.kind().name());
                    } else if (name.equals("marker")) {
                        markerSeen = true;
                    }
                }
                key.reset();
                if (!markerMade && !readyEvents.isEmpty()) {
                    Files.createFile(dir.resolve("marker"));
                    markerMade = true;
                }
            }
            assertThat(readyEvents).containsExactly("ENTRY_CREATE");
            assertThat(Files.readString(ready)).matches("http://127\\.0\\.0\\.1:\\d+\n");
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ready.txt", "marker");
            }
        } finally {
            goal.interrupt();
            goal.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(goal.isAlive()).isFalse();
    }

}
