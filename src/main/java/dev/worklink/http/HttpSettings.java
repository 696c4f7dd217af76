package dev.worklink.http;

import java.time.Duration;
import java.util.List;

/**
 * How the plugin talks HTTP: timeouts, retries, proxies and whether anything may leave the machine.
 *
 * @param connectTimeout time to open a connection
 * @param timeout        time to wait for data on an open connection (a response, or the next bytes of one)
 * @param retries        attempts after the first on transient failures
 * @param backoffBase    first backoff delay; doubled on each attempt, with jitter
 * @param proxies        proxies from settings.xml, first matching wins
 * @param offline        Maven runs offline: every network call fails with a clear message
 * @param dryRun         log each request that would be sent and send nothing
 * @param allowInsecure  credentials may go to an {@code http://} URL on another machine (a warning); see {@link ClearTextRule}
 */
public record HttpSettings(
        Duration connectTimeout,
        Duration timeout,
        int retries,
        Duration backoffBase,
        List<ProxySpec> proxies,
        boolean offline,
        boolean dryRun,
        boolean allowInsecure) {

    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(500);

    /** Settings under which clear text goes to loopback addresses only. */
    public HttpSettings(Duration connectTimeout, Duration timeout, int retries, Duration backoffBase, List<ProxySpec> proxies,
            boolean offline, boolean dryRun) {
        this(connectTimeout, timeout, retries, backoffBase, proxies, offline, dryRun, false);
    }

    public HttpSettings {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, was " + retries);
        }
        proxies = List.copyOf(proxies);
    }

    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(120), 3, DEFAULT_BACKOFF, List.of(), false, false);
    }

    public HttpSettings withRetries(int newRetries) {
        return new HttpSettings(connectTimeout, timeout, newRetries, backoffBase, proxies, offline, dryRun, allowInsecure);
    }

    public HttpSettings withBackoffBase(Duration base) {
        return new HttpSettings(connectTimeout, timeout, retries, base, proxies, offline, dryRun, allowInsecure);
    }

    public HttpSettings withDryRun(boolean value) {
        return new HttpSettings(connectTimeout, timeout, retries, backoffBase, proxies, offline, value, allowInsecure);
    }

    public HttpSettings withOffline(boolean value) {
        return new HttpSettings(connectTimeout, timeout, retries, backoffBase, proxies, value, dryRun, allowInsecure);
    }

    public HttpSettings withAllowInsecure(boolean value) {
        return new HttpSettings(connectTimeout, timeout, retries, backoffBase, proxies, offline, dryRun, value);
    }

    public HttpSettings withProxies(List<ProxySpec> value) {
        return new HttpSettings(connectTimeout, timeout, retries, backoffBase, value, offline, dryRun, allowInsecure);
    }
}
