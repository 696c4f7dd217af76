package dev.worklink.superoffice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worklink.files.ImageType;
import dev.worklink.http.HttpClientFactory;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.Log;
import dev.worklink.http.RecordingLog;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityImageTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** The smallest well-formed heads of each type (enough for detection and for the wire). */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1};
    static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0};
    static final byte[] GIF = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, ';'};
    static final byte[] TIFF = {'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0};

    @TempDir
    Path dir;

    private CloseableHttpClient http;
    private ServiceClient client;
    private SuperOfficeEndpoint endpoint;

    @BeforeEach
    void setUp() {
        http = HttpClientFactory.create(HttpSettings.defaults(), "test");
        client = new ServiceClient(http, HttpSettings.defaults().withRetries(2), Log.NONE, d -> {});
        endpoint = SuperOfficeEndpoint.of(server.baseUrl() + "/SuperOffice/api/v1/");
    }

    @AfterEach
    void tearDown() throws IOException {
        http.close();
    }

    private SuperOfficeAuthenticator basic() {
        return SuperOfficeAuthenticator.basic("so-user", "so-password", null, "superoffice", "server 'superoffice' in Maven settings");
    }

    private static byte[] bytesOf(String type) {
        return switch (type) {
            case "PNG" -> PNG;
            case "JPEG" -> JPEG;
            case "GIF" -> GIF;
            default -> TIFF;
        };
    }

    @ParameterizedTest
    @CsvSource({"PNG, image/png, Project", "JPEG, image/jpeg, Contact", "GIF, image/gif, Person", "TIFF, image/tiff, Project"})
    void putsTheRawImageWithTheContentTypeItsContentSays(String type, String contentType, String entity) throws Exception {
        byte[] bytes = bytesOf(type);
        Path file = Files.write(dir.resolve("picture.bin"), bytes);
        assertThat(ImageType.detect(file).mimeType()).isEqualTo(contentType);
        String path = "/SuperOffice/api/v1/" + entity + "/4711/Image";
        server.stubFor(put(path).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody("59")));

        EntityImage.Saved saved = new EntityImage(client, basic(), endpoint).save(ImageOwner.of(entity), 4711, file, ImageType.detect(file).mimeType());

        assertThat(saved.blobId()).isEqualTo(59L);
        server.verify(putRequestedFor(urlEqualTo(path))
                .withHeader("Content-Type", equalTo(contentType))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Basic c28tdXNlcjpzby1wYXNzd29yZA=="))
                .withHeader("SO-AppToken", absent())
                .withHeader("Content-Length", equalTo(String.valueOf(bytes.length)))
                .withRequestBody(binaryEqualTo(bytes)));
    }

    @Test
    void refusesATypeSuperOfficeDoesNotTake() throws Exception {
        Path bmp = Files.write(dir.resolve("a.bmp"), new byte[] {'B', 'M', 0, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0});

        assertThatThrownBy(() -> new EntityImage(client, basic(), endpoint).save(ImageOwner.PROJECT, 1, bmp, "image/bmp"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void readsTheBlobIdAsAJsonIntegerOrAQuotedOne() throws IOException {
        assertThat(EntityImage.blobId("save", "59")).isEqualTo(59L);
        assertThat(EntityImage.blobId("save", " 2147483648\r\n")).isEqualTo(2147483648L);
        assertThat(EntityImage.blobId("save", "\"61\"")).isEqualTo(61L);
    }

    @Test
    void aBodyThatIsNoBlobIdIsAnErrorThatSaysWhatCame() {
        assertThatThrownBy(() -> EntityImage.blobId("save logo.png as the image of Project 1", "<html>Login</html>"))
                .isInstanceOf(IOException.class)
                .hasMessage("save logo.png as the image of Project 1: SuperOffice answered 200 with '<html>Login</html>' where the blob id "
                        + "(an integer) was expected; is the endpoint the WebAPI base up to /api?");
    }

    @Test
    void a401NamesTheSchemeAndTheServerButNotTheCredential() throws Exception {
        server.stubFor(put("/SuperOffice/api/v1/Project/7/Image").willReturn(aResponse().withStatus(401)
                .withBody("{\"Error\":\"Unauthorized\",\"Message\":\"Invalid ticket\"}")));
        Path file = Files.write(dir.resolve("logo.png"), PNG);
        SuperOfficeAuthenticator ticket = SuperOfficeAuthenticator.soTicket("7T:secret-ticket", "app-secret", "superoffice-ticket",
                "server 'superoffice-ticket' in Maven settings");
        EntityImage images = new EntityImage(client, ticket, endpoint);

        ServiceException e = org.junit.jupiter.api.Assertions.assertThrows(ServiceException.class,
                () -> images.save(ImageOwner.PROJECT, 7, file, "image/png"));

        assertThat(images.explain(e, ImageOwner.PROJECT, 7, file)).isEqualTo(
                "save logo.png as the image of Project 7 failed: HTTP 401, error_msg \"Invalid ticket\"\n"
                        + "SuperOffice refused the credentials: Authorization scheme SOTicket with SO-AppToken, from the server "
                        + "'superoffice-ticket' in settings.xml. Check its <password> (the ticket; tickets expire after 6 hours) and "
                        + "<configuration><appToken>.");
        assertThat(images.explain(e, ImageOwner.PROJECT, 7, file)).doesNotContain("secret-ticket", "app-secret");
        server.verify(1, putRequestedFor(urlEqualTo("/SuperOffice/api/v1/Project/7/Image")));
    }

    @Test
    void aMissingProjectSaysToCheckTheId() throws Exception {
        server.stubFor(put("/SuperOffice/api/v1/Project/999/Image").willReturn(aResponse().withStatus(500)
                .withBody("{\"Error\":\"Project 999 not found\",\"ErrorType\":\"SoException\"}")));
        Path file = Files.write(dir.resolve("logo.png"), PNG);
        EntityImage images = new EntityImage(client, basic(), endpoint);

        ServiceException e = org.junit.jupiter.api.Assertions.assertThrows(ServiceException.class,
                () -> images.save(ImageOwner.PROJECT, 999, file, "image/png"));

        assertThat(images.explain(e, ImageOwner.PROJECT, 999, file)).isEqualTo(
                "save logo.png as the image of Project 999 failed: HTTP 500, error_code SoException, error_msg \"Project 999 not found\"\n"
                        + "Check that Project 999 exists at " + endpoint + " and that logo.png is a valid image "
                        + "(SuperOffice answers 400, 404 or 500 for a missing project).");
        server.verify(1, putRequestedFor(urlEqualTo("/SuperOffice/api/v1/Project/999/Image")));
    }

    @Test
    void aBusyServiceIsRetriedLikeEveryOtherCall() throws Exception {
        server.stubFor(put("/SuperOffice/api/v1/Project/1/Image").inScenario("busy").whenScenarioStateIs(
                com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(put("/SuperOffice/api/v1/Project/1/Image").inScenario("busy").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("62")));
        Path file = Files.write(dir.resolve("logo.png"), PNG);

        assertThat(new EntityImage(client, basic(), endpoint).save(ImageOwner.PROJECT, 1, file, "image/png").blobId()).isEqualTo(62L);
        server.verify(2, putRequestedFor(urlEqualTo("/SuperOffice/api/v1/Project/1/Image"))
                .withRequestBody(binaryEqualTo(Arrays.copyOf(PNG, PNG.length))));
    }

    @Test
    void aDryRunLogsTheRequestWithSecretsMaskedAndSendsNothingNotEvenALogin() throws Exception {
        RecordingLog collecting = RecordingLog.withoutDebug();
        java.util.List<String> lines = collecting.lines();
        ServiceClient dryRun = new ServiceClient(http, HttpSettings.defaults().withDryRun(true), collecting, d -> {});
        SystemUserTicketSource tickets = new SystemUserTicketSource(java.net.URI.create(server.baseUrl() + "/Login"), "Cust12345",
                "system-user-secret", "app-secret", TestKeys.pair().getPrivate(), java.time.Clock.systemUTC());
        SuperOfficeAuthenticator auth = SuperOfficeAuthenticator.systemUser(tickets, dryRun, "app-secret", "/keys/app.pem", "superoffice",
                "server 'superoffice' in Maven settings");
        Path file = Files.write(dir.resolve("logo.png"), PNG);

        EntityImage.Saved saved = new EntityImage(dryRun, auth, endpoint).save(ImageOwner.PROJECT, 1, file, "image/png");

        assertThat(saved.blobId()).isNull();
        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(tickets.fetches()).isZero();
        assertThat(lines).singleElement().asString()
                .startsWith("[dry run] would send PUT " + server.baseUrl() + "/SuperOffice/api/v1/Project/1/Image")
                .contains("Content-Type: image/png", "body: image/png, logo.png (" + PNG.length + " bytes)")
                .doesNotContain("system-user-secret", "app-secret");
    }
}
