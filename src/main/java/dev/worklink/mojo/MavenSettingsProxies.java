package dev.worklink.mojo;

import dev.worklink.http.ProxySpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** The active {@code <proxies>} of settings.xml, decrypted, for the HTTP core to choose from per request. */
final class MavenSettingsProxies {

    private MavenSettingsProxies() {}

    static List<ProxySpec> of(Settings settings, SettingsDecrypter decrypter) throws MojoFailureException {
        List<ProxySpec> result = new ArrayList<>();
        if (settings == null) {
            return result;
        }
        for (Proxy proxy : settings.getProxies()) {
            if (!proxy.isActive()) {
                continue;
            }
            Proxy decrypted = proxy;
            if (proxy.getPassword() != null) {
                SettingsDecryptionResult r = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
                for (SettingsProblem problem : r.getProblems()) {
                    if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                        throw new MojoFailureException("Could not decrypt the password of the proxy '" + proxy.getId()
                                + "' in settings.xml: " + problem.getMessage());
                    }
                }
                if (!r.getProxies().isEmpty()) {
                    decrypted = r.getProxies().get(0);
                }
            }
            result.add(new ProxySpec(decrypted.getProtocol(), decrypted.getHost(), decrypted.getPort(), decrypted.getUsername(),
                    decrypted.getPassword(), decrypted.getNonProxyHosts()));
        }
        return result;
    }
}
