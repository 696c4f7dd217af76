package dev.worklink.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.util.List;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProxyRoutingTest {

    @RegisterExtension
    static WireMockExtension proxy = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension direct = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void aRequestGoesThroughTheSettingsProxyWithItsCredentials() throws Exception {
        proxy.stubFor(get("/v1/ping").withHeader("Host", equalTo("service.example.invalid"))
                .willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")));
        proxy.stubFor(get("/v1/ping").withHeader("Proxy-Authorization", equalTo("Basic cHJveHl1c2VyOnByb3h5cGFzcw=="))
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        // A plain-http target on another host: allowed here only because the clear-text rule is not what is tested.
        HttpSettings settings = HttpSettings.defaults().withAllowInsecure(true).withProxies(List.of(
                new ProxySpec("http", "127.0.0.1", proxy.getPort(), "proxyuser", "proxypass", "")));

        try (CloseableHttpClient http = HttpClientFactory.create(settings, "test")) {
            ServiceResponse r = new ServiceClient(http, settings, Log.NONE, d -> {})
                    .execute(ServiceRequest.get(URI.create("http://service.example.invalid/v1/ping"), "ping"), RequestAuthenticator.NONE);
            assertThat(r.status()).isEqualTo(200);
        }
        proxy.verify(getRequestedFor(urlEqualTo("/v1/ping")).withHeader("Proxy-Authorization", equalTo("Basic cHJveHl1c2VyOnByb3h5cGFzcw==")));
    }

    @Test
    void aHostInNonProxyHostsIsReachedDirectly() throws Exception {
        direct.stubFor(get("/v1/ping").willReturn(aResponse().withStatus(200).withBody("{}")));
        HttpSettings settings = HttpSettings.defaults().withProxies(List.of(
                new ProxySpec("http", "127.0.0.1", proxy.getPort(), null, null, "localhost|*.internal")));

        try (CloseableHttpClient http = HttpClientFactory.create(settings, "test")) {
            new ServiceClient(http, settings, Log.NONE, d -> {})
                    .execute(ServiceRequest.get(URI.create("http://localhost:" + direct.getPort() + "/v1/ping"), "ping"), RequestAuthenticator.NONE);
        }
        direct.verify(1, getRequestedFor(urlEqualTo("/v1/ping")));
        assertThat(proxy.getAllServeEvents()).isEmpty();
    }

    @Test
    void nonProxyHostsPatternsUseStarAsAWildcard() {
        ProxySpec p = new ProxySpec("https", "proxy", 3128, null, null, "*.myhuaweicloud.com|localhost");
        assertThat(p.appliesTo("https", "projectman-ext.cn-north-4.myhuaweicloud.com")).isFalse();
        assertThat(p.appliesTo("https", "example.com")).isTrue();
        assertThat(p.appliesTo("http", "example.com")).isFalse();
    }

    @Test
    void toStringNamesTheProxyAndItsUserButNeverThePassword() {
        ProxySpec p = new ProxySpec("https", "proxy", 3128, "proxyuser", "s3cr3t-proxy-pass", null);

        assertThat(p.toString()).contains("proxy:3128").contains("proxyuser").doesNotContain("s3cr3t-proxy-pass");
    }

    @Test
    void twoProxiesAreTheSameWhenEveryFieldIsThePasswordIncluded() {
        // Part of the key of the build's shared client: a proxy that differs in its password alone gets its own client.
        ProxySpec p = new ProxySpec("https", "proxy", 3128, "proxyuser", "s3cr3t-proxy-pass", null);

        assertThat(p).isEqualTo(new ProxySpec("https", "proxy", 3128, "proxyuser", "s3cr3t-proxy-pass", null))
                .hasSameHashCodeAs(new ProxySpec("https", "proxy", 3128, "proxyuser", "s3cr3t-proxy-pass", null));
        assertThat(p).isNotEqualTo(new ProxySpec("https", "proxy", 3128, "proxyuser", "another-pass", null))
                .isNotEqualTo(new ProxySpec("https", "proxy", 3129, "proxyuser", "s3cr3t-proxy-pass", null))
                .isNotEqualTo(new ProxySpec("https", "proxy", 3128, "proxyuser", "s3cr3t-proxy-pass", "localhost"))
                .isNotEqualTo(new ProxySpec("http", "proxy", 3128, "proxyuser", "s3cr3t-proxy-pass", null));
    }
}
