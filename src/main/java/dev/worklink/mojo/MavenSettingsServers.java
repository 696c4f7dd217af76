package dev.worklink.mojo;

import dev.worklink.auth.ServerEntry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Finds a {@code <server>} in settings.xml and decrypts it through Maven's {@link SettingsDecrypter}
 * ({@code mvn --encrypt-password}), including secrets kept in its {@code <configuration>} such as an app token.
 */
final class MavenSettingsServers {

    /** Configuration elements that hold secrets and may be encrypted like a password. */
    private static final java.util.Set<String> SECRET_CONFIG = java.util.Set.of("appToken", "systemUserToken", "securityToken");

    private MavenSettingsServers() {}

    /** The decrypted server, or null when settings.xml has none with this id. */
    static ServerEntry find(Settings settings, SettingsDecrypter decrypter, String serverId) throws MojoFailureException {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            return null;
        }
        Server decrypted = decrypt(decrypter, server, serverId, "password");
        Map<String, String> configuration = new LinkedHashMap<>();
        if (server.getConfiguration() instanceof Xpp3Dom dom) {
            for (Xpp3Dom child : dom.getChildren()) {
                if (child.getChildCount() == 0 && child.getValue() != null) {
                    String value = child.getValue().trim();
                    if (SECRET_CONFIG.contains(child.getName())) {
                        value = decryptValue(decrypter, serverId, child.getName(), value);
                    }
                    configuration.put(child.getName(), value);
                }
            }
        }
        return new ServerEntry(serverId, decrypted.getUsername(), decrypted.getPassword(), configuration,
                "server '" + serverId + "' in Maven settings");
    }

    private static String decryptValue(SettingsDecrypter decrypter, String serverId, String element, String value) throws MojoFailureException {
        Server carrier = new Server();
        carrier.setId(serverId);
        carrier.setPassword(value);
        return decrypt(decrypter, carrier, serverId, "<configuration><" + element + ">").getPassword();
    }

    private static Server decrypt(SettingsDecrypter decrypter, Server server, String serverId, String what) throws MojoFailureException {
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                // The problem's message names the server, never the secret.
                throw new MojoFailureException("Could not decrypt the " + what + " of the server '" + serverId + "' in settings.xml: "
                        + problem.getMessage() + ". Check ~/.m2/settings-security.xml (mvn --encrypt-master-password).");
            }
        }
        return result.getServer() != null ? result.getServer() : server;
    }
}
