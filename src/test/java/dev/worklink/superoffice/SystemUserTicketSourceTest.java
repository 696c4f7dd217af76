package dev.worklink.superoffice;

import dev.worklink.http.BuildScope;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.worklink.auth.ServerEntry;
import dev.worklink.http.HttpClientFactory;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.Log;
import dev.worklink.http.RecordingLog;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SystemUserTicketSourceTest {

    /** One build's shared state, new for every test. */
    private BuildScope build = new BuildScope();

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String AUTHENTICATE = "/Login/api/PartnerSystemUser/Authenticate";
    static final String SYSTEM_USER_TOKEN = "SuperOffice AS-Cust12345-zq7Vb2Xy";
    static final String APP_TOKEN = "app-token-0123456789abcdef";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private CloseableHttpClient http;
    private ServiceClient client;

    @BeforeEach
    void setUp() {
        build = new BuildScope();
        http = HttpClientFactory.create(HttpSettings.defaults(), "test");
        client = new ServiceClient(http, HttpSettings.defaults().withRetries(0), Log.NONE, d -> {});
    }

    @AfterEach
    void tearDown() throws IOException {
        http.close();
    }

    private void stubLogin(String ticket) {
        server.stubFor(post(AUTHENTICATE).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"IsSuccessful\":true,\"Token\":\"" + TestKeys.jwtWithTicket(ticket) + "\",\"ErrorMessage\":null}")));
    }

    private SystemUserTicketSource source(Clock clock) {
        return new SystemUserTicketSource(URI.create(server.baseUrl() + "/Login"), "Cust12345", SYSTEM_USER_TOKEN, APP_TOKEN,
                TestKeys.pair().getPrivate(), clock);
    }

    @Test
    void theSignedTokenIsTokenDotUtcMinuteDotBase64SignatureVerifiableWithThePublicKey() throws Exception {
        KeyPair keys = TestKeys.pair();
        Instant now = Instant.parse("2025-03-07T23:59:41Z");

        String signed = SystemUserTicketSource.signedSystemToken(SYSTEM_USER_TOKEN, keys.getPrivate(), now);

        assertThat(signed).startsWith(SYSTEM_USER_TOKEN + ".202503072359.");
        String signedPart = signed.substring(0, signed.lastIndexOf('.'));
        byte[] signature = Base64.getDecoder().decode(signed.substring(signed.lastIndexOf('.') + 1));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.getPublic());
        verifier.update(signedPart.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(signature).hasSize(256); // a 2048-bit key, PKCS#1 v1.5
    }

    @Test
    void postsTheDocumentedRequestAndTakesTheTicketFromTheJwtClaim() throws Exception {
        stubLogin("7T:c3lzdGVtLXRpY2tldA==");
        Instant now = Instant.parse("2025-03-07T10:15:00Z");

        String ticket = source(Clock.fixed(now, ZoneOffset.UTC)).ticket(client);

        assertThat(ticket).isEqualTo("7T:c3lzdGVtLXRpY2tldA==");
        server.verify(postRequestedFor(urlEqualTo(AUTHENTICATE))
                .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
                .withRequestBody(matchingJsonPath("$.ApplicationToken", equalTo(APP_TOKEN)))
                .withRequestBody(matchingJsonPath("$.ContextIdentifier", equalTo("Cust12345")))
                .withRequestBody(matchingJsonPath("$.ReturnTokenType", equalTo("JWT"))));
        JsonNode body = json.readTree(server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("SignedSystemToken", "ApplicationToken", "ContextIdentifier", "ReturnTokenType");
        assertThat(body.get("SignedSystemToken").asText()).matches("\\Q" + SYSTEM_USER_TOKEN + "\\E\\.202503071015\\.[A-Za-z0-9+/]+=*");
    }

    @Test
    void theTicketIsObtainedOnceForEveryGoalAndModuleOfTheBuild() throws Exception {
        stubLogin("7T:once");
        Path key = TestKeys.writePkcs8(dir.resolve("key.pem"), TestKeys.pair());
        server.stubFor(put("/Cust12345/api/v1/Project/1/Image").willReturn(aResponse().withStatus(200).withBody("59")));
        Path png = Files.write(dir.resolve("logo.png"), EntityImageTest.PNG);

        for (int module = 0; module < 3; module++) {
            // each goal execution resolves its credentials and makes its client anew
            SuperOfficeEndpoint endpoint = SuperOfficeEndpoint.of(server.baseUrl() + "/Cust12345/api");
            SuperOfficeAuthenticator auth = SuperOfficeCredentials.resolve(build, systemUserServer(key), "superoffice", endpoint, client);
            new EntityImage(client, auth, endpoint).save(ImageOwner.PROJECT, 1, png, "image/png");
        }

        server.verify(1, postRequestedFor(urlEqualTo(AUTHENTICATE)));
        server.verify(3, putRequestedFor(urlEqualTo("/Cust12345/api/v1/Project/1/Image"))
                .withHeader("Authorization", equalTo("SOTicket 7T:once"))
                .withHeader("SO-AppToken", equalTo(APP_TOKEN)));
    }

    @Test
    void aTicketIsObtainedAgainWhenItsSixHoursAreNearlyOver() throws Exception {
        stubLogin("7T:first");
        MutableClock clock = new MutableClock(Instant.parse("2025-03-07T08:00:00Z"));
        SystemUserTicketSource source = source(clock);

        source.ticket(client);
        clock.now = clock.now.plus(Duration.ofHours(5).plusMinutes(45));
        source.ticket(client);
        server.verify(1, postRequestedFor(urlEqualTo(AUTHENTICATE)));

        clock.now = clock.now.plus(Duration.ofMinutes(10)); // 5 h 55 min: within the 10-minute margin
        source.ticket(client);
        server.verify(2, postRequestedFor(urlEqualTo(AUTHENTICATE)));
        assertThat(source.fetches()).isEqualTo(2);
    }

    @Test
    void aRejectedTicketIsReplacedOnceAndTheImageSentAgain() throws Exception {
        server.stubFor(post(AUTHENTICATE).inScenario("login").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withBody("{\"IsSuccessful\":true,\"Token\":\"" + TestKeys.jwtWithTicket("7T:old") + "\"}"))
                .willSetStateTo("second"));
        server.stubFor(post(AUTHENTICATE).inScenario("login").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(200).withBody("{\"IsSuccessful\":true,\"Token\":\"" + TestKeys.jwtWithTicket("7T:new") + "\"}")));
        server.stubFor(put("/Cust12345/api/v1/Project/1/Image").withHeader("Authorization", equalTo("SOTicket 7T:old"))
                .willReturn(aResponse().withStatus(401).withBody("{\"Message\":\"Ticket expired\"}")));
        server.stubFor(put("/Cust12345/api/v1/Project/1/Image").withHeader("Authorization", equalTo("SOTicket 7T:new"))
                .willReturn(aResponse().withStatus(200).withBody("60")));
        Path key = TestKeys.writePkcs8(dir.resolve("key.pem"), TestKeys.pair());
        Path png = Files.write(dir.resolve("logo.png"), EntityImageTest.PNG);
        SuperOfficeEndpoint endpoint = SuperOfficeEndpoint.of(server.baseUrl() + "/Cust12345/api");
        SuperOfficeAuthenticator auth = SuperOfficeCredentials.resolve(build, systemUserServer(key), "superoffice", endpoint, client);

        EntityImage.Saved saved = new EntityImage(client, auth, endpoint).save(ImageOwner.PROJECT, 1, png, "image/png");

        assertThat(saved.blobId()).isEqualTo(60L);
        server.verify(2, postRequestedFor(urlEqualTo(AUTHENTICATE)));
    }

    @Test
    void aRefusalInsideA200IsAFailureWithTheServicesWordsAndIsNotAskedAgain() throws Exception {
        server.stubFor(post(AUTHENTICATE).willReturn(aResponse().withStatus(200)
                .withBody("{\"IsSuccessful\":false,\"Token\":null,\"ErrorMessage\":\"Signature is not valid\"}")));
        SystemUserTicketSource source = source(Clock.systemUTC());

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> source.ticket(client))
                    .isInstanceOf(ServiceException.class)
                    .hasMessage("authenticate the system user of Cust12345 at " + server.baseUrl() + "/Login failed: HTTP 200, "
                            + "error_msg \"Signature is not valid\"");
        }
        server.verify(1, postRequestedFor(urlEqualTo(AUTHENTICATE)));
    }

    @Test
    void aJwtWithoutTheTicketClaimIsAFailureThatQuotesNothing() {
        server.stubFor(post(AUTHENTICATE).willReturn(aResponse().withStatus(200)
                .withBody("{\"IsSuccessful\":true,\"Token\":\"" + TestKeys.jwt("{\"sub\":\"secret-subject\"}") + "\"}")));

        assertThatThrownBy(() -> source(Clock.systemUTC()).ticket(client))
                .isInstanceOf(IOException.class)
                .hasMessageEndingWith("the JWT the login service returned has no claim http://schemes.superoffice.net/identity/ticket")
                .hasNoCause()
                .message().doesNotContain("secret-subject");
    }

    @Test
    void debugLogsShowNeitherTheLoginRequestNorTheTicket() throws Exception {
        stubLogin("7T:c2VjcmV0LXRpY2tldA==");
        server.stubFor(put("/Cust12345/api/v1/Project/1/Image").willReturn(aResponse().withStatus(200).withBody("59")));
        RecordingLog debug = RecordingLog.withDebug();
        java.util.List<String> lines = debug.lines();
        ServiceClient logged = new ServiceClient(http, HttpSettings.defaults(), debug, d -> {});
        Path key = TestKeys.writePkcs8(dir.resolve("key.pem"), TestKeys.pair());
        SuperOfficeEndpoint endpoint = SuperOfficeEndpoint.of(server.baseUrl() + "/Cust12345/api");
        SuperOfficeAuthenticator auth = SuperOfficeCredentials.resolve(build, systemUserServer(key), "superoffice", endpoint, logged);

        new EntityImage(logged, auth, endpoint).save(ImageOwner.PROJECT, 1, Files.write(dir.resolve("a.png"), EntityImageTest.PNG), "image/png");

        assertThat(lines).anyMatch(l -> l.contains("holds credentials, not shown")).anyMatch(l -> l.contains("Authorization: ****"));
        assertThat(String.join("\n", lines)).doesNotContain(SYSTEM_USER_TOKEN, APP_TOKEN, "7T:c2VjcmV0LXRpY2tldA==", "c2VjcmV0LXRpY2tldA");
    }

    private static ServerEntry systemUserServer(Path key) {
        return new ServerEntry("superoffice-system-user", null, null, Map.of("scheme", "SystemUser", "systemUserToken", SYSTEM_USER_TOKEN,
                "contextIdentifier", "Cust12345", "appToken", APP_TOKEN, "privateKey", key.toString(),
                "loginEndpoint", server.baseUrl() + "/Login"), "server 'superoffice-system-user' in Maven settings");
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
