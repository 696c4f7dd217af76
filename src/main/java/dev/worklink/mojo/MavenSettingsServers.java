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
        checkInterpolated(server, serverId);
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

    /**
     * Fails when an element of the server still holds {@code ${...}} after Maven interpolated settings.xml: an unset
     * environment variable or property ({@code <password>${env.CODEARTS_PASSWORD}</password>} with the variable unset)
     * would otherwise be sent as the secret itself, and a login service counts the refusal towards locking the
     * account. Names the server and the element, never the value.
     */
    static void checkInterpolated(Server server, String serverId) throws MojoFailureException {
        java.util.List<String> unresolved = new java.util.ArrayList<>();
        unresolvedIn("username", server.getUsername(), unresolved);
        unresolvedIn("password", server.getPassword(), unresolved);
        unresolvedIn("privateKey", server.getPrivateKey(), unresolved);
        unresolvedIn("passphrase", server.getPassphrase(), unresolved);
        if (server.getConfiguration() instanceof Xpp3Dom dom) {
            unresolvedIn(dom, "configuration", unresolved);
        }
        if (!unresolved.isEmpty()) {
            throw new MojoFailureException("The server '" + serverId + "' in settings.xml still holds an unresolved ${...} expression in "
                    + String.join(", ", unresolved) + " after Maven's interpolation: an environment variable (${env.NAME}) or property "
                    + "that is not set in this build. Set it, or write the value (encrypted with mvn --encrypt-password) into "
                    + "settings.xml. Nothing was sent.");
        }
    }

    private static void unresolvedIn(Xpp3Dom dom, String path, java.util.List<String> unresolved) {
        for (Xpp3Dom child : dom.getChildren()) {
            String childPath = path + "><" + child.getName();
            if (child.getChildCount() == 0) {
                unresolvedIn(childPath, child.getValue(), unresolved);
            } else {
                unresolvedIn(child, childPath, unresolved);
            }
        }
    }

    private static void unresolvedIn(String element, String value, java.util.List<String> unresolved) {
        if (value != null && value.contains("${") && value.indexOf('}', value.indexOf("${")) > 0) {
            unresolved.add("<" + element + ">");
        }
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
