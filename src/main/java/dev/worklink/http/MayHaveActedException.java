package dev.worklink.http;

import java.io.IOException;

/**
 * A call that is not safe to repeat ({@link ServiceRequest.Idempotence#NOT_IDEMPOTENT}) went out whole but got no
 * usable answer: the connection ended or timed out after the request was sent, or a gateway answered 502 or 504. The
 * service may have acted on it, so {@link ServiceClient} does not send it again; the caller decides, e.g. by looking
 * for what the call would have created.
 */
public class MayHaveActedException extends IOException {

    private final String label;
    private final int status;
    private final String what;
    private final int attempts;
    private final boolean retriesLeft;

    /**
     * @param what        what happened, e.g. "NoHttpResponseException (The target server failed to respond)" or "HTTP 504"
     * @param status      the gateway's status (502, 504), or 0 when there was no answer
     * @param attempts    attempts made so far, this one included
     * @param retriesLeft whether the retry budget allows another attempt
     */
    public MayHaveActedException(String label, String what, int status, int attempts, boolean retriesLeft, Throwable cause) {
        super(label + " may have taken effect: " + (status == 0 ? "no answer (" + what + ")" : what) + " after the request went out whole. It was not sent again, since "
                + "a second copy could be stored twice.", cause);
        this.label = label;
        this.status = status;
        this.what = what;
        this.attempts = attempts;
        this.retriesLeft = retriesLeft;
    }

    public String label() {
        return label;
    }

    /** 502 or 504, or 0 when no answer came at all. */
    public int status() {
        return status;
    }

    /** What happened, e.g. "NoHttpResponseException (The target server failed to respond)" or "HTTP 504". */
    public String what() {
        return what;
    }

    /** Attempts made so far, this one included. */
    public int attempts() {
        return attempts;
    }

    /** Whether {@code retries} allows another attempt, should the caller find the call did not take effect. */
    public boolean retriesLeft() {
        return retriesLeft;
    }
}
