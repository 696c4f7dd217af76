package dev.worklink.superoffice;

import dev.worklink.http.BuildScope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklink.auth.CredentialsException;
import dev.worklink.auth.ServerEntry;
import dev.worklink.http.HttpClientFactory;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.Log;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceRequest;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.HashMap;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuperOfficeCredentialsTest {

    /** One build's shared state, new for every test. */
    private BuildScope build = new BuildScope();

    static final SuperOfficeEndpoint ONLINE = SuperOfficeEndpoint.of("https://online.superoffice.com/Cust12345/api");
    static final SuperOfficeEndpoint ON_SITE = SuperOfficeEndpoint.of("https://crm.example.com/SuperOffice/api");
    static final String APP_TOKEN = "app-token-0123456789abcdef";

    @TempDir
    Path dir;

    private CloseableHttpClient http;
    private ServiceClient client;

    @BeforeEach
    void setUp() {
        build = new BuildScope();
        http = HttpClientFactory.create(HttpSettings.defaults(), "test");
        client = new ServiceClient(http, HttpSettings.defaults(), Log.NONE, d -> {});
    }

    @AfterEach
    void tearDown() throws IOException {
        http.close();
    }

    private static ServerEntry server(String user, String password, String... config) {
        Map<String, String> c = new HashMap<>();
        for (int i = 0; i < config.length; i += 2) {
            c.put(config[i], config[i + 1]);
        }
        return new ServerEntry("superoffice", user, password, c, "server 'superoffice' in Maven settings");
    }

    private Map<String, String> headers(SuperOfficeAuthenticator auth) throws IOException {
        return auth.headersFor(ServiceRequest.get(URI.create("https://crm.example.com/SuperOffice/api/v1/Project/1/Image"), "get"));
    }

    @Test
    void aUsernameMeansBasicWithUserAndPasswordEncoded() throws Exception {
        SuperOfficeAuthenticator auth = SuperOfficeCredentials.resolve(build, server("so-user", "so-password"), "superoffice", ON_SITE, client);

        assertThat(auth.scheme()).isEqualTo(SuperOfficeScheme.BASIC);
        // base64("so-user:so-password")
        assertThat(headers(auth)).containsExactly(Map.entry("Authorization", "Basic c28tdXNlcjpzby1wYXNzd29yZA=="));
        assertThat(auth.describe()).isEqualTo("Basic authentication as user 'so-user' (password from the server 'superoffice' in Maven settings)");
    }

    @Test
    void basicSendsTheAppTokenWhenTheServerHasOne() throws Exception {
        SuperOfficeAuthenticator auth = SuperOfficeCredentials.resolve(build, 
                server("so-user", "so-password", "scheme", "Basic", "appToken", APP_TOKEN), "superoffice", ON_SITE, client);

        assertThat(headers(auth)).containsEntry("SO-AppToken", APP_TOKEN).containsKey("Authorization");
    }

    @Test
    void soTicketSendsThePasswordAsTheTicketWithTheAppToken() throws Exception {
        SuperOfficeAuthenticator auth = SuperOfficeCredentials.resolve(build, 
                server(null, "7T:dGlja2V0LTEyMw==", "scheme", "SOTicket", "appToken", APP_TOKEN), "superoffice", ONLINE, client);

        assertThat(headers(auth)).containsExactly(
                Map.entry("Authorization", "SOTicket 7T:dGlja2V0LTEyMw=="), Map.entry("SO-AppToken", APP_TOKEN));
        assertThat(auth.describe()).isEqualTo("SOTicket ticket from the server 'superoffice' in Maven settings, with SO-AppToken");
    }

    @Test
    void bearerSendsThePasswordAsTheAccessTokenWithTheAppToken() throws Exception {
        SuperOfficeAuthenticator auth = SuperOfficeCredentials.resolve(build, 
                server(null, "eyJhY2Nlc3MiOiJ0b2tlbiJ9", "scheme", "bearer", "appToken", APP_TOKEN), "superoffice", ONLINE, client);

        assertThat(auth.scheme()).isEqualTo(SuperOfficeScheme.BEARER);
        assertThat(headers(auth)).containsExactly(
                Map.entry("Authorization", "Bearer eyJhY2Nlc3MiOiJ0b2tlbiJ9"), Map.entry("SO-AppToken", APP_TOKEN));
    }

    @Test
    void bearerOnOnlineIsAcceptedWithoutAnAppTokenAndSendsOnlyTheAuthorizationHeader() throws Exception {
        SuperOfficeAuthenticator auth = SuperOfficeCredentials.resolve(build,
                server(null, "eyJhY2Nlc3MiOiJ0b2tlbiJ9", "scheme", "Bearer"), "superoffice", ONLINE, client);

        assertThat(auth.scheme()).isEqualTo(SuperOfficeScheme.BEARER);
        assertThat(headers(auth)).containsExactly(Map.entry("Authorization", "Bearer eyJhY2Nlc3MiOiJ0b2tlbiJ9"));
    }

    @Test
    void aSystemUserOfANumberedOnlineHostLogsInAtItsEnvironment() throws Exception {
        Path key = TestKeys.writePkcs8(dir.resolve("key.pem"), TestKeys.pair());

        SuperOfficeAuthenticator auth = SuperOfficeCredentials.resolve(build, systemUser(key.toString()), "superoffice",
                SuperOfficeEndpoint.of("https://online3.superoffice.com/Cust12345/api"), client);

        assertThat(auth.describe()).contains("obtained from https://online.superoffice.com/Login ");
    }

    @Test
    void aSystemUserOfAnOnlineHostOfNoKnownEnvironmentNeedsALoginEndpoint() throws Exception {
        Path key = TestKeys.writePkcs8(dir.resolve("key.pem"), TestKeys.pair());

        assertThatThrownBy(() -> SuperOfficeCredentials.resolve(build, systemUser(key.toString()), "superoffice",
                SuperOfficeEndpoint.of("https://eu-west.superoffice.com/Cust12345/api"), client))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("eu-west.superoffice.com belongs to none of SuperOffice Online's environments (sod, qaonline, online")
                .hasMessageContaining("set <configuration><loginEndpoint>");
    }

    @Test
    void onSiteTicketsAndTokensNeedNoAppToken() throws Exception {
        SuperOfficeAuthenticator auth = SuperOfficeCredentials.resolve(build, 
                server(null, "7T:abc", "scheme", "SOTicket"), "superoffice", ON_SITE, client);

        assertThat(headers(auth)).containsExactly(Map.entry("Authorization", "SOTicket 7T:abc"));
    }

    @Test
    void basicIsRefusedForAnOnlineHostBeforeAnyCall() {
        assertThatThrownBy(() -> SuperOfficeCredentials.resolve(build, server("so-user", "so-password"), "superoffice", ONLINE, client))
                .isInstanceOf(CredentialsException.class)
                .hasMessage("The server 'superoffice' in Maven settings uses Basic authentication, which SuperOffice Online refuses; the "
                        + "endpoint https://online.superoffice.com/Cust12345/api is SuperOffice Online (*.superoffice.com). Basic is for "
                        + "on-site installations only: use <scheme>SOTicket</scheme>, <scheme>Bearer</scheme> or <scheme>SystemUser</scheme> "
                        + "with an <appToken> (see the README).")
                .message().doesNotContain("so-password");
    }

    @Test
    void onlineTicketsNeedTheAppToken() {
        assertThatThrownBy(() -> SuperOfficeCredentials.resolve(build, server(null, "7T:abc", "scheme", "SOTicket"), "superoffice", ONLINE, client))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("uses <scheme>SOTicket</scheme> with SuperOffice Online")
                .hasMessageContaining("add <configuration><appToken>")
                .message().doesNotContain("7T:abc");
    }

    @Test
    void aServerWithNeitherUsernameNorSchemeSaysWhatToAdd() {
        assertThatThrownBy(() -> SuperOfficeCredentials.resolve(build, server(null, "x"), "superoffice", ON_SITE, client))
                .hasMessage("The server 'superoffice' in Maven settings has neither a <username> (Basic authentication) nor a "
                        + "<configuration><scheme> (SOTicket, Bearer or SystemUser); add one (see the README).");
    }

    @Test
    void aUsernameWithAnotherSchemeIsAContradiction() {
        assertThatThrownBy(() -> SuperOfficeCredentials.resolve(build, server("so-user", "t", "scheme", "Bearer", "appToken", APP_TOKEN),
                "superoffice", ONLINE, client))
                .hasMessage("The server 'superoffice' in Maven settings has a <username>, which means Basic authentication, and "
                        + "<configuration><scheme>Bearer</scheme>; remove the <username> or the <scheme>.");
    }

    @Test
    void anUnknownSchemeListsTheKnownOnes() {
        assertThatThrownBy(() -> SuperOfficeCredentials.resolve(build, server(null, "t", "scheme", "Digest"), "superoffice", ON_SITE, client))
                .hasMessage("The server 'superoffice' in Maven settings has <configuration><scheme>Digest</scheme>; "
                        + "the schemes are Basic, SOTicket, Bearer and SystemUser.");
    }

    @Test
    void noServerSaysWhichIdWasLookedFor() {
        assertThatThrownBy(() -> SuperOfficeCredentials.resolve(build, null, "superoffice-prod", ON_SITE, client))
                .hasMessageStartingWith("No SuperOffice credentials: settings.xml has no <server> with id 'superoffice-prod' "
                        + "(parameter serverId / worklink.serverId).");
    }

    @Test
    void aSystemUserWithoutItsKeyFileFailsNamingTheSetting() {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> SuperOfficeCredentials.resolve(build, systemUser(missing.toString()), "superoffice", ONLINE, client))
                .isInstanceOf(CredentialsException.class)
                .hasMessage("The server 'superoffice' in Maven settings uses <scheme>SystemUser</scheme>: its <configuration><privateKey> = '"
                        + missing + "' must be the path of a PEM RSA private key file (PKCS#8 -----BEGIN PRIVATE KEY----- or PKCS#1 "
                        + "-----BEGIN RSA PRIVATE KEY-----), but there is no such file (looked for " + missing + ").");
    }

    @Test
    void aSystemUserWithoutAPrivateKeySettingFailsNamingIt() {
        ServerEntry s = server(null, null, "scheme", "SystemUser", "systemUserToken", "SYS-TOKEN-1", "contextIdentifier", "Cust12345",
                "appToken", APP_TOKEN);
        assertThatThrownBy(() -> SuperOfficeCredentials.resolve(build, s, "superoffice", ONLINE, client))
                .hasMessage("The server 'superoffice' in Maven settings uses <scheme>SystemUser</scheme> but has no "
                        + "<configuration><privateKey> (the path of the application's PEM RSA private key file).");
    }

    @Test
    void aKeyFileThatHoldsNoKeyIsRefusedWithoutQuotingIt() throws Exception {
        Path notAKey = Files.writeString(dir.resolve("key.pem"), "secret-looking text, no PEM here");
        assertThatThrownBy(() -> SuperOfficeCredentials.resolve(build, systemUser(notAKey.toString()), "superoffice", ONLINE, client))
                .hasMessageEndingWith(notAKey + " holds no PEM block (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----).")
                .message().doesNotContain("secret-looking");
    }

    @Test
    void anEncryptedKeyIsRefusedWithAWayOut() throws Exception {
        Path encrypted = TestKeys.writePem(dir.resolve("enc.pem"), "ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3});
        assertThatThrownBy(() -> SuperOfficeCredentials.resolve(build, systemUser(encrypted.toString()), "superoffice", ONLINE, client))
                .hasMessageContaining("holds an encrypted private key; the plugin needs it unencrypted (openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void aSystemUserTakesAPkcs1KeyAsWellAsPkcs8() throws Exception {
        KeyPair keys = TestKeys.pair();
        Path pkcs1 = TestKeys.writePem(dir.resolve("rsa.pem"), "RSA PRIVATE KEY", pkcs1Of((RSAPrivateCrtKey) keys.getPrivate()));

        assertThat(PemPrivateKey.read(pkcs1)).isEqualTo(keys.getPrivate());
        SuperOfficeAuthenticator auth = SuperOfficeCredentials.resolve(build, systemUser(pkcs1.toString()), "superoffice", ONLINE, client);
        assertThat(auth.scheme()).isEqualTo(SuperOfficeScheme.SYSTEM_USER);
        assertThat(auth.describe()).isEqualTo("SOTicket ticket of the system user of Cust12345, obtained from https://online.superoffice.com/Login "
                + "with the system user token, application token and private key " + pkcs1 + " of the server 'superoffice' in Maven settings, with SO-AppToken");
    }

    @Test
    void anOnSiteSystemUserNeedsALoginEndpoint() throws Exception {
        Path key = TestKeys.writePkcs8(dir.resolve("key.pem"), TestKeys.pair());
        assertThatThrownBy(() -> SuperOfficeCredentials.resolve(build, systemUser(key.toString()), "superoffice", ON_SITE, client))
                .hasMessageContaining("uses <scheme>SystemUser</scheme>, whose login service is derived from an Online endpoint")
                .hasMessageContaining("set <configuration><loginEndpoint>");
    }

    @Test
    void noMessageCarriesASecretOfTheServer() throws Exception {
        Path key = TestKeys.writePkcs8(dir.resolve("key.pem"), TestKeys.pair());
        String keyText = Files.readString(key);
        ServerEntry[] servers = {
            server(null, "7T:ticket-secret", "scheme", "SOTicket"),
            server("so-user", "password-secret"),
            server(null, "bearer-secret", "scheme", "Bearer", "appToken", "app-secret", "username-free", "x"),
            server(null, null, "scheme", "SystemUser", "systemUserToken", "sys-secret", "appToken", "app-secret", "privateKey", key.toString()),
        };
        for (ServerEntry s : servers) {
            for (SuperOfficeEndpoint e : new SuperOfficeEndpoint[] {ONLINE, ON_SITE}) {
                String text;
                try {
                    text = SuperOfficeCredentials.resolve(build, s, "superoffice", e, client).describe();
                } catch (CredentialsException ex) {
                    text = ex.getMessage();
                }
                assertThat(text).doesNotContain("ticket-secret", "password-secret", "bearer-secret", "app-secret", "sys-secret",
                        keyText.substring(40, 80));
            }
        }
    }

    private ServerEntry systemUser(String keyFile) {
        return server(null, null, "scheme", "SystemUser", "systemUserToken", "SYS-TOKEN-1", "contextIdentifier", "Cust12345",
                "appToken", APP_TOKEN, "privateKey", keyFile);
    }

    /** DER of a PKCS#1 RSAPrivateKey, as openssl genrsa (traditional format) writes it. */
    static byte[] pkcs1Of(RSAPrivateCrtKey k) {
        BigInteger[] fields = {BigInteger.ZERO, k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrimeP(),
            k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient()};
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (BigInteger f : fields) {
            byte[] v = f.toByteArray();
            body.write(0x02);
            body.writeBytes(length(v.length));
            body.writeBytes(v);
        }
        java.io.ByteArrayOutputStream seq = new java.io.ByteArrayOutputStream();
        seq.write(0x30);
        seq.writeBytes(length(body.size()));
        seq.writeBytes(body.toByteArray());
        return seq.toByteArray();
    }

    private static byte[] length(int n) {
        if (n < 0x80) {
            return new byte[] {(byte) n};
        }
        return n < 0x100 ? new byte[] {(byte) 0x81, (byte) n} : new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
    }
}
