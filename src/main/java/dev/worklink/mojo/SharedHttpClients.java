package dev.worklink.mojo;

import dev.worklink.http.BuildScope;
import dev.worklink.http.HttpClientFactory;
import dev.worklink.http.HttpSettings;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * One pooled HTTP client per connection set-up, shared by every goal and module of a build, so connections are
 * reused across modules; the build's scope closes them (and their threads) when the build ends.
 */
final class SharedHttpClients {

    private SharedHttpClients() {}

    static CloseableHttpClient get(BuildScope build, HttpSettings settings, String userAgent) {
        return build.shared(key(settings), CloseableHttpClient.class, () -> HttpClientFactory.create(settings, userAgent));
    }

    private static Object key(HttpSettings settings) {
        return BuildScope.key(SharedHttpClients.class, settings.connectTimeout(), settings.timeout(), settings.proxies());
    }

    /**
     * Starts building the build's client on a daemon thread, so that the goal's first call does not wait for it: some
     * tenths of a second of class loading and set-up on a fresh JVM, which otherwise fall between the goal's checks and
     * its first request (bench/ANALYSIS.md, sections 3 and 6). With attachAtEnd the first module builds it while the
     * others are built. A client finished after the build ended is closed at once.
     */
    static void warmUp(BuildScope build, HttpSettings settings, String userAgent) {
        if (build.find(key(settings), CloseableHttpClient.class) != null) {
            return; // an earlier goal or module of the build made it
        }
        Thread thread = new Thread(() -> {
            try {
                CloseableHttpClient client = get(build, settings, userAgent);
                if (build.isClosed()) {
                    client.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
                }
            } catch (RuntimeException e) {
                // the build ended first, or set-up failed: the goal's own first call builds it (and says what failed)
            }
        }, "worklink-client-setup");
        thread.setDaemon(true);
        thread.start();
    }
}
