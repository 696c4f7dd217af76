package dev.worklink.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One proxy from the user's settings ({@code <proxies>} in settings.xml), already decrypted.
 *
 * @param protocol      the scheme of the target URLs this proxy serves ({@code http} or {@code https})
 * @param nonProxyHosts {@code |}-separated host patterns reached directly; {@code *} is a wildcard
 */
public record ProxySpec(String protocol, String host, int port, String username, String password, String nonProxyHosts) {

    /** Whether a request to {@code targetScheme://targetHost} goes through this proxy. */
    public boolean appliesTo(String targetScheme, String targetHost) {
        if (protocol != null && !protocol.isBlank() && !protocol.equalsIgnoreCase(targetScheme)) {
            return false;
        }
        if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
            return true;
        }
        String hostLower = targetHost.toLowerCase(Locale.ROOT);
        for (String pattern : nonProxyHosts.split("[|,]")) {
            String p = pattern.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            String regex = Pattern.quote(p).replace("*", "\\E.*\\Q");
            if (hostLower.matches(regex)) {
                return false;
            }
        }
        return true;
    }

    // Written out, not the record's own: it is part of the key of the build's shared HTTP client (BuildScope.key says why).
    @Override
    public boolean equals(Object o) {
        return o instanceof ProxySpec p && port == p.port && Objects.equals(protocol, p.protocol) && Objects.equals(host, p.host)
                && Objects.equals(username, p.username) && Objects.equals(password, p.password)
                && Objects.equals(nonProxyHosts, p.nonProxyHosts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {protocol, host, port, username, password, nonProxyHosts});
    }

    @Override
    public String toString() {
        // The password stays out of every string form of this record.
        return "ProxySpec[" + protocol + "://" + host + ":" + port + (username != null ? ", user " + username : "")
                + (nonProxyHosts != null ? ", nonProxyHosts " + nonProxyHosts : "") + "]";
    }
}
