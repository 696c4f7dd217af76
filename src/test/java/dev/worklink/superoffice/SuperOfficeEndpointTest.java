package dev.worklink.superoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SuperOfficeEndpointTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "https://online.superoffice.com/Cust12345/api",
        "https://online.superoffice.com/Cust12345/api/",
        "https://online.superoffice.com/Cust12345/api/v1",
        "https://online.superoffice.com/Cust12345/api/v1/",
        "https://online.superoffice.com/Cust12345/api/V1//",
        "  https://online.superoffice.com/Cust12345/api  "})
    void dropsATrailingSlashOrV1(String written) {
        SuperOfficeEndpoint endpoint = SuperOfficeEndpoint.of(written);

        assertThat(endpoint.apiBase()).isEqualTo(URI.create("https://online.superoffice.com/Cust12345/api"));
        assertThat(endpoint.v1("Project/4711/Image"))
                .isEqualTo(URI.create("https://online.superoffice.com/Cust12345/api/v1/Project/4711/Image"));
    }

    @Test
    void anOnlineHostIsOnlineAndItsLoginServiceIsDerivedFromItsEnvironment() {
        SuperOfficeEndpoint sod = SuperOfficeEndpoint.of("https://sod.superoffice.com/Cust26759/api");

        assertThat(sod.online()).isTrue();
        assertThat(sod.environment()).isEqualTo("sod");
        assertThat(sod.defaultLoginEndpoint()).isEqualTo(URI.create("https://sod.superoffice.com/Login"));
        assertThat(SuperOfficeEndpoint.of("https://QAOnline.SuperOffice.com/Cust1/api").defaultLoginEndpoint())
                .isEqualTo(URI.create("https://qaonline.superoffice.com/Login"));
    }

    @Test
    void aNumberedSodHostLogsInAtSod() {
        SuperOfficeEndpoint e = SuperOfficeEndpoint.of("https://sod2.superoffice.com/Cust1/api");

        assertThat(e.environment()).isEqualTo("sod");
        assertThat(e.defaultLoginEndpoint()).isEqualTo(URI.create("https://sod.superoffice.com/Login"));
    }

    @Test
    void aNumberedOnlineHostLogsInAtOnline() {
        SuperOfficeEndpoint e = SuperOfficeEndpoint.of("https://online3.superoffice.com/Cust1/api");

        assertThat(e.environment()).isEqualTo("online");
        assertThat(e.defaultLoginEndpoint()).isEqualTo(URI.create("https://online.superoffice.com/Login"));
    }

    @Test
    void theQaonlineHostLogsInAtQaonline() {
        assertThat(SuperOfficeEndpoint.of("https://qaonline.superoffice.com/Cust1/api").defaultLoginEndpoint())
                .isEqualTo(URI.create("https://qaonline.superoffice.com/Login"));
        assertThat(SuperOfficeEndpoint.of("https://qaonline2.superoffice.com/Cust1/api").defaultLoginEndpoint())
                .isEqualTo(URI.create("https://qaonline.superoffice.com/Login"));
    }

    @Test
    void anOnlineHostOfNoKnownEnvironmentHasNoDerivedLoginService() {
        SuperOfficeEndpoint e = SuperOfficeEndpoint.of("https://app.superoffice.com/Cust1/api");

        assertThat(e.online()).isTrue();
        assertThat(e.environment()).isNull();
        assertThat(e.defaultLoginEndpoint()).isNull();
    }

    @Test
    void anOnSiteHostIsNotOnlineAndHasNoDerivedLoginService() {
        SuperOfficeEndpoint onSite = SuperOfficeEndpoint.of("http://crm.example.com:8080/SuperOffice/api/v1");

        assertThat(onSite.online()).isFalse();
        assertThat(onSite.apiBase()).isEqualTo(URI.create("http://crm.example.com:8080/SuperOffice/api"));
        assertThat(onSite.defaultLoginEndpoint()).isNull();
        assertThat(onSite.looksLikeApiBase()).isTrue();
    }

    @Test
    void aHostThatMerelyContainsTheOnlineDomainIsNotOnline() {
        assertThat(SuperOfficeEndpoint.of("https://superoffice.com.example.org/api").online()).isFalse();
    }

    @Test
    void aBaseWithoutApiIsAcceptedButFlagged() {
        assertThat(SuperOfficeEndpoint.of("https://online.superoffice.com/Cust12345").looksLikeApiBase()).isFalse();
    }

    @Test
    void refusesCredentialsInTheUrl() {
        assertThatThrownBy(() -> SuperOfficeEndpoint.of("https://so-user:secret@crm.example.com/SuperOffice/api"))
                .hasMessage("must not carry a user or password (user@host): credentials belong in a <server> in settings.xml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://online.superoffice.com/Cust12345/api", "online.superoffice.com/Cust12345/api", "https:///api", "http://host/api?x=1"})
    void refusesWhatIsNotAnHttpApiBase(String written) {
        assertThatThrownBy(() -> SuperOfficeEndpoint.of(written))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("must be");
    }
}
