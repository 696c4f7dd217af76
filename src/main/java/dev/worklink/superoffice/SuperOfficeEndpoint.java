package dev.worklink.superoffice;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The base of a SuperOffice WebAPI, up to {@code /api}: {@code https://online.superoffice.com/Cust12345/api} (Online)
 * or {@code https://crm.example.com/SuperOffice/api} (on-site). Users may write it with a trailing {@code /} or
 * {@code /v1}; both are dropped, and the calls add {@code /v1/...} themselves.
 *
 * @param apiBase     the normalized base, without a trailing slash
 * @param online      the host is SuperOffice Online ({@code *.superoffice.com}), where Basic authentication is refused
 *                    and server-to-server calls carry {@code SO-AppToken}
 * @param environment for Online, the first label of the host ({@code sod}, {@code qaonline} or {@code online}); else null
 */
public record SuperOfficeEndpoint(URI apiBase, boolean online, String environment) {

    public static final String ONLINE_DOMAIN = ".superoffice.com";
    private static final Pattern TRAILING_V1 = Pattern.compile("(?i)/v1$");

    /**
     * @throws IllegalArgumentException when the text is not an http(s) URL with a host; the message is the rule
     */
    public static SuperOfficeEndpoint of(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is required: the SuperOffice API base up to /api, e.g. "
                    + "https://online.superoffice.com/Cust12345/api or https://crm.example.com/SuperOffice/api");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be an http:// or https:// URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("must be an http:// or https:// URL, the SuperOffice API base up to /api, e.g. "
                    + "https://online.superoffice.com/Cust12345/api");
        }
        if (uri.getRawUserInfo() != null) {
            // A password in the URL would be printed wherever the endpoint is (logs, the report, mvn -X).
            throw new IllegalArgumentException("must not carry a user or password (user@host): credentials belong in a <server> in settings.xml");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must be the API base up to /api, without a query or fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        path = stripSlashes(path);
        path = stripSlashes(TRAILING_V1.matcher(path).replaceFirst(""));
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean online = host.endsWith(ONLINE_DOMAIN);
        String environment = online ? host.substring(0, host.indexOf('.')) : null;
        URI base = URI.create(scheme + "://" + uri.getRawAuthority() + path);
        return new SuperOfficeEndpoint(base, online, environment);
    }

    private static String stripSlashes(String path) {
        String p = path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** Whether the path ends with {@code /api}, as every SuperOffice WebAPI base does. */
    public boolean looksLikeApiBase() {
        return apiBase.getRawPath().toLowerCase(Locale.ROOT).endsWith("/api");
    }

    /** {@code {apiBase}/v1/{relative}}; {@code relative} is already percent-encoded and has no leading slash. */
    public URI v1(String relative) {
        return URI.create(apiBase + "/v1/" + relative);
    }

    /**
     * Where Online system users are authenticated: {@code https://{env}.superoffice.com/Login}. On-site installations
     * have no such service of their own, so this is null for them.
     */
    public URI defaultLoginEndpoint() {
        return online ? URI.create("https://" + environment + ONLINE_DOMAIN + "/Login") : null;
    }

    @Override
    public String toString() {
        return apiBase.toString();
    }
}
