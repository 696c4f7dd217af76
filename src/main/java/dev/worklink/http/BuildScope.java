package dev.worklink.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
     * A key for {@link #shared}: who shares the value and the inputs it is made from, equal when every part is equal.
     * Nulls are allowed. Secrets go in as hashes, except a proxy's password inside its {@link ProxySpec} (as in the
     * build's {@link HttpSettings}); a key is never logged.
     *
     * <p>A list and not a record, on purpose: a record's {@code equals} and {@code hashCode} are linked on first use
     * through method handles ({@code java.lang.runtime.ObjectMethods}), which on a fresh JVM spins some fifty classes
     * and makes the JIT compile ASM's {@code Frame.execute} while the first upload runs (bench/ANALYSIS.md, section 1).
     * A part that is itself a record has its own {@code equals} and {@code hashCode} for the same reason
     * ({@link ProxySpec}).
     */
    public static Object key(Class<?> owner, Object... inputs) {
        Object[] parts = new Object[inputs.length + 1];
        parts[0] = owner;
        System.arraycopy(inputs, 0, parts, 1, inputs.length);
        return Collections.unmodifiableList(Arrays.asList(parts));
    }

    /**
     * The value this build keeps under {@code key}, made by {@code create} on first use.
     *
     * @param key what is shared, made by {@link #key} (or a class, for one value per build); not a record
     * @throws IllegalStateException the build has ended
     */
    public <T> T shared(Object key, Class<T> type, Supplier<? extends T> create) {
        refuseRecord(key);
        if (closed) {
            throw new IllegalStateException("The build has ended; nothing more is shared in it.");
        }
        return type.cast(shared.computeIfAbsent(key, k -> create.get()));
    }

    /** The value this build keeps under {@code key}, or null when none was made yet. */
    public <T> T find(Object key, Class<T> type) {
        refuseRecord(key);
        return type.cast(shared.get(key));
    }

    private static void refuseRecord(Object key) {
        if (key instanceof Record) {
            throw new IllegalArgumentException("A record as a build-scope key (" + key.getClass().getName() + "): make it with BuildScope.key");
        }
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
