package dev.worklink.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Success bodies are read whole; only error bodies are cut, for their message. */
class ServiceResponseBodyTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private CloseableHttpClient http;
    private ServiceClient client;

    @BeforeEach
    void setUp() {
        HttpSettings settings = HttpSettings.defaults().withRetries(0);
        http = HttpClientFactory.create(settings, "test");
        client = new ServiceClient(http, settings, Log.NONE, d -> {});
    }

    @AfterEach
    void tearDown() throws IOException {
        http.close();
    }

    /** A JSON document of exactly {@code size} bytes: {@code {"result":"xxxx…"}}. */
    private static String jsonOf(int size) {
        String head = "{\"result\":\"";
        String tail = "\"}";
        return head + "x".repeat(size - head.length() - tail.length()) + tail;
    }

    @Test
    void aSuccessBodyOver64KiBArrivesWhole() throws IOException {
        String body = jsonOf(300 * 1024);
        server.stubFor(get("/list").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));

        ServiceResponse response = client.execute(ServiceRequest.get(URI.create(server.baseUrl() + "/list"), "list"), RequestAuthenticator.NONE);

        assertThat(response.body()).hasSize(300 * 1024).isEqualTo(body);
    }

    @Test
    void aSuccessBodyWithoutACharsetIsReadAsUtf8() throws IOException {
        String body = "{\"title\":\"Übersicht – 报告.pdf\"}";
        server.stubFor(get("/list").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(body.getBytes(StandardCharsets.UTF_8))));

        ServiceResponse response = client.execute(ServiceRequest.get(URI.create(server.baseUrl() + "/list"), "list"), RequestAuthenticator.NONE);

        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void bodyOfCutsAnErrorBodyAt64KiBAndKeepsASuccessBodyWhole() throws IOException {
        byte[] big = "E".repeat(200 * 1024).getBytes(StandardCharsets.US_ASCII);

        String error = ServiceClient.bodyOf(400, new org.apache.hc.core5.http.io.entity.ByteArrayEntity(big, null));
        String success = ServiceClient.bodyOf(200, new org.apache.hc.core5.http.io.entity.ByteArrayEntity(big, null));

        assertThat(error).hasSize(64 * 1024);
        assertThat(success).hasSize(200 * 1024);
    }
}
