package dev.worklink.sandbox;

/**
 * A fault the sandbox plays on matching requests: a status (with {@code Retry-After}), a dropped connection, or
 * latency. Queued faults apply in order; each lets {@code skip} matching calls through, then hits {@code count}.
 *
 * @param pathContains   only requests whose path contains this; null for any non-admin request
 * @param skip           matching calls let through first
 * @param count          matching calls that misbehave
 * @param status         the status to answer (0: none)
 * @param retryAfter     the Retry-After header value, or null
 * @param drop           close the connection without any response
 * @param latencyMillis  wait this long before answering
 */
public record Misbehaviour(String pathContains, int skip, int count, int status, String retryAfter, boolean drop,
        long latencyMillis) {

    public static Misbehaviour status(int status, int count) {
        return new Misbehaviour(null, 0, count, status, null, false, 0);
    }

    public static Misbehaviour drop(int count) {
        return new Misbehaviour(null, 0, count, 0, null, true, 0);
    }

    public static Misbehaviour latency(long millis, int count) {
        return new Misbehaviour(null, 0, count, 0, null, false, millis);
    }

    public Misbehaviour withRetryAfter(String value) {
        return new Misbehaviour(pathContains, skip, count, status, value, drop, latencyMillis);
    }

    public Misbehaviour forPath(String value) {
        return new Misbehaviour(value, skip, count, status, retryAfter, drop, latencyMillis);
    }

    public Misbehaviour afterSkipping(int n) {
        return new Misbehaviour(pathContains, n, count, status, retryAfter, drop, latencyMillis);
    }
}
