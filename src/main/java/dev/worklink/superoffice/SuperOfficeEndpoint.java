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
 * @param environment for Online, the environment the host belongs to ({@code sod}, {@code qaonline} or {@code online}),
 *                    read from the first label of the host without its number ({@code sod2} → {@code sod},
 *                    {@code online3} → {@code online}); null on-site, or for an Online host of no known environment
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
        String environment = online ? environmentOf(host.substring(0, host.indexOf('.'))) : null;
        URI base = URI.create(scheme + "://" + uri.getRawAuthority() + path);
        return new SuperOfficeEndpoint(base, online, environment);
    }

    /**
     * SuperOffice Online's environments, each with one login service: {@code https://{environment}.superoffice.com/Login}
     * (SuperOffice docs, "How to get a system user ticket credential",
     * https://docs.superoffice.com/en/authentication/online/auth-application/get-system-user-ticket.html). Tenants' API
     * hosts are numbered ({@code sod2}, {@code online3}, ...) and tenants move between them; the login hosts are not.
     */
    public static final java.util.List<String> ENVIRONMENTS = java.util.List.of("sod", "qaonline", "online");

    /** {@code sod2} → {@code sod}, {@code online3} → {@code online}, {@code qaonline} → {@code qaonline}; else null. */
    static String environmentOf(String firstLabel) {
        String name = firstLabel.replaceFirst("[0-9]+$", "");
        return ENVIRONMENTS.contains(name) ? name : null;
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
     * Where Online system users are authenticated: {@code https://{environment}.superoffice.com/Login}, the environment
     * read from the API host ({@code sod2.superoffice.com} logs in at {@code sod.superoffice.com}). Null on-site (no such
     * service of their own) and for an Online host of no known environment: those need {@code <loginEndpoint>}.
     */
    public URI defaultLoginEndpoint() {
        return online && environment != null ? URI.create("https://" + environment + ONLINE_DOMAIN + "/Login") : null;
    }

    @Override
    public String toString() {
        return apiBase.toString();
    }
}
