package dev.worklink.mojo;

import dev.worklink.http.HttpClientFactory;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.ProxySpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * One pooled HTTP client per connection set-up, shared by every goal and module of a build (the plugin's class
 * realm lives as long as the build), so connections are reused across modules.
 */
final class SharedHttpClients {

    private record Key(Duration connectTimeout, Duration timeout, List<ProxySpec> proxies) {}

    private static final Map<Key, CloseableHttpClient> CLIENTS = new ConcurrentHashMap<>();

    private SharedHttpClients() {}

    static CloseableHttpClient get(HttpSettings settings, String userAgent) {
        Key key = new Key(settings.connectTimeout(), settings.timeout(), settings.proxies());
        return CLIENTS.computeIfAbsent(key, k -> HttpClientFactory.create(settings, userAgent));
    }
}
