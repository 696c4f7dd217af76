package dev.worklink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SandboxIamTest extends SandboxFixture {

    @Test
    void theSandboxUserGetsA201WithANewTokenInXSubjectToken() throws Exception {
        HttpResponse<String> r = iam("sandbox-user", "sandbox-password", "sandbox-domain");

        assertThat(r.statusCode()).isEqualTo(201);
        String token = r.headers().firstValue("X-Subject-Token").orElseThrow();
        assertThat(token).startsWith("MIIsandbox").hasSizeGreaterThanOrEqualTo(32);
        assertThat(sandbox.issuedTokens()).containsExactly(token);
        assertThat(issuedToken()).isNotEqualTo(token);
    }

    @Test
    void theTokenBodyNamesTheUserDomainAndProjectAndLasts24Hours() throws Exception {
        JsonNode token = json(iam("sandbox-user", "sandbox-password", "sandbox-domain").body()).path("token");

        assertThat(token.path("methods").toString()).isEqualTo("[\"password\"]");
        assertThat(token.path("user").path("name").asText()).isEqualTo("sandbox-user");
        assertThat(token.path("user").path("domain").path("name").asText()).isEqualTo("sandbox-domain");
        assertThat(token.path("project").path("name").asText()).isEqualTo("cn-north-4");
        Instant issued = Instant.parse(token.path("issued_at").asText());
        Instant expires = Instant.parse(token.path("expires_at").asText());
        assertThat(Duration.between(issued, expires)).isEqualTo(Duration.ofHours(24));
        assertThat(issued).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    }

    @Test
    void aWrongPasswordIs401WithIamsOwnWords() throws Exception {
        HttpResponse<String> r = iam("sandbox-user", "not-the-password", "sandbox-domain");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r.body())).isEqualTo(json("{\"error\":{\"code\":401,\"message\":\"The username or password is wrong.\",\"title\":\"Unauthorized\"}}"));
        assertThat(r.headers().firstValue("X-Subject-Token")).isEmpty();
        assertThat(sandbox.issuedTokens()).isEmpty();
    }

    @Test
    void aWrongDomainIs401() throws Exception {
        assertThat(iam("sandbox-user", "sandbox-password", "another-domain").statusCode()).isEqualTo(401);
    }

    @Test
    void aBodyWithoutTheProjectScopeIs400() throws Exception {
        String body = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"sandbox-user\","
                + "\"password\":\"sandbox-password\",\"domain\":{\"name\":\"sandbox-domain\"}}}}}}";

        HttpResponse<String> r = post("/v3/auth/tokens", "application/json", body.getBytes(StandardCharsets.UTF_8));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r.body()).path("error").path("message").asText()).contains("auth.scope.project.name is missing");
    }

    @Test
    void aBodyThatIsNotJsonIs400() throws Exception {
        assertThat(post("/v3/auth/tokens", "application/json", "user=sandbox-user".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aGetOfTheTokenCallIs405() throws Exception {
        HttpResponse<String> r = get("/v3/auth/tokens");

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void theRecordedTokenCallShowsTheBodyWithThePasswordMasked() throws Exception {
        iam("sandbox-user", "sandbox-password", "sandbox-domain");

        RecordedRequest r = onlyRecord();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v3/auth/tokens");
        assertThat(r.query()).isEqualTo("nocatalog=true");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.authenticatedAs()).isEqualTo("password:sandbox-user");
        assertThat(json(r.jsonBody())).isEqualTo(json(iamBody("sandbox-user", "***", "sandbox-domain")));
        assertThat(sandbox.iamCalls()).isEqualTo(1);
    }
}
