package dev.worklink.auth;

import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A credential obtained from a login service (an IAM token, a SuperOffice ticket) and kept until shortly before it
 * expires. Whoever holds it shares one login: {@link #current} obtains it once, {@link #refresh} after a 401 obtains
 * it again once, however many threads noticed. A login the service refused is not tried again in the same build:
 * repeating it would only be refused again, and with passwords would count towards locking the user out.
 */
public abstract class CachedCredential implements AutoCloseable {

    /** What one login returned: the credential and when it stops being valid. */
    public record Obtained(String value, Instant expiresAt) {}

    /** A credential this close to its end is obtained again before use. */
    static final Duration EXPIRY_MARGIN = Duration.ofMinutes(10);

    protected final Clock clock;
    private String value;
    private Instant expiresAt = Instant.MIN;
    private ServiceException refused;
    private int fetches;

    protected CachedCredential(Clock clock) {
        this.clock = clock;
    }

    /**
     * One call to the login service.
     *
     * @return the credential, or null when the client only pretends to send (a dry run)
     */
    protected abstract Obtained obtain(ServiceClient client) throws IOException;

    /**
     * Whether a failed login means the service refused these credentials, so it is not asked again in this build:
     * 400, 401 and 403 only. Other answers (404 for a wrong endpoint, 429 still there after the retries, 5xx) say
     * nothing about the credentials, so the next goal or module may try again.
     */
    protected boolean isRefusal(ServiceException e) {
        return isRefusalStatus(e.status());
    }

    /** 400, 401 or 403: the answers that mean the credentials were refused. */
    public static boolean isRefusalStatus(int status) {
        return status == 400 || status == 401 || status == 403;
    }

    /** How many times the login service gave a credential. */
    public final synchronized int fetches() {
        return fetches;
    }

    /** Forgets the credential at the build's end: nothing obtained in one build is handed to the next. */
    @Override
    public final synchronized void close() {
        value = null;
        expiresAt = Instant.MIN;
        refused = null;
    }

    /** A valid credential, obtained if there is none yet or it is about to expire; null in a dry run. */
    protected final synchronized String current(ServiceClient client) throws IOException {
        if (value == null || clock.instant().isAfter(expiresAt.minus(EXPIRY_MARGIN))) {
            fetch(client);
        }
        return value;
    }

    /**
     * What a caller keeps of the credential it sent, to say later which one was rejected: a hash, not the secret (a
     * thread-local of a long-lived build thread, as in a Maven daemon, must not keep a token after the build).
     */
    public static String fingerprint(String credential) {
        return credential == null ? null : AkSkSigner.sha256Hex(credential.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * After a 401 for the credential with this {@link #fingerprint}: obtains a new credential, unless another caller
     * already replaced it.
     *
     * @return the credential to use now
     */
    public final synchronized String refresh(ServiceClient client, String rejectedFingerprint) throws IOException {
        if (value == null || Objects.equals(fingerprint(value), rejectedFingerprint)) {
            fetch(client);
        }
        return value;
    }

    private void fetch(ServiceClient client) throws IOException {
        if (refused != null) {
            throw new ServiceException(refused.label(), refused.status(), refused.errorCode(), refused.errorMessage(), refused.requestId());
        }
        Obtained obtained;
        try {
            obtained = obtain(client);
        } catch (ServiceException e) {
            if (isRefusal(e)) {
                refused = e;
            }
            throw e;
        }
        if (obtained == null) {
            value = null;
            return;
        }
        fetches++;
        value = obtained.value();
        expiresAt = obtained.expiresAt();
    }
}
