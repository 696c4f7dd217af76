package dev.worklink.codearts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.worklink.http.HttpClientFactory;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.Log;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.TokenAuthenticatorForTests;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PlanWorkItemsTest {

    static final String PROJECT = "5192de5eb435430c8cd41c6ae6028848";
    static final String PLAN = "f29c3f16d5f54cbab5e167ef9eed3baf";
    static final String PATH = "/v3/plan/" + PROJECT + "/" + PLAN + "/issue";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private CloseableHttpClient http;

    @BeforeEach
    void setUp() {
        http = HttpClientFactory.create(HttpSettings.defaults(), "test");
    }

    @AfterEach
    void tearDown() throws IOException {
        http.close();
    }

    private PlanWorkItems api(HttpSettings settings) {
        return new PlanWorkItems(new ServiceClient(http, settings, Log.NONE, d -> {}), new TokenAuthenticatorForTests("token-1234567890"),
                URI.create(server.baseUrl()), Log.NONE);
    }

    private PlanWorkItems api() {
        return api(HttpSettings.defaults().withRetries(0));
    }

    private static List<Long> range(long fromInclusive, long toInclusive) {
        return LongStream.rangeClosed(fromInclusive, toInclusive).boxed().toList();
    }

    private static String json(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    private List<String> bodiesSent() {
        return server.findAll(postRequestedFor(urlEqualTo(PATH))).stream().map(LoggedRequest::getBodyAsString).toList();
    }

    @Test
    void sendsTheDocumentedExampleAsOneCall() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody("{\"status\":\"success\"}")));

        PlanWorkItems.Result result = api().link(PROJECT, PLAN, List.of(9192109L, 9191020L, 9184553L, 9185630L));

        assertThat(result.failed()).isFalse();
        assertThat(result.linked()).containsExactly(9192109L, 9191020L, 9184553L, 9185630L);
        assertThat(bodiesSent()).containsExactly("[9192109,9191020,9184553,9185630]");
        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withHeader("X-Auth-Token", equalTo("token-1234567890"))
                .withRequestBody(equalToJson("[9192109, 9191020, 9184553, 9185630]")));
    }

    @Test
    void removesDuplicatesKeepingTheOrderOfFirstAppearance() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody("{\"status\":\"success\"}")));

        PlanWorkItems.Result result = api().link(PROJECT, PLAN, List.of(5L, 3L, 5L, 1L, 3L, 5L));

        assertThat(bodiesSent()).containsExactly("[5,3,1]");
        assertThat(result.duplicatesRemoved()).isEqualTo(3);
    }

    @Test
    void sends250WorkItemsWithDuplicatesAsThreeCallsOf100And100And50() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody("{\"status\":\"success\"}")));
        List<Long> ids = new ArrayList<>(range(1, 250));
        ids.addAll(range(1, 30)); // repeated: sent once, in their first place
        ids.add(7, 200L);

        PlanWorkItems.Result result = api().link(PROJECT, PLAN, ids);

        List<Long> expectedOrder = new ArrayList<>(range(1, 7));
        expectedOrder.add(200L);
        range(8, 250).stream().filter(id -> id != 200L).forEach(expectedOrder::add);
        assertThat(bodiesSent()).containsExactly(
                json(expectedOrder.subList(0, 100)),
                json(expectedOrder.subList(100, 200)),
                json(expectedOrder.subList(200, 250)));
        assertThat(result.batches()).extracting(b -> b.workItems().size()).containsExactly(100, 100, 50);
        assertThat(result.linked()).containsExactlyElementsOf(expectedOrder).doesNotHaveDuplicates();
        assertThat(result.duplicatesRemoved()).isEqualTo(31);
        assertThat(result.failed()).isFalse();
        assertThat(result.failureMessage()).isNull();
    }

    @Test
    void aFailingSecondBatchStopsTheRestAndSaysWhichItemsWereNotLinked() {
        server.stubFor(post(PATH).inScenario("batches").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withBody("{\"status\":\"success\"}")).willSetStateTo("second"));
        server.stubFor(post(PATH).inScenario("batches").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500).withHeader("X-Request-Id", "req-2")
                        .withBody("{\"error_code\":\"PM.02170001\",\"error_msg\":\"Internal error\"}")));

        PlanWorkItems.Result result = api().link(PROJECT, PLAN, range(1, 250));

        server.verify(2, postRequestedFor(urlEqualTo(PATH)));
        assertThat(result.failed()).isTrue();
        assertThat(result.userError()).isFalse();
        assertThat(result.linked()).containsExactlyElementsOf(range(1, 100));
        assertThat(result.notLinked()).containsExactlyElementsOf(range(101, 250));
        assertThat(result.batches()).extracting(LinkBatch::status).containsExactly("linked", "failed", "not-sent");
        assertThat(result.failureMessage()).isEqualTo(
                "Linking work items to plan " + PLAN + " stopped at batch 2 of 3: link 100 work item(s) to plan " + PLAN
                        + " (batch 2 of 3) failed: HTTP 500, error_code PM.02170001, error_msg \"Internal error\", X-Request-Id req-2\n"
                        + "Linked (100): " + range(1, 100).stream().map(String::valueOf).collect(Collectors.joining(", ")) + "\n"
                        + "Not linked (150): " + range(101, 250).stream().map(String::valueOf).collect(Collectors.joining(", ")) + "\n"
                        + "The batches after batch 2 were not sent.\n"
                        + "To link the rest, run again with -Dworklink.workItems="
                        + range(101, 250).stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    @Test
    void anErrorStatusInA200IsAFailureOfTheUsersMaking() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withBody("{\"status\":\"error\",\"message\":\"work item 42 does not exist\"}")));

        PlanWorkItems.Result result = api().link(PROJECT, PLAN, List.of(42L));

        assertThat(result.failed()).isTrue();
        assertThat(result.userError()).isTrue();
        assertThat(result.notLinked()).containsExactly(42L);
        assertThat(result.batches().get(0).reason()).isEqualTo(
                "link 1 work item(s) to plan " + PLAN + " (batch 1 of 1) failed: HTTP 200, error_msg \"work item 42 does not exist\"");
        assertThat(result.failureMessage()).contains("Linked (0): none\nNot linked (1): 42\n")
                .doesNotContain("were not sent");
    }

    @Test
    void aDryRunSendsNothing() {
        PlanWorkItems.Result result = api(HttpSettings.defaults().withDryRun(true)).link(PROJECT, PLAN, range(1, 150));

        server.verify(0, postRequestedFor(urlEqualTo(PATH)));
        assertThat(result.batches()).extracting(LinkBatch::status).containsExactly("dry-run", "dry-run");
        assertThat(result.failed()).isFalse();
    }

    @Test
    void batchesAreConsecutiveSlices() {
        assertThat(PlanWorkItems.batches(List.of(1, 2, 3, 4, 5), 2)).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
        assertThat(PlanWorkItems.batches(List.of(), 100)).isEmpty();
        assertThat(PlanWorkItems.batches(range(1, 100), 100)).hasSize(1);
    }
}
