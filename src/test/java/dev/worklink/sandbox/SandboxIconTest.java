package dev.worklink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worklink.auth.AkSkSigner;
import dev.worklink.codearts.ExtensionIcon;
import dev.worklink.codearts.IconOutcome;
import dev.worklink.files.ImageTypeSamples;
import dev.worklink.http.Log;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class SandboxIconTest extends SandboxFixture {

    private static final String DOMAIN = "ce8df55870164338a72d7e828a966a2a";
    private static final String PATH = "/v1/" + DOMAIN + "/common/upload-plugin-icon";
    private static final String MULTIPART = "multipart/form-data; boundary=test-boundary";

    private ExtensionIcon icons() {
        return new ExtensionIcon(client, readyToken(), uri(""), Log.NONE);
    }

    private Path png(String name, int pixels) throws Exception {
        return ImageTypeSamples.write(dir.resolve(name), "png", pixels, pixels);
    }

    private HttpResponse<String> rawUpload(String pathAndQuery, String field, String fileName, byte[] bytes) throws Exception {
        return post(pathAndQuery, MULTIPART, multipart("test-boundary", field, fileName, bytes), "X-Auth-Token", SandboxCredentials.READY_TOKEN);
    }

    private static void assertHuaweiError(HttpResponse<String> r, String code, String messagePart) throws Exception {
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = json(r.body());
        assertThat(body.path("error_code").asText()).isEqualTo(code);
        assertThat(body.path("error_msg").asText()).contains(messagePart);
    }

    @Test
    void anIconIsStoredAndItsUrlAnsweredAsPlainTextAndRecorded() throws Exception {
        Path icon = png("icon.png", 128);

        IconOutcome outcome = icons().upload(DOMAIN, "My Plugin 1.0", ExtensionIcon.inspect(icon));

        assertThat(outcome.status()).isEqualTo("uploaded");
        assertThat(outcome.url()).isEqualTo("https://devops.sandbox.invalid/devmarket/plugin/new/My-Plugin-1.0-" + sha256(icon).substring(0, 32) + "-icon.png");
        RecordedRequest r = onlyRecord();
        assertThat(r.path()).isEqualTo(PATH);
        assertThat(r.query()).isEqualTo("plugin_name=My%20Plugin%201.0");
        assertThat(r.parts()).containsExactly(new RecordedPart("upload_file", "icon.png", "image/png", Files.size(icon), sha256(icon)));
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void aSignedUploadWithASpaceInThePluginNameVerifies() throws Exception {
        Path icon = ImageTypeSamples.write(dir.resolve("icon.jpg"), "jpeg", 128, 128);
        AkSkSigner signer = new AkSkSigner(SandboxCredentials.ACCESS_KEY, SandboxCredentials.SECRET_KEY, null, "test", Clock.systemUTC());

        IconOutcome outcome = new ExtensionIcon(client, signer, uri(""), Log.NONE).upload(DOMAIN, "my plugin", ExtensionIcon.inspect(icon));

        assertThat(outcome.status()).as(outcome.reason()).isEqualTo("uploaded");
        assertThat(onlyRecord().authenticatedAs()).isEqualTo("aksk:" + SandboxCredentials.ACCESS_KEY);
    }

    @Test
    void anIconOf512KbIsAcceptedAnd513KbIs400() throws Exception {
        byte[] exactly = Files.readAllBytes(ImageTypeSamples.padTo(png("a.png", 128), 512 * 1024));
        byte[] over = Files.readAllBytes(ImageTypeSamples.padTo(png("b.png", 128), 513 * 1024));

        assertThat(rawUpload(PATH + "?plugin_name=demo", "upload_file", "a.png", exactly).statusCode()).isEqualTo(200);
        assertHuaweiError(rawUpload(PATH + "?plugin_name=demo", "upload_file", "b.png", over), "DEVPIPE.00011002",
                "exceeds the size limit (512 KB): it is 525312 bytes");
    }

    @Test
    void onlyPngAndJpegByContentAreAccepted() throws Exception {
        byte[] gif = Files.readAllBytes(ImageTypeSamples.write(dir.resolve("a.gif"), "gif", 8, 8));
        byte[] jpeg = Files.readAllBytes(ImageTypeSamples.write(dir.resolve("a.jpg"), "jpeg", 8, 8));

        assertHuaweiError(rawUpload(PATH + "?plugin_name=demo", "upload_file", "icon.png", gif), "DEVPIPE.00011002", "a GIF image");
        assertHuaweiError(rawUpload(PATH + "?plugin_name=demo", "upload_file", "icon.png", "not a png".getBytes()), "DEVPIPE.00011002", "no image");
        assertThat(rawUpload(PATH + "?plugin_name=demo", "upload_file", "icon.gif", jpeg).statusCode()).isEqualTo(200);
    }

    @Test
    void theFileMustBeInTheFieldUploadFile() throws Exception {
        byte[] png = Files.readAllBytes(png("a.png", 8));

        assertHuaweiError(rawUpload(PATH + "?plugin_name=demo", "file", "icon.png", png), "DEVPIPE.00011002", "in the field 'upload_file'");
    }

    @Test
    void pluginNameAndDomainIdFollowTheDocumentedRules() throws Exception {
        byte[] png = Files.readAllBytes(png("a.png", 8));

        assertThat(rawUpload(PATH + "?plugin_name=" + "a".repeat(50), "upload_file", "i.png", png).statusCode()).isEqualTo(200);
        assertHuaweiError(rawUpload(PATH + "?plugin_name=" + "a".repeat(51), "upload_file", "i.png", png), "DEVPIPE.00011001", "is invalid");
        assertHuaweiError(rawUpload(PATH + "?plugin_name=team%2Fplugin", "upload_file", "i.png", png), "DEVPIPE.00011001",
                "'team/plugin' is invalid");
        assertHuaweiError(rawUpload(PATH, "upload_file", "i.png", png), "DEVPIPE.00011001", "plugin_name is missing");
        assertHuaweiError(rawUpload("/v1/" + DOMAIN.substring(1) + "/common/upload-plugin-icon?plugin_name=demo", "upload_file", "i.png", png),
                "DEVPIPE.00011001", "domain_id");
    }

    @Test
    void anUploadWithoutCredentialsIs401() throws Exception {
        HttpResponse<String> r = post(PATH + "?plugin_name=demo", MULTIPART, multipart("test-boundary", "upload_file", "i.png",
                Files.readAllBytes(png("a.png", 8))));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r.body()).path("error_code").asText()).isEqualTo("APIGW.0301");
    }
}
