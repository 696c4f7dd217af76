package dev.worklink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;

class ClearTextRuleTest {

    private final RecordingLog log = RecordingLog.withoutDebug();

    @Test
    void httpToALoopbackAddressIsAllowedWithoutAWord() {
        ClearTextRule rule = new ClearTextRule(false, log);

        for (String url : List.of("http://127.0.0.1:8080/api", "http://127.1.2.3", "http://localhost:9000", "http://LOCALHOST",
                "http://[::1]:8443/x", "http://[0:0:0:0:0:0:0:1]/", "https://192.0.2.7/v1", "HTTPS://codearts.example.com")) {
            assertThatCode(() -> rule.check(URI.create(url), "the endpoint")).as(url).doesNotThrowAnyException();
        }
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void httpToAnotherHostIsRefusedNamingTheEndpointAndTheParameter() {
        ClearTextRule rule = new ClearTextRule(false, log);

        assertThatThrownBy(() -> rule.check(URI.create("http://iam.example.com:8080/v3"), "the IAM endpoint"))
                .isInstanceOf(InsecureEndpointException.class)
                .hasMessage("Refusing to send credentials in clear text to http://iam.example.com:8080 (the IAM endpoint): it is http:// "
                        + "and not a loopback address (127.0.0.0/8, ::1, localhost), so a password, token or signature could be read on "
                        + "the way. Use https://, or set allowInsecure (-Dworklink.allowInsecure=true) if the network to "
                        + "http://iam.example.com:8080 is trusted.");
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void addressesThatOnlyLookLikeLoopbackAreRefused() {
        ClearTextRule rule = new ClearTextRule(false, log);

        for (String url : List.of("http://128.0.0.1", "http://127.0.0.1.example.com", "http://localhost.example.com", "http://[::2]",
                "http://10.0.0.1", "http://127.0.0.256", "HTTP://192.0.2.7")) {
            assertThatThrownBy(() -> rule.check(URI.create(url), "the endpoint")).as(url).isInstanceOf(InsecureEndpointException.class);
        }
    }

    @Test
    void allowInsecureLetsItThroughWithOneWarningPerHost() throws IOException {
        ClearTextRule rule = new ClearTextRule(true, log);

        rule.check(URI.create("http://192.0.2.7:8080/a"), "the endpoint parameter");
        rule.check(URI.create("http://192.0.2.7:8080/b"), "the endpoint parameter");
        rule.check(URI.create("http://127.0.0.1/c"), "the IAM endpoint");

        assertThat(log.lines()).containsExactly("allowInsecure: credentials go in clear text to http://192.0.2.7:8080 (the endpoint "
                + "parameter); anyone on the network between can read them. Use https:// where you can.");
    }

    @Test
    void theClientRefusesBeforeAnyConnectionOrCredential() {
        AtomicInteger clientsBuilt = new AtomicInteger();
        AtomicInteger credentialsAsked = new AtomicInteger();
        ServiceClient client = new ServiceClient(() -> {
            clientsBuilt.incrementAndGet();
            return (CloseableHttpClient) null;
        }, HttpSettings.defaults(), log, new ArrayList<java.time.Duration>()::add);
        RequestAuthenticator auth = new RequestAuthenticator() {
            @Override
            public java.util.Map<String, String> headersFor(ServiceRequest request) {
                credentialsAsked.incrementAndGet();
                return java.util.Map.of("X-Auth-Token", "t");
            }

            @Override
            public String describe() {
                return "test";
            }
        };
        ServiceRequest request = ServiceRequest.json("POST", URI.create("http://192.0.2.7/v3/plan/p/q/issue"),
                "[1]".getBytes(StandardCharsets.UTF_8), "link 1 work item(s)");

        assertThatThrownBy(() -> client.execute(request, auth)).isInstanceOf(InsecureEndpointException.class)
                .hasMessageContaining("http://192.0.2.7 (for link 1 work item(s))").hasMessageContaining("allowInsecure");
        assertThat(clientsBuilt).hasValue(0);
        assertThat(credentialsAsked).hasValue(0);
    }
}
