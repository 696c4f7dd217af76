package dev.worklink.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ServiceClientTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<Duration> waits = new ArrayList<>();
    private CloseableHttpClient http;
    private ServiceClient client;

    @BeforeEach
    void setUp() {
        HttpSettings settings = HttpSettings.defaults().withRetries(3);
        http = HttpClientFactory.create(settings, "test");
        client = new ServiceClient(http, settings, Log.NONE, waits::add);
    }

    @AfterEach
    void tearDown() throws IOException {
        http.close();
    }

    private URI uri(String path) {
        return URI.create(server.baseUrl() + path);
    }

    private ServiceRequest postJson(String path) {
        return ServiceRequest.json("POST", uri(path), "[1,2]".getBytes(StandardCharsets.UTF_8), "link work items");
    }

    @Test
    void retriesA503AfterWaitingWhatRetryAfterSays() throws IOException {
        server.stubFor(post("/x").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")).willSetStateTo("ok"));
        server.stubFor(post("/x").inScenario("s").whenScenarioStateIs("ok").willReturn(aResponse().withStatus(200).withBody("{\"status\":\"success\"}")));

        ServiceResponse response = client.execute(postJson("/x"), RequestAuthenticator.NONE);

        assertThat(response.status()).isEqualTo(200);
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        server.verify(2, postRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void retriesADroppedConnection() throws IOException {
        server.stubFor(post("/x").inScenario("d").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)).willSetStateTo("ok"));
        server.stubFor(post("/x").inScenario("d").whenScenarioStateIs("ok").willReturn(aResponse().withStatus(200).withBody("{}")));

        ServiceResponse response = client.execute(postJson("/x"), RequestAuthenticator.NONE);

        assertThat(response.status()).isEqualTo(200);
        assertThat(waits).hasSize(1);
        server.verify(2, postRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void retriesAConnectionResetByPeer() throws IOException {
        server.stubFor(post("/x").inScenario("r").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        server.stubFor(post("/x").inScenario("r").whenScenarioStateIs("ok").willReturn(aResponse().withStatus(200).withBody("{}")));

        assertThat(client.execute(postJson("/x"), RequestAuthenticator.NONE).status()).isEqualTo(200);
        server.verify(2, postRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void givesUpAfterTheConfiguredRetriesWithExponentialBackoff() {
        server.stubFor(post("/x").willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> client.execute(postJson("/x"), RequestAuthenticator.NONE))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("HTTP 502");

        server.verify(4, postRequestedFor(urlEqualTo("/x")));
        assertThat(waits).hasSize(3);
        // equal jitter: each wait lies between half and all of 500 ms × 2^attempt
        assertThat(waits.get(0).toMillis()).isBetween(250L, 500L);
        assertThat(waits.get(1).toMillis()).isBetween(500L, 1000L);
        assertThat(waits.get(2).toMillis()).isBetween(1000L, 2000L);
    }

    @Test
    void doesNotRetryA400AndCarriesTheServicesOwnWords() {
        server.stubFor(post("/x").willReturn(aResponse().withStatus(400).withHeader("X-Request-Id", "req-4711")
                .withBody("{\"error_code\":\"PM.02175000\",\"error_msg\":\"Invalid parameter: issue_id\"}")));

        assertThatThrownBy(() -> client.execute(postJson("/x"), RequestAuthenticator.NONE))
                .isInstanceOf(ServiceException.class)
                .hasMessage("link work items failed: HTTP 400, error_code PM.02175000, error_msg \"Invalid parameter: issue_id\", X-Request-Id req-4711")
                .satisfies(e -> {
                    ServiceException se = (ServiceException) e;
                    assertThat(se.errorCode()).isEqualTo("PM.02175000");
                    assertThat(se.requestId()).isEqualTo("req-4711");
                    assertThat(se.isClientError()).isTrue();
                });
        server.verify(1, postRequestedFor(urlEqualTo("/x")));
        assertThat(waits).isEmpty();
    }

    @Test
    void refreshesCredentialsOnceAfterA401AndSucceeds() throws IOException {
        server.stubFor(post("/x").withHeader("X-Auth-Token", equalTo("old")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information\"}")));
        server.stubFor(post("/x").withHeader("X-Auth-Token", equalTo("new")).willReturn(aResponse().withStatus(200).withBody("{}")));
        AtomicInteger refreshes = new AtomicInteger();
        RequestAuthenticator auth = new RequestAuthenticator() {
            String token = "old";

            @Override
            public Map<String, String> headersFor(ServiceRequest request) {
                return Map.of("X-Auth-Token", token);
            }

            @Override
            public boolean refreshAfterUnauthorized(String rejectedBy) {
                refreshes.incrementAndGet();
                token = "new";
                return true;
            }

            @Override
            public String describe() {
                return "test";
            }
        };

        assertThat(client.execute(postJson("/x"), auth).status()).isEqualTo(200);
        assertThat(refreshes).hasValue(1);
        server.verify(2, postRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void a401ThatPersistsAfterTheRefreshFailsWithoutLooping() {
        server.stubFor(post("/x").willReturn(aResponse().withStatus(401).withHeader("X-Request-Id", "r1")
                .withBody("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information\"}")));
        AtomicInteger refreshes = new AtomicInteger();
        RequestAuthenticator auth = new RequestAuthenticator() {
            @Override
            public Map<String, String> headersFor(ServiceRequest request) {
                return Map.of("X-Auth-Token", "t");
            }

            @Override
            public boolean refreshAfterUnauthorized(String rejectedBy) {
                refreshes.incrementAndGet();
                return true;
            }

            @Override
            public String describe() {
                return "test";
            }
        };

        assertThatThrownBy(() -> client.execute(postJson("/x"), auth)).isInstanceOf(ServiceException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("APIGW.0301");
        assertThat(refreshes).hasValue(1);
        server.verify(2, postRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void authenticatesEveryAttemptAfresh() throws IOException {
        server.stubFor(post("/x").inScenario("a").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        server.stubFor(post("/x").inScenario("a").whenScenarioStateIs("ok").willReturn(aResponse().withStatus(200).withBody("{}")));
        AtomicInteger signatures = new AtomicInteger();
        RequestAuthenticator signer = new RequestAuthenticator() {
            @Override
            public Map<String, String> headersFor(ServiceRequest request) {
                return Map.of("Authorization", "sig-" + signatures.incrementAndGet());
            }

            @Override
            public String describe() {
                return "test";
            }
        };

        client.execute(postJson("/x"), signer);

        server.verify(postRequestedFor(urlEqualTo("/x")).withHeader("Authorization", equalTo("sig-1")));
        server.verify(postRequestedFor(urlEqualTo("/x")).withHeader("Authorization", equalTo("sig-2")));
    }

    @Test
    void streamsAMultipartFileThatCanBeSentAgainOnRetry(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("app-é.jar");
        Files.write(file, "jar bytes".getBytes(StandardCharsets.UTF_8));
        server.stubFor(post("/up").inScenario("m").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(504)).willSetStateTo("ok"));
        server.stubFor(post("/up").inScenario("m").whenScenarioStateIs("ok").willReturn(aResponse().withStatus(200).withBody("{}")));
        ServiceRequest upload = new ServiceRequest("POST", uri("/up"), Map.of(),
                new RequestBody.MultipartFile("attachment", file, "app-é.jar", "application/java-archive"), "upload app.jar");

        ServiceResponse response = client.execute(upload, RequestAuthenticator.NONE);

        var received = server.findAll(postRequestedFor(urlEqualTo("/up")));
        assertThat(response.bytesSent()).isEqualTo(received.get(received.size() - 1).getBody().length);
        assertThat(received).hasSize(2).allSatisfy(r -> {
            assertThat(new String(r.getBody(), StandardCharsets.UTF_8)).contains("name=\"attachment\"; filename=\"app-é.jar\"").contains("jar bytes");
            assertThat(r.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        });
    }

    @Test
    void dryRunSendsNothingAndMasksSecretHeaders() throws IOException {
        RecordingLog collect = RecordingLog.withoutDebug();
        ServiceClient dry = new ServiceClient(http, HttpSettings.defaults().withDryRun(true), collect, waits::add);

        ServiceResponse response = dry.execute(postJson("/x").withHeader("X-Auth-Token", "secret-token"), RequestAuthenticator.NONE);

        assertThat(response.dryRun()).isTrue();
        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(collect.text()).contains("[dry run] would send POST " + server.baseUrl() + "/x")
                .contains("X-Auth-Token: ****").doesNotContain("secret-token");
    }

    @Test
    void aJsonBodyHoldingCredentialsIsNeverShownInLogs() throws IOException {
        RecordingLog debug = RecordingLog.withDebug();
        List<String> lines = debug.lines();
        server.stubFor(post("/v3/auth/tokens").willReturn(aResponse().withStatus(201)));
        byte[] body = "{\"password\":\"hunter2\"}".getBytes(StandardCharsets.UTF_8);
        ServiceRequest iam = new ServiceRequest("POST", uri("/v3/auth/tokens"), Map.of(), new RequestBody.Json(body, true), "get a token");

        new ServiceClient(http, HttpSettings.defaults(), debug, waits::add).execute(iam, RequestAuthenticator.NONE);
        new ServiceClient(http, HttpSettings.defaults().withDryRun(true), debug, waits::add).execute(iam, RequestAuthenticator.NONE);

        assertThat(lines).isNotEmpty().noneMatch(l -> l.contains("hunter2"));
        assertThat(String.join("\n", lines)).contains("holds credentials, not shown");
    }

    @Test
    void offlineFailsClearlyWithoutAnyRequest() {
        ServiceClient offline = new ServiceClient(http, HttpSettings.defaults().withOffline(true), Log.NONE, waits::add);

        assertThatThrownBy(() -> offline.execute(postJson("/x"), RequestAuthenticator.NONE))
                .isInstanceOf(OfflineException.class)
                .hasMessageContaining("Maven is offline (-o)").hasMessageContaining("link work items");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void errorWordsReadEveryKnownErrorShape() {
        assertThat(ServiceClient.errorWords("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"bad\"}")).containsExactly("APIGW.0301", "bad");
        assertThat(ServiceClient.errorWords("{\"error\":{\"code\":401,\"message\":\"The username or password is wrong.\"}}"))
                .containsExactly("401", "The username or password is wrong.");
        assertThat(ServiceClient.errorWords("{\"status\":\"error\",\"message\":\"plan not found\"}")).containsExactly(null, "plan not found");
        assertThat(ServiceClient.errorWords("{\"Error\":\"x\",\"ErrorType\":\"SoException\",\"Message\":\"Project 7 not found\"}"))
                .containsExactly("SoException", "Project 7 not found");
        assertThat(ServiceClient.errorWords("Image bitmap is missing from body.")).containsExactly(null, "Image bitmap is missing from body.");
    }

    @Test
    void retryAfterReadsSecondsAndCapsLongWaits() {
        assertThat(ServiceClient.retryAfter("3")).contains(Duration.ofSeconds(3));
        assertThat(ServiceClient.retryAfter("100000")).contains(ServiceClient.MAX_RETRY_AFTER);
        assertThat(ServiceClient.retryAfter("soon")).isEmpty();
    }
}
