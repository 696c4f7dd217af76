package dev.worklink.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TLS certificates are verified (SPEC): a server whose certificate no trusted authority signed is refused. */
class TlsVerificationTest {

    @RegisterExtension
    static WireMockExtension selfSigned = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().dynamicHttpsPort()).build();

    @Test
    void aServerWithASelfSignedCertificateIsRefusedBeforeAnyRequestReachesIt() throws Exception {
        selfSigned.stubFor(get("/v1/ping").willReturn(aResponse().withStatus(200).withBody("{}")));
        HttpSettings settings = HttpSettings.defaults().withRetries(0);
        URI uri = URI.create("https://localhost:" + selfSigned.getHttpsPort() + "/v1/ping");

        try (CloseableHttpClient http = HttpClientFactory.create(settings, "test")) {
            ServiceClient client = new ServiceClient(http, settings, Log.NONE, d -> {});
            assertThatThrownBy(() -> client.execute(ServiceRequest.get(uri, "ping"), RequestAuthenticator.NONE))
                    .satisfies(e -> assertThat(causes(e)).anyMatch(c -> c instanceof SSLHandshakeException))
                    .satisfies(e -> assertThat(causes(e)).anyMatch(c -> c instanceof java.security.cert.CertPathValidatorException
                            || c.getClass().getName().endsWith("SunCertPathBuilderException")));
        }
        assertThat(selfSigned.getAllServeEvents()).isEmpty();
    }

    private static java.util.List<Throwable> causes(Throwable e) {
        java.util.List<Throwable> all = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !all.contains(t); t = t.getCause()) {
            all.add(t);
        }
        return all;
    }

    @Test
    void theSameServerOverPlainHttpAnswersSoTheRefusalAboveIsTheCertificates() throws Exception {
        selfSigned.stubFor(get("/v1/ping").willReturn(aResponse().withStatus(200).withBody("{}")));
        HttpSettings settings = HttpSettings.defaults().withRetries(0);

        try (CloseableHttpClient http = HttpClientFactory.create(settings, "test")) {
            ServiceResponse r = new ServiceClient(http, settings, Log.NONE, d -> {})
                    .execute(ServiceRequest.get(URI.create("http://localhost:" + selfSigned.getPort() + "/v1/ping"), "ping"), RequestAuthenticator.NONE);
            assertThat(r.status()).isEqualTo(200);
        }
    }
}
