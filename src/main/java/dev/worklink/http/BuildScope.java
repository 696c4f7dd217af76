package dev.worklink.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What one build shares and nothing outlives: pooled HTTP clients, IAM tokens, SuperOffice tickets, looked-up ids.
 * Every goal and module of a build asks the same scope, so each is made once per build; {@link #close()} at the
 * build's end closes what can be closed and forgets the rest, so a long-lived JVM (a Maven daemon, mvnd) hands
 * nothing — no connection, thread, token or password — to the next build. Maven-free: the plugin keeps one per
 * Maven session, tests make their own.
 */
public final class BuildScope implements AutoCloseable {

    private final Map<Object, Object> shared = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * The value this build keeps under {@code key}, made by {@code create} on first use.
     *
     * @param key a value object naming what is shared (a record of its inputs; secrets only as hashes)
     * @throws IllegalStateException the build has ended
     */
    public <T> T shared(Object key, Class<T> type, Supplier<? extends T> create) {
        if (closed) {
            throw new IllegalStateException("The build has ended; nothing more is shared in it.");
        }
        return type.cast(shared.computeIfAbsent(key, k -> create.get()));
    }

    /** The value this build keeps under {@code key}, or null when none was made yet. */
    public <T> T find(Object key, Class<T> type) {
        return type.cast(shared.get(key));
    }

    /** How many values the build shares now (tests). */
    public int size() {
        return shared.size();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Closes every shared value that can be closed and forgets them all. Safe to call twice. */
    @Override
    public void close() {
        closed = true;
        List<Object> values = new ArrayList<>(shared.values());
        shared.clear();
        for (Object value : values) {
            if (value instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // The build is over; a value that fails to close has nothing left to tell anyone.
                }
            }
        }
    }
}
