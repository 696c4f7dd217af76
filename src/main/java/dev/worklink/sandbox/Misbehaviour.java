package dev.worklink.sandbox;

/**
 * A fault the sandbox plays on matching requests, after reading their body: an error status (with
 * {@code Retry-After} when given), a dropped connection (closed with no response at all), a lost answer (the request
 * is served, an upload stored, and then the connection is closed instead of answering), or latency. Queued faults
 * apply in order: a request meets the first queued one whose path filter it passes, which lets {@code skip} such
 * requests through, then plays on {@code count} of them, then leaves the queue. Misbehaved requests are recorded too
 * (status 0 when dropped).
 *
 * <p>Over the admin API it is JSON with these component names, e.g.
 * {@code {"pathContains":"/attachments/upload","status":503,"retryAfter":"1","count":2}}.
 *
 * @param pathContains  only requests whose raw path contains this; null for any request (admin calls excepted)
 * @param skip          matching requests let through first
 * @param count         matching requests that misbehave, at least 1
 * @param status        the status to answer, with a Huawei error body {@code APIGW.0<status>}; 0 for none
 * @param retryAfter    the {@code Retry-After} header of that answer, or null
 * @param drop          close the connection without any response
 * @param latencyMillis wait this long before answering (alone: the request is then served normally, only later)
 * @param loseAnswer    serve the request as usual (an upload is stored), then close the connection instead of sending
 *                      the answer: what a client sees when a service acted but its answer was lost on the way
 */
public record Misbehaviour(String pathContains, int skip, int count, int status, String retryAfter, boolean drop,
        long latencyMillis, boolean loseAnswer) {

    public Misbehaviour {
        if (count < 1) {
            throw new IllegalArgumentException("a misbehaviour's count is at least 1, not " + count);
        }
        if (skip < 0 || latencyMillis < 0) {
            throw new IllegalArgumentException("a misbehaviour's skip and latencyMillis are not negative");
        }
        if (status != 0 && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("a misbehaviour's status is an HTTP status (100 to 599) or 0, not " + status);
        }
        if (loseAnswer && (drop || status != 0)) {
            throw new IllegalArgumentException("a misbehaviour that loses the answer serves the request, so it has neither drop nor status");
        }
    }

    public Misbehaviour(String pathContains, int skip, int count, int status, String retryAfter, boolean drop, long latencyMillis) {
        this(pathContains, skip, count, status, retryAfter, drop, latencyMillis, false);
    }

    /** Serve the next {@code count} requests (store an upload), then close the connection instead of answering. */
    public static Misbehaviour loseAnswer(int count) {
        return new Misbehaviour(null, 0, count, 0, null, false, 0, true);
    }

    /** Answer {@code status} (e.g. 503) to the next {@code count} requests. */
    public static Misbehaviour status(int status, int count) {
        return new Misbehaviour(null, 0, count, status, null, false, 0);
    }

    /** Close the connection without a response on the next {@code count} requests. */
    public static Misbehaviour drop(int count) {
        return new Misbehaviour(null, 0, count, 0, null, true, 0);
    }

    /** Wait {@code millis} before serving each of the next {@code count} requests. */
    public static Misbehaviour latency(long millis, int count) {
        return new Misbehaviour(null, 0, count, 0, null, false, millis);
    }

    public Misbehaviour withRetryAfter(String value) {
        return new Misbehaviour(pathContains, skip, count, status, value, drop, latencyMillis, loseAnswer);
    }

    /** Only requests whose raw path contains this text. */
    public Misbehaviour forPath(String value) {
        return new Misbehaviour(value, skip, count, status, retryAfter, drop, latencyMillis, loseAnswer);
    }

    /** Let {@code n} matching requests through first. */
    public Misbehaviour afterSkipping(int n) {
        return new Misbehaviour(pathContains, n, count, status, retryAfter, drop, latencyMillis, loseAnswer);
    }

    /** Also wait {@code millis} before answering (or dropping). */
    public Misbehaviour withLatency(long millis) {
        return new Misbehaviour(pathContains, skip, count, status, retryAfter, drop, millis, loseAnswer);
    }
}
