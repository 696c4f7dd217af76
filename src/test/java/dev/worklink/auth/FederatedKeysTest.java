package dev.worklink.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worklink.http.HttpClientFactory;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.Log;
import dev.worklink.http.ServiceClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The two IAM calls of federation, exactly as the SDK's IamHelper sends them, and when they are made again. */
class FederatedKeysTest {

    @RegisterExtension
    static WireMockExtension iam = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    /** What IAM says the keys of each exchange expire at: six hours after START. */
    private static final String EXPIRES = "2026-03-01T14:00:00.000000Z";

    private CloseableHttpClient http;
    private ServiceClient client;
    private final MovableClock clock = new MovableClock(START);
    private Path tokenFile;

    /** A clock the test moves; nothing sleeps. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant value) {
            now = value;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        http = HttpClientFactory.create(HttpSettings.defaults(), "test");
        client = new ServiceClient(http, HttpSettings.defaults().withRetries(0), Log.NONE, d -> {});
        tokenFile = Files.writeString(dir.resolve("id-token"), "jwt-one\n");
        stubExchange("jwt-one", "unscoped-one", "TMPAK-ONE");
        stubExchange("jwt-two", "unscoped-two", "TMPAK-TWO");
    }

    @AfterEach
    void tearDown() throws IOException {
        http.close();
    }

    private void stubExchange(String jwt, String unscoped, String accessKey) {
        iam.stubFor(post(urlEqualTo("/v3.0/OS-AUTH/id-token/tokens"))
                .withRequestBody(equalToJson("{\"auth\":{\"id_token\":{\"id\":\"" + jwt + "\"}}}"))
                .willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", unscoped)
                        .withBody("{\"token\":{\"expires_at\":\"2026-03-02T08:00:00.000000Z\",\"methods\":[\"mapped\"]}}")));
        iam.stubFor(post(urlEqualTo("/v3.0/OS-CREDENTIAL/securitytokens"))
                .withRequestBody(equalToJson("{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\"" + unscoped + "\",\"duration_seconds\":21600}}}}"))
                .willReturn(aResponse().withStatus(201).withBody("{\"credential\":{\"access\":\"" + accessKey + "\",\"secret\":\"secret-of-" + accessKey
                        + "\",\"securitytoken\":\"sts-of-" + accessKey + "\",\"expires_at\":\"" + EXPIRES + "\"}}")));
    }

    private FederatedKeys federation() {
        return new FederatedKeys(URI.create(iam.baseUrl()), "idp-42", new IdTokenSource.File(tokenFile, "HUAWEICLOUD_SDK_ID_TOKEN_FILE"), clock);
    }

    @Test
    void theFirstUseExchangesTheIdTokenInTheTwoDocumentedCalls() throws Exception {
        TemporaryKeys keys = federation().keys(client);

        assertThat(keys).isEqualTo(new TemporaryKeys("TMPAK-ONE", "secret-of-TMPAK-ONE", "sts-of-TMPAK-ONE", Instant.parse("2026-03-01T14:00:00Z")));
        iam.verify(1, postRequestedFor(urlEqualTo("/v3.0/OS-AUTH/id-token/tokens"))
                .withHeader("X-Idp-Id", equalTo("idp-42"))
                .withHeader("Content-Type", equalTo("application/json;charset=UTF-8"))
                .withHeader("Authorization", absent())
                .withRequestBody(equalToJson("{\"auth\":{\"id_token\":{\"id\":\"jwt-one\"}}}")));
        iam.verify(1, postRequestedFor(urlEqualTo("/v3.0/OS-CREDENTIAL/securitytokens"))
                .withHeader("Authorization", absent())
                .withHeader("X-Auth-Token", absent())
                .withRequestBody(equalToJson("{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\"unscoped-one\",\"duration_seconds\":21600}}}}")));
    }

    @Test
    void theKeysAreKeptWhileMoreThan40MinutesOfTheirLifeRemain() throws Exception {
        FederatedKeys federation = federation();
        federation.keys(client);

        clock.set(Instant.parse("2026-03-01T14:00:00Z").minus(Duration.ofMinutes(41)));
        Files.writeString(tokenFile, "jwt-two");
        TemporaryKeys keys = federation.keys(client);

        assertThat(keys.accessKey()).isEqualTo("TMPAK-ONE");
        assertThat(federation.exchanges()).isEqualTo(1);
        iam.verify(1, postRequestedFor(urlEqualTo("/v3.0/OS-AUTH/id-token/tokens")));
    }

    @Test
    void withFewerThan40MinutesLeftTheTokenFileIsReadAgainAndExchangedAgain() throws Exception {
        FederatedKeys federation = federation();
        federation.keys(client);

        clock.set(Instant.parse("2026-03-01T14:00:00Z").minus(Duration.ofMinutes(39)));
        Files.writeString(tokenFile, "jwt-two");
        TemporaryKeys keys = federation.keys(client);

        assertThat(keys.accessKey()).isEqualTo("TMPAK-TWO");
        assertThat(federation.exchanges()).isEqualTo(2);
        iam.verify(1, postRequestedFor(urlEqualTo("/v3.0/OS-AUTH/id-token/tokens")).withRequestBody(equalToJson("{\"auth\":{\"id_token\":{\"id\":\"jwt-two\"}}}")));
        iam.verify(1, postRequestedFor(urlEqualTo("/v3.0/OS-CREDENTIAL/securitytokens"))
                .withRequestBody(equalToJson("{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\"unscoped-two\",\"duration_seconds\":21600}}}}")));
    }

    @Test
    void anIdTokenIamRefusedIsNotSentAgainInTheSameBuild() throws Exception {
        Files.writeString(tokenFile, "jwt-refused");
        iam.stubFor(post(urlEqualTo("/v3.0/OS-AUTH/id-token/tokens")).withRequestBody(equalToJson("{\"auth\":{\"id_token\":{\"id\":\"jwt-refused\"}}}"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"code\":401,\"message\":\"The ID token is invalid.\"}}")));
        FederatedKeys federation = federation();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> federation.keys(client)).hasMessageContaining("The ID token is invalid.")
                    .hasMessageContaining("identity provider 'idp-42'").hasMessageNotContaining("jwt-refused");
        }
        iam.verify(1, postRequestedFor(urlEqualTo("/v3.0/OS-AUTH/id-token/tokens")));
        iam.verify(0, postRequestedFor(urlEqualTo("/v3.0/OS-CREDENTIAL/securitytokens")));
    }

    @Test
    void aTokenFileEmptiedBeforeTheRefreshFailsNamingTheSettingWithoutACall() throws Exception {
        FederatedKeys federation = federation();
        federation.keys(client);
        clock.set(Instant.parse("2026-03-01T14:00:00Z").minus(Duration.ofMinutes(10)));
        Files.writeString(tokenFile, "  \n");

        assertThatThrownBy(() -> federation.keys(client)).hasMessageContaining("HUAWEICLOUD_SDK_ID_TOKEN_FILE").hasMessageContaining("is empty");
        iam.verify(1, postRequestedFor(urlEqualTo("/v3.0/OS-AUTH/id-token/tokens")));
    }

    @Test
    void theKeysPrintWithoutTheirSecrets() throws Exception {
        TemporaryKeys keys = federation().keys(client);

        assertThat(keys.toString()).doesNotContain("secret-of-").doesNotContain("sts-of-").contains("TMPA****");
    }
}
