package dev.worklink.http;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * No credentials in clear text to another machine: an {@code http://} URL whose host is not a loopback address
 * ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}) is refused unless {@code allowInsecure} is set, as Jib's
 * {@code allowInsecureRegistries}; then each such host is named once in a warning. Host names other than
 * {@code localhost} are not looked up: the rule is decided from the URL alone, before any network call.
 */
public final class ClearTextRule {

    /** The parameter that lifts the rule, as messages name it. */
    public static final String PARAMETER = "allowInsecure (-Dworklink.allowInsecure=true)";

    private final boolean allowInsecure;
    private final Log log;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public ClearTextRule(boolean allowInsecure, Log log) {
        this.allowInsecure = allowInsecure;
        this.log = log;
    }

    /**
     * Checks one URL credentials would be sent to.
     *
     * @param what what the URL is, in the user's words ("the endpoint", "the IAM endpoint")
     * @throws InsecureEndpointException it is clear text to another machine and {@code allowInsecure} is not set
     */
    public void check(URI url, String what) throws InsecureEndpointException {
        if (!isClearTextToAnotherMachine(url)) {
            return;
        }
        String where = url.getScheme() + "://" + url.getRawAuthority();
        if (!allowInsecure) {
            throw new InsecureEndpointException("Refusing to send credentials in clear text to " + where + " (" + what + "): it is http:// "
                    + "and not a loopback address (127.0.0.0/8, ::1, localhost), so a password, token or signature could be read on "
                    + "the way. Use https://, or set " + PARAMETER + " if the network to " + where + " is trusted.");
        }
        if (warned.add(where)) {
            log.warn("allowInsecure: credentials go in clear text to " + where + " (" + what + "); anyone on the network between can "
                    + "read them. Use https:// where you can.");
        }
    }

    /** An {@code http://} URL (any case) whose host is not a loopback address. */
    public static boolean isClearTextToAnotherMachine(URI url) {
        String scheme = url.getScheme();
        return scheme != null && scheme.equalsIgnoreCase("http") && !isLoopback(url.getHost());
    }

    /** {@code localhost}, an IPv4 literal in {@code 127.0.0.0/8}, or the IPv6 literal {@code ::1}; nothing is looked up. */
    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        if (h.matches("^127\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$")) {
            for (String part : h.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        return h.equals("::1") || h.matches("^(0{1,4}:){7}0{0,3}1$") || h.equals("0:0:0:0:0:0:0:1");
    }
}
