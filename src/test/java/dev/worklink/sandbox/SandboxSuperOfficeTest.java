package dev.worklink.sandbox;

import dev.worklink.http.BuildScope;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worklink.auth.ServerEntry;
import dev.worklink.superoffice.EntityImage;
import dev.worklink.superoffice.ImageOwner;
import dev.worklink.superoffice.SuperOfficeAuthenticator;
import dev.worklink.superoffice.SuperOfficeCredentials;
import dev.worklink.superoffice.SuperOfficeEndpoint;
import dev.worklink.superoffice.SystemUserTicketSource;
import java.io.RandomAccessFile;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxSuperOfficeTest extends SandboxFixture {

    /** One build's shared state, new for every test. */
    private BuildScope build = new BuildScope();

    static final String ON_SITE_IMAGE = "/SuperOffice/api/v1/Project/4711/Image";
    static final String ONLINE_IMAGE = "/Cust12345/api/v1/Project/4711/Image";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1};
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
            (SuperOfficeSandboxCredentials.USER + ":" + SuperOfficeSandboxCredentials.PASSWORD).getBytes(StandardCharsets.UTF_8));
    static final String[] TICKET = {"Authorization", "SOTicket " + SuperOfficeSandboxCredentials.TICKET,
        "SO-AppToken", SuperOfficeSandboxCredentials.APP_TOKEN};

    private static KeyPair keys;

    static synchronized KeyPair keys() throws Exception {
        if (keys == null) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            keys = g.generateKeyPair();
        }
        return keys;
    }

    HttpResponse<String> put(String path, String contentType, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    HttpResponse<byte[]> getBytes(String path, String... headers) throws Exception {
        return raw.send(HttpRequest.newBuilder(uri(path)).GET().headers(headers).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> login(String signedSystemToken, String appToken, String tenant) throws Exception {
        String body = "{\"SignedSystemToken\":\"" + signedSystemToken + "\",\"ApplicationToken\":\"" + appToken
                + "\",\"ContextIdentifier\":\"" + tenant + "\",\"ReturnTokenType\":\"JWT\"}";
        return post(SuperOfficeSandboxCredentials.LOGIN_PATH, "application/json; charset=UTF-8", body.getBytes(StandardCharsets.UTF_8));
    }

    static String signed(Instant when) throws Exception {
        return SystemUserTicketSource.signedSystemToken(SuperOfficeSandboxCredentials.SYSTEM_USER_TOKEN, keys().getPrivate(), when);
    }

    static String ticketOf(HttpResponse<String> login) throws Exception {
        String jwt = json(login.body()).get("Token").asText();
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return claims.get("http://schemes.superoffice.net/identity/ticket").asText();
    }

    @Test
    void aPutImageIsStoredAndAGetGivesTheSameBytesBack() throws Exception {
        HttpResponse<String> saved = put(ON_SITE_IMAGE, "image/png", PNG, "Authorization", BASIC, "Accept", "application/json");

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(saved.body()).matches("[0-9]+");
        HttpResponse<byte[]> back = getBytes(ON_SITE_IMAGE, "Authorization", BASIC);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(back.body()).isEqualTo(PNG);
        RecordedRequest r = sandbox.records().get(0);
        assertThat(r.method()).isEqualTo("PUT");
        assertThat(r.headers()).containsEntry("authorization", "***").containsEntry("content-type", "image/png");
        assertThat(r.bodySize()).isEqualTo(PNG.length);
        assertThat(r.bodySha256()).isEqualTo(sha256(PNG));
        assertThat(r.authenticatedAs()).isEqualTo("basic:so-user");
    }

    @Test
    void blobIdsIncreaseAndASecondSaveReplacesTheImage() throws Exception {
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, ';'};
        long first = Long.parseLong(put(ON_SITE_IMAGE, "image/png", PNG, "Authorization", BASIC).body());
        long second = Long.parseLong(put(ON_SITE_IMAGE, "image/gif", gif, "Authorization", BASIC).body());
        long other = Long.parseLong(put("/SuperOffice/api/v1/Person/7/Image", "image/png", PNG, "Authorization", BASIC).body());

        assertThat(second).isGreaterThan(first);
        assertThat(other).isGreaterThan(second);
        HttpResponse<byte[]> back = getBytes(ON_SITE_IMAGE, "Authorization", BASIC);
        assertThat(back.body()).isEqualTo(gif);
        assertThat(back.headers().firstValue("Content-Type")).hasValue("image/gif");
    }

    @Test
    void largeImagesGoThroughTheDiskAndComeBackIntact() throws Exception {
        Path big = dir.resolve("big.tiff");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(24L * 1024 * 1024);
            f.write(new byte[] {'M', 'M', 0, 42});
            f.seek(20L * 1024 * 1024);
            f.write("somewhere in the middle".getBytes(StandardCharsets.US_ASCII));
        }
        HttpResponse<String> saved = send(HttpRequest.newBuilder(uri("/Cust12345/api/v1/Contact/9/Image"))
                .PUT(HttpRequest.BodyPublishers.ofFile(big)).header("Content-Type", "image/tiff").headers(TICKET).build());

        assertThat(saved.statusCode()).isEqualTo(200);
        HttpResponse<Path> back = raw.send(HttpRequest.newBuilder(uri("/Cust12345/api/v1/Contact/9/Image")).headers(TICKET).GET().build(),
                HttpResponse.BodyHandlers.ofFile(dir.resolve("back.tiff")));
        assertThat(sha256(back.body())).isEqualTo(sha256(big));
        assertThat(sandbox.records().get(0).bodySha256()).isEqualTo(sha256(big));
    }

    @Test
    void anEmptyBodyIsTheDocumented400() throws Exception {
        HttpResponse<String> r = put(ON_SITE_IMAGE, "image/png", new byte[0], "Authorization", BASIC);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r.body()).get("Error").asText()).isEqualTo("Image bitmap is missing from body.");
    }

    @Test
    void theContentTypeMustBeOneOfTheFourImageTypes() throws Exception {
        HttpResponse<String> r = put(ON_SITE_IMAGE, "image/bmp", new byte[] {'B', 'M', 0, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0}, "Authorization", BASIC);

        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(json(r.body()).get("Error").asText()).startsWith("The Content-Type 'image/bmp' is not supported");
        assertThat(put(ON_SITE_IMAGE, null, PNG, "Authorization", BASIC).statusCode()).isEqualTo(415);
    }

    @Test
    void bytesThatAreNoImageAreRefusedWhateverTheContentTypeSays() throws Exception {
        HttpResponse<String> r = put(ON_SITE_IMAGE, "image/png", "just text".getBytes(StandardCharsets.UTF_8), "Authorization", BASIC);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r.body()).get("Error").asText()).isEqualTo("Image bitmap is not a GIF, TIFF, PNG or JPEG image.");
    }

    @Test
    void onlineTenantsRefuseBasicAndOnSiteOnesTakeIt() throws Exception {
        HttpResponse<String> online = put(ONLINE_IMAGE, "image/png", PNG, "Authorization", BASIC);

        assertThat(online.statusCode()).isEqualTo(401);
        assertThat(json(online.body()).get("Error").asText()).isEqualTo("Basic authentication is not accepted by SuperOffice Online (tenant Cust12345)");
        assertThat(put(ON_SITE_IMAGE, "image/png", PNG, "Authorization", BASIC).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIs401() throws Exception {
        String wrong = "Basic " + Base64.getEncoder().encodeToString("so-user:nope".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> r = put(ON_SITE_IMAGE, "image/png", PNG, "Authorization", wrong);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r.body()).get("Error").asText()).isEqualTo("Unknown user name or wrong password for user 'so-user'");
        assertThat(r.body()).doesNotContain("nope");
    }

    @Test
    void aTicketOnOnlineNeedsTheAppToken() throws Exception {
        String ticket = "SOTicket " + SuperOfficeSandboxCredentials.TICKET;

        HttpResponse<String> without = put(ONLINE_IMAGE, "image/png", PNG, "Authorization", ticket);
        HttpResponse<String> wrong = put(ONLINE_IMAGE, "image/png", PNG, "Authorization", ticket, "SO-AppToken", "not-the-app-token");
        HttpResponse<String> with = put(ONLINE_IMAGE, "image/png", PNG, "Authorization", ticket, "SO-AppToken", SuperOfficeSandboxCredentials.APP_TOKEN);

        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(json(without.body()).get("Error").asText()).isEqualTo("SOTicket calls to SuperOffice Online need the SO-AppToken header");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(with.statusCode()).isEqualTo(200);
        assertThat(sandbox.records()).allSatisfy(r -> assertThat(r.headers().get("authorization")).isEqualTo("***"));
        assertThat(sandbox.records().get(1).headers()).containsEntry("so-apptoken", "***");
    }

    @Test
    void aBearerTokenNeedsOnlyItsAuthorizationHeaderOnOnlineAndOnSite() throws Exception {
        String bearer = "Bearer " + SuperOfficeSandboxCredentials.BEARER_TOKEN;

        assertThat(put(ONLINE_IMAGE, "image/png", PNG, "Authorization", bearer).statusCode()).isEqualTo(200);
        assertThat(put(ON_SITE_IMAGE, "image/png", PNG, "Authorization", bearer).statusCode()).isEqualTo(200);
        assertThat(put(ONLINE_IMAGE, "image/png", PNG, "Authorization", bearer, "SO-AppToken", SuperOfficeSandboxCredentials.APP_TOKEN)
                .statusCode()).isEqualTo(200);
        assertThat(put(ONLINE_IMAGE, "image/png", PNG, "Authorization", bearer, "SO-AppToken", "not-the-app-token").statusCode())
                .isEqualTo(401);
        assertThat(sandbox.records()).extracting(RecordedRequest::authenticatedAs).containsExactly("bearer:ready", "bearer:ready",
                "bearer:ready", null);
    }

    @Test
    void anOnSiteTicketNeedsNoAppToken() throws Exception {
        HttpResponse<String> r = put(ON_SITE_IMAGE, "image/png", PNG, "Authorization", "SOTicket " + SuperOfficeSandboxCredentials.TICKET);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(onlyRecord().authenticatedAs()).isEqualTo("soticket:ready");
    }

    @Test
    void aSystemUserSignedWithARegisteredKeyGetsAJwtWithATicketForItsTenant() throws Exception {
        sandbox.registerSuperOfficePublicKey(keys().getPublic());

        HttpResponse<String> login = login(signed(Instant.now()), SuperOfficeSandboxCredentials.APP_TOKEN, "Cust12345");

        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode body = json(login.body());
        assertThat(body.get("IsSuccessful").asBoolean()).isTrue();
        assertThat(body.get("ErrorMessage").isNull()).isTrue();
        String ticket = ticketOf(login);
        assertThat(ticket).startsWith(SuperOfficeSandboxCredentials.ISSUED_TICKET_PREFIX);
        String[] withTicket = {"Authorization", "SOTicket " + ticket, "SO-AppToken", SuperOfficeSandboxCredentials.APP_TOKEN};
        assertThat(put(ONLINE_IMAGE, "image/png", PNG, withTicket).statusCode()).isEqualTo(200);
        HttpResponse<String> otherTenant = put("/Cust99999/api/v1/Project/1/Image", "image/png", PNG, withTicket);
        assertThat(otherTenant.statusCode()).isEqualTo(401);
        assertThat(json(otherTenant.body()).get("Error").asText()).isEqualTo("The ticket was issued for Cust12345, not Cust99999");
    }

    @Test
    void theLoginRecordMasksTheTokens() throws Exception {
        sandbox.registerSuperOfficePublicKey(keys().getPublic());

        login(signed(Instant.now()), SuperOfficeSandboxCredentials.APP_TOKEN, "Cust12345");

        JsonNode recorded = json(onlyRecord().jsonBody());
        assertThat(recorded.get("SignedSystemToken").asText()).isEqualTo("***");
        assertThat(recorded.get("ApplicationToken").asText()).isEqualTo("***");
        assertThat(recorded.get("ContextIdentifier").asText()).isEqualTo("Cust12345");
        assertThat(recorded.get("ReturnTokenType").asText()).isEqualTo("JWT");
        assertThat(Files.readString(dir.resolve("record.jsonl"))).doesNotContain(SuperOfficeSandboxCredentials.SYSTEM_USER_TOKEN,
                SuperOfficeSandboxCredentials.APP_TOKEN);
    }

    @Test
    void aSignatureMoreThanFiveMinutesOffIsRefused() throws Exception {
        sandbox.registerSuperOfficePublicKey(keys().getPublic());

        HttpResponse<String> late = login(signed(Instant.now().minus(Duration.ofMinutes(7))), SuperOfficeSandboxCredentials.APP_TOKEN, "Cust12345");
        HttpResponse<String> early = login(signed(Instant.now().plus(Duration.ofMinutes(7))), SuperOfficeSandboxCredentials.APP_TOKEN, "Cust12345");
        HttpResponse<String> within = login(signed(Instant.now().minus(Duration.ofMinutes(3))), SuperOfficeSandboxCredentials.APP_TOKEN, "Cust12345");

        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(json(late.body()).get("IsSuccessful").asBoolean()).isFalse();
        assertThat(json(late.body()).get("ErrorMessage").asText()).contains("minutes from the server's time; at most 5 are allowed");
        assertThat(json(early.body()).get("IsSuccessful").asBoolean()).isFalse();
        assertThat(json(within.body()).get("IsSuccessful").asBoolean()).isTrue();
    }

    @Test
    void aSignatureByAnotherKeyOrWithNoKeyRegisteredIsRefused() throws Exception {
        HttpResponse<String> noKey = login(signed(Instant.now()), SuperOfficeSandboxCredentials.APP_TOKEN, "Cust12345");
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        sandbox.registerSuperOfficePublicKey(g.generateKeyPair().getPublic());
        HttpResponse<String> otherKey = login(signed(Instant.now()), SuperOfficeSandboxCredentials.APP_TOKEN, "Cust12345");

        assertThat(json(noKey.body()).get("ErrorMessage").asText()).startsWith("No public key is registered with the sandbox");
        assertThat(json(otherKey.body()).get("ErrorMessage").asText())
                .isEqualTo("The signature in SignedSystemToken does not verify (SHA256withRSA) with any registered public key");
    }

    @Test
    void aWrongAppTokenOrSystemUserTokenIsRefused() throws Exception {
        sandbox.registerSuperOfficePublicKey(keys().getPublic());
        String wrongToken = SystemUserTicketSource.signedSystemToken("someone-else", keys().getPrivate(), Instant.now());

        assertThat(json(login(signed(Instant.now()), "not-the-app-token", "Cust12345").body()).get("ErrorMessage").asText())
                .isEqualTo("The ApplicationToken is not the application token this sandbox knows");
        assertThat(json(login(wrongToken, SuperOfficeSandboxCredentials.APP_TOKEN, "Cust12345").body()).get("ErrorMessage").asText())
                .isEqualTo("The system user token is not one this sandbox knows");
    }

    @Test
    void aPublicKeyCanBeRegisteredOverTheAdminApi() throws Exception {
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        HttpResponse<String> registered = post("/__sandbox/superoffice-public-key", "application/json",
                JSON.writeValueAsBytes(Map.of("publicKey", pem)));

        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(json(login(signed(Instant.now()), SuperOfficeSandboxCredentials.APP_TOKEN, "Cust12345").body()).get("IsSuccessful").asBoolean())
                .isTrue();
        assertThat(post("/__sandbox/superoffice-public-key", "application/json", "{\"publicKey\":\"nope\"}".getBytes()).statusCode()).isEqualTo(400);
    }

    @Test
    void aResetForgetsImagesAndKeys() throws Exception {
        sandbox.registerSuperOfficePublicKey(keys().getPublic());
        put(ON_SITE_IMAGE, "image/png", PNG, "Authorization", BASIC);

        sandbox.reset();

        assertThat(getBytes(ON_SITE_IMAGE, "Authorization", BASIC).statusCode()).isEqualTo(404);
        assertThat(json(login(signed(Instant.now()), SuperOfficeSandboxCredentials.APP_TOKEN, "Cust12345").body()).get("IsSuccessful").asBoolean())
                .isFalse();
    }

    @Test
    void thePluginsSystemUserFlowWorksAgainstTheSandbox() throws Exception {
        sandbox.registerSuperOfficePublicKey(keys().getPublic());
        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        ServerEntry server = new ServerEntry("superoffice", null, null, Map.of("scheme", "SystemUser",
                "systemUserToken", SuperOfficeSandboxCredentials.SYSTEM_USER_TOKEN, "contextIdentifier", "Cust12345",
                "appToken", SuperOfficeSandboxCredentials.APP_TOKEN, "privateKey", key.toString(), "loginEndpoint", sandbox.url() + "/Login"),
                "server 'superoffice' in Maven settings");
        SuperOfficeEndpoint endpoint = SuperOfficeEndpoint.of(sandbox.url() + "/Cust12345/api/");
        SuperOfficeAuthenticator auth = SuperOfficeCredentials.resolve(build, server, "superoffice", endpoint, client);
        Path png = Files.write(dir.resolve("logo.png"), PNG);

        EntityImage.Saved saved = new EntityImage(client, auth, endpoint).save(ImageOwner.PROJECT, 4711, png, "image/png");

        assertThat(saved.blobId()).isEqualTo(101); // the sandbox's first blob id
        assertThat(sandbox.records()).extracting(RecordedRequest::path)
                .containsExactly(SuperOfficeSandboxCredentials.LOGIN_PATH, ONLINE_IMAGE);
        assertThat(sandbox.records().get(1).authenticatedAs()).isEqualTo("soticket:systemuser:Cust12345");
    }
}
