package dev.worklink.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The images SuperOffice entities carry, kept on disk in a temp directory of their own (never in memory), one per
 * tenant, entity and id; saving again replaces the image under a new blob id. Blob ids increase for the sandbox's life.
 */
final class SuperOfficeImageStore implements AutoCloseable {

    /** One stored image: its blob id, type, size and hash, and where its bytes are. */
    record Blob(long id, String contentType, long size, String sha256, Path file) {}

    private final Map<String, Blob> byOwner = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(100);
    private Path dir;

    private synchronized Path dir() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("worklink-sandbox-superoffice-");
        }
        return dir;
    }

    /** Takes the bytes in {@code spooled} (moved, not copied, when it can be) as the owner's image. */
    Blob put(String owner, Path spooled, String contentType, long size, String sha256) throws IOException {
        long id = ids.incrementAndGet();
        Path file = dir().resolve(id + ".bin");
        Files.move(spooled, file, StandardCopyOption.REPLACE_EXISTING);
        Blob blob = new Blob(id, contentType, size, sha256, file);
        Blob previous = byOwner.put(owner, blob);
        if (previous != null) {
            Files.deleteIfExists(previous.file());
        }
        return blob;
    }

    Blob get(String owner) {
        return byOwner.get(owner);
    }

    /** Forgets every image and deletes its bytes. */
    synchronized void clear() {
        byOwner.clear();
        if (dir != null) {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(f -> {
                    try {
                        Files.deleteIfExists(f);
                    } catch (IOException ignored) {
                        // a stray temp file is all that is lost
                    }
                });
            } catch (IOException ignored) {
                // the directory is gone already
            }
        }
    }

    @Override
    public synchronized void close() {
        clear();
        if (dir != null) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // left for the system's temp cleanup
            }
            dir = null;
        }
    }
}
