package dev.worklink.mojo;

import dev.worklink.http.BuildScope;
import dev.worklink.http.HttpClientFactory;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.ProxySpec;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * One pooled HTTP client per connection set-up, shared by every goal and module of a build, so connections are
 * reused across modules; the build's scope closes them (and their threads) when the build ends.
 */
final class SharedHttpClients {

    private record Key(Duration connectTimeout, Duration timeout, List<ProxySpec> proxies) {}

    private SharedHttpClients() {}

    static CloseableHttpClient get(BuildScope build, HttpSettings settings, String userAgent) {
        Key key = new Key(settings.connectTimeout(), settings.timeout(), settings.proxies());
        return build.shared(key, CloseableHttpClient.class, () -> HttpClientFactory.create(settings, userAgent));
    }
}
