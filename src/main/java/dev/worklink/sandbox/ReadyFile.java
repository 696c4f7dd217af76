package dev.worklink.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The file a script polls to learn that a sandbox listens, and where. It is written whole beside its final name, then
 * moved in place atomically, so that a script polling for it never reads an empty file or half a URL. Used by
 * {@link SandboxMain} and the {@code worklink:sandbox} goal alike.
 */
public final class ReadyFile {

    private ReadyFile() {}

    public static void write(Path ready, String url) throws IOException {
        Path dir = ready.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".sandbox-ready", ".tmp");
        try {
            Files.writeString(tmp, url + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, ready, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
