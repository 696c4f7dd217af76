package dev.worklink.codearts;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.worklink.files.ImageType;
import dev.worklink.files.ImageTypeSamples;
import dev.worklink.http.HttpClientFactory;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.Log;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.TokenAuthenticatorForTests;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ExtensionIconTest {

    static final String DOMAIN = "ce8df55870164338a72d7e828a966a2a";
    static final String PATH = "/v1/" + DOMAIN + "/common/upload-plugin-icon";
    static final String STORED = "https://devops.example.cn/devmarket/plugin/new/my-test-pluginBGqH6-470e9155-icon.png";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private CloseableHttpClient http;

    @BeforeEach
    void setUp() {
        http = HttpClientFactory.create(HttpSettings.defaults(), "test");
    }

    @AfterEach
    void tearDown() throws IOException {
        http.close();
    }

    private ExtensionIcon api() {
        return new ExtensionIcon(new ServiceClient(http, HttpSettings.defaults().withRetries(0), Log.NONE, d -> {}),
                new TokenAuthenticatorForTests("token-1234567890"), URI.create(server.baseUrl()), Log.NONE);
    }

    private Path icon(String name, String format, int size) throws IOException {
        return ImageTypeSamples.write(dir.resolve(name), format, size, size);
    }

    @Test
    void uploadsAPngNamedJpgAsImagePngInTheUploadFileFieldAndReturnsTheStoredUrl() throws IOException {
        Path file = icon("icon.jpg", "png", 128);
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(STORED)));

        IconOutcome outcome = api().upload(DOMAIN, "My Plugin_1.0-beta", ExtensionIcon.inspect(file));

        server.verify(postRequestedFor(urlEqualTo(PATH + "?plugin_name=My%20Plugin_1.0-beta"))
                .withHeader("X-Auth-Token", equalTo("token-1234567890"))
                .withRequestBodyPart(aMultipart().withName("upload_file")
                        .withHeader("Content-Disposition", containing("filename=\"icon.jpg\""))
                        .withHeader("Content-Type", containing("image/png"))
                        .withBody(binaryEqualTo(Files.readAllBytes(file))).build()));
        assertThat(outcome.status()).isEqualTo("uploaded");
        assertThat(outcome.url()).isEqualTo(STORED);
        assertThat(outcome.contentType()).isEqualTo("image/png");
        assertThat(outcome.width()).isEqualTo(128);
        assertThat(outcome.height()).isEqualTo(128);
    }

    @Test
    void aJsonQuotedUrlIsUnquoted() throws IOException {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("\"" + STORED + "\"")));

        IconOutcome outcome = api().upload(DOMAIN, "demo", ExtensionIcon.inspect(icon("icon.png", "png", 128)));

        assertThat(outcome.url()).isEqualTo(STORED);
    }

    @Test
    void trueIsSuccessWithoutAUrl() throws IOException {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("true")));

        IconOutcome outcome = api().upload(DOMAIN, "demo", ExtensionIcon.inspect(icon("icon.jpeg", "jpeg", 128)));

        assertThat(outcome.status()).isEqualTo("uploaded");
        assertThat(outcome.url()).isNull();
        assertThat(outcome.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void falseIsAFailure() throws IOException {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withHeader("X-Request-Id", "r-9").withBody("false")));

        IconOutcome outcome = api().upload(DOMAIN, "demo", ExtensionIcon.inspect(icon("icon.png", "png", 128)));

        assertThat(outcome.status()).isEqualTo("failed");
        assertThat(outcome.httpStatus()).isEqualTo(200);
        assertThat(outcome.reason()).isEqualTo("upload the icon icon.png of extension 'demo' failed: HTTP 200, "
                + "error_msg \"the service answered false: the icon was not stored\", X-Request-Id r-9");
    }

    @Test
    void aHuaweiErrorIsAFailureInTheServicesOwnWords() throws IOException {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withBody("{\"error_code\":\"DEVPIPE.00011104\",\"error_msg\":\"plugin not found\"}")));

        IconOutcome outcome = api().upload(DOMAIN, "demo", ExtensionIcon.inspect(icon("icon.png", "png", 128)));

        assertThat(outcome.status()).isEqualTo("failed");
        assertThat(outcome.httpStatus()).isEqualTo(400);
        assertThat(outcome.reason()).contains("error_code DEVPIPE.00011104", "plugin not found");
    }

    @Test
    void theTypeIsDecidedByContentNotByName() throws IOException {
        Path gif = icon("icon.png", "gif", 128);
        Path text = Files.writeString(dir.resolve("text.png"), "<svg>not a png</svg>");
        Path jpeg = icon("icon.png.jpeg", "jpeg", 128);

        assertThat(ExtensionIcon.inspect(gif).problems()).containsExactly(
                "must be a PNG or JPEG image by its content (the file name does not count), but it is a GIF image");
        assertThat(ExtensionIcon.inspect(text).problems()).containsExactly(
                "must be a PNG or JPEG image by its content (the file name does not count), but its first bytes are those of no image type");
        assertThat(ExtensionIcon.inspect(jpeg).problems()).isEmpty();
        assertThat(ExtensionIcon.inspect(jpeg).type()).isEqualTo(ImageType.JPEG);
    }

    @Test
    void anIconOf512KbIsAcceptedAnd513KbIsNot() throws IOException {
        Path exactly = ImageTypeSamples.padTo(icon("exactly.png", "png", 128), 512 * 1024);
        Path over = ImageTypeSamples.padTo(icon("over.png", "png", 128), 513 * 1024);

        assertThat(ExtensionIcon.inspect(exactly).problems()).isEmpty();
        assertThat(ExtensionIcon.inspect(over).problems()).containsExactly(
                "over.png is 525312 bytes (513.0 KB), over the limit of 524288 bytes (512 KB) for extension icons");
    }

    @Test
    void aSizeOtherThan128SquareIsAWarningNotAProblem() throws IOException {
        ExtensionIcon.Inspection big = ExtensionIcon.inspect(icon("big.png", "png", 256));
        ExtensionIcon.Inspection wide = ExtensionIcon.inspect(ImageTypeSamples.write(dir.resolve("wide.jpg"), "jpeg", 128, 64));
        ExtensionIcon.Inspection right = ExtensionIcon.inspect(icon("right.png", "png", 128));

        assertThat(big.problems()).isEmpty();
        assertThat(big.warning()).isEqualTo("big.png is 256 × 256 pixels; CodeArts recommends 128 × 128 for extension icons. It is uploaded as it is.");
        assertThat(wide.warning()).startsWith("wide.jpg is 128 × 64 pixels;");
        assertThat(right.warning()).isNull();
    }

    @Test
    void pluginNamesFollowTheDocumentedRule() {
        assertThat(ExtensionIcon.pluginNameProblem("My Plugin_1.0-beta")).isNull();
        assertThat(ExtensionIcon.pluginNameProblem("a".repeat(50))).isNull();
        assertThat(ExtensionIcon.pluginNameProblem("a".repeat(51))).isEqualTo(
                "is 51 characters long, over the limit of 50 (doc: letters, digits, spaces, '-', '_' and '.'; at most 50 characters)");
        assertThat(ExtensionIcon.pluginNameProblem("team/plugin")).isEqualTo(
                "may hold only letters, digits, spaces, '-', '_' and '.' (doc), but holds '/'");
        assertThat(ExtensionIcon.pluginNameProblem("plügin")).endsWith("but holds 'ü'");
    }

    @Test
    void theQueryValueIsPercentEncodedAsRfc3986Says() {
        assertThat(ExtensionIcon.encode("a b+c~d.e_f-g")).isEqualTo("a%20b%2Bc~d.e_f-g");
        assertThat(ExtensionIcon.encode("ü/&=")).isEqualTo("%C3%BC%2F%26%3D");
        assertThat(api().uri(DOMAIN, "My Plugin").toString()).isEqualTo(server.baseUrl() + PATH + "?plugin_name=My%20Plugin");
    }
}
