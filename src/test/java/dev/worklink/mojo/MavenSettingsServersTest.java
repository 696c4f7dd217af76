package dev.worklink.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class MavenSettingsServersTest {

    @Test
    void aPasswordStillHoldingAnExpressionFailsNamingTheServerAndTheElementButNotTheValue() {
        Server server = new Server();
        server.setId("codearts");
        server.setUsername("ci-user");
        server.setPassword("${env.CODEARTS_PASSWORD}");

        assertThatThrownBy(() -> MavenSettingsServers.checkInterpolated(server, "codearts"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("The server 'codearts' in settings.xml")
                .hasMessageContaining("in <password> after Maven's interpolation")
                .hasMessageContaining("Nothing was sent.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("CODEARTS_PASSWORD").doesNotContain("ci-user"));
    }

    @Test
    void everyElementIsCheckedAndEachUnresolvedOneIsNamed() {
        Server server = new Server();
        server.setUsername("${env.USER_NAME}");
        server.setPassword("plain");
        server.setPrivateKey("${user.home}/.ssh/${key.name}");
        server.setPassphrase("${env.PASSPHRASE}");
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom appToken = new Xpp3Dom("appToken");
        appToken.setValue("secret-${env.TOKEN_TAIL}");
        configuration.addChild(appToken);
        Xpp3Dom region = new Xpp3Dom("region");
        region.setValue("cn-north-4");
        configuration.addChild(region);
        server.setConfiguration(configuration);

        assertThatThrownBy(() -> MavenSettingsServers.checkInterpolated(server, "superoffice"))
                .hasMessageContaining("<username>, <privateKey>, <passphrase>, <configuration><appToken>")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-").doesNotContain("TOKEN_TAIL").doesNotContain("<region>"));
    }

    @Test
    void resolvedValuesAndAnEncryptedPasswordPass() {
        Server server = new Server();
        server.setUsername("ci-user");
        server.setPassword("{AIYOJnTubMkHLg8o3m60p7Cim/Rtf0k0/IUszM+xjewTstOXfQOsmTj31AzKZl6M}");
        server.setPassphrase("a$b{c}");

        assertThatCode(() -> MavenSettingsServers.checkInterpolated(server, "codearts")).doesNotThrowAnyException();
    }
}
