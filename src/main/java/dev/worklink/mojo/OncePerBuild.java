package dev.worklink.mojo;

import dev.worklink.http.BuildScope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A project-level call (link, thumbnail, icon, project-image) is made once per build: when a parent POM declares it,
 * every module would make the same call. The first module to reach a call (same goal, same target, same inputs) makes
 * it; the others wait while it is under way (under {@code -T}), then log where it was made. Kept in the build's
 * {@link BuildScope}, so a second build makes it again.
 */
final class OncePerBuild {

    /** One call of the build: who made it and how it went. */
    static final class Call {
        private final ReentrantLock lock = new ReentrantLock();
        private String module;
        private Path report;
        private boolean failed;

        /**
         * Claims the call for the module: true when the module is to make it (the caller then holds the call until
         * {@link #finish}); false when another module of the build made it already.
         */
        boolean claim() {
            lock.lock();
            if (module != null) {
                lock.unlock();
                return false;
            }
            return true;
        }

        /** The claiming module made the call. */
        void finish(String madeBy, Path reportFile, boolean callFailed) {
            try {
                module = madeBy;
                report = reportFile;
                failed = callFailed;
            } finally {
                lock.unlock();
            }
        }

        String module() {
            return module;
        }

        Path report() {
            return report;
        }

        boolean failed() {
            return failed;
        }
    }

    private OncePerBuild() {}

    static Call call(BuildScope build, String goal, List<String> inputs) {
        // Two calls are the same when their goal and inputs are (target ids, endpoint, server id, file contents by hash).
        return build.shared(BuildScope.key(OncePerBuild.class, goal, List.copyOf(inputs)), Call.class, Call::new);
    }

    /** The SHA-256 of a file's content, so that the same image in two modules' directories is the same input. */
    static String contentHash(Path file) {
        if (file == null) {
            return "";
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
            return file.getFileName() + ":" + HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            // unreadable: checked and reported before this; never the same input as another module's
            return file.toAbsolutePath().toString();
        }
    }
}
