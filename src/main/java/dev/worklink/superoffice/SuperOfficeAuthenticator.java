package dev.worklink.superoffice;

import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Authenticates SuperOffice WebAPI calls: {@code Authorization: Basic | SOTicket | Bearer ...}, plus
 * {@code SO-AppToken} when the server has an {@code <appToken>}. It knows which scheme it uses and which server the
 * credential came from, so that a 401 can say so; it never tells the credential itself.
 */
public final class SuperOfficeAuthenticator implements RequestAuthenticator {

    public static final String APP_TOKEN_HEADER = "SO-AppToken";

    private final SuperOfficeScheme scheme;
    private final String serverId;
    private final String description;
    private final String authorization;
    private final String appToken;
    private final SystemUserTicketSource tickets;
    private final ServiceClient loginClient;
    /** The fingerprint of the ticket each thread sent last, so that a 401 renews exactly the ticket that was rejected. */
    private final ThreadLocal<String> lastTicket = new ThreadLocal<>();

    private SuperOfficeAuthenticator(SuperOfficeScheme scheme, String serverId, String description, String authorization,
            String appToken, SystemUserTicketSource tickets, ServiceClient loginClient) {
        this.scheme = scheme;
        this.serverId = serverId;
        this.description = description;
        this.authorization = authorization;
        this.appToken = appToken;
        this.tickets = tickets;
        this.loginClient = loginClient;
    }

    /**
     * @param appToken optional here (on-site); sent as {@code SO-AppToken} when given
     * @param source   where the credentials come from: "server 'superoffice' in Maven settings"
     */
    public static SuperOfficeAuthenticator basic(String user, String password, String appToken, String serverId, String source) {
        String encoded = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new SuperOfficeAuthenticator(SuperOfficeScheme.BASIC, serverId,
                "Basic authentication as user '" + user + "' (password from the " + source + ")" + withAppToken(appToken),
                "Basic " + encoded, appToken, null, null);
    }

    public static SuperOfficeAuthenticator soTicket(String ticket, String appToken, String serverId, String source) {
        return new SuperOfficeAuthenticator(SuperOfficeScheme.SO_TICKET, serverId,
                "SOTicket ticket from the " + source + withAppToken(appToken), "SOTicket " + ticket, appToken, null, null);
    }

    public static SuperOfficeAuthenticator bearer(String accessToken, String appToken, String serverId, String source) {
        return new SuperOfficeAuthenticator(SuperOfficeScheme.BEARER, serverId,
                "Bearer access token from the " + source + withAppToken(appToken), "Bearer " + accessToken, appToken, null, null);
    }

    /** @param loginClient the client the login service is called through */
    public static SuperOfficeAuthenticator systemUser(SystemUserTicketSource tickets, ServiceClient loginClient, String appToken,
            String privateKeyFile, String serverId, String source) {
        return new SuperOfficeAuthenticator(SuperOfficeScheme.SYSTEM_USER, serverId,
                "SOTicket ticket of the system user of " + tickets.contextIdentifier() + ", obtained from " + tickets.loginEndpoint()
                        + " with the system user token, application token and private key " + privateKeyFile + " of the " + source
                        + withAppToken(appToken),
                null, appToken, tickets, loginClient);
    }

    private static String withAppToken(String appToken) {
        return appToken == null ? "" : ", with SO-AppToken";
    }

    @Override
    public Map<String, String> headersFor(ServiceRequest request) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        if (tickets != null) {
            String ticket = tickets.ticket(loginClient);
            lastTicket.set(dev.worklink.auth.CachedCredential.fingerprint(ticket));
            headers.put("Authorization", "SOTicket " + ticket);
        } else {
            headers.put("Authorization", authorization);
        }
        if (appToken != null) {
            headers.put(APP_TOKEN_HEADER, appToken);
        }
        return headers;
    }

    /** A system user's ticket may have ended early on the service's side: obtain a new one, once. */
    @Override
    public boolean refreshAfterUnauthorized(String rejectedBy) throws IOException {
        if (tickets == null) {
            return false;
        }
        tickets.refresh(loginClient, lastTicket.get());
        return true;
    }

    @Override
    public String describe() {
        return description;
    }

    public SuperOfficeScheme scheme() {
        return scheme;
    }

    public String serverId() {
        return serverId;
    }

    public boolean sendsAppToken() {
        return appToken != null;
    }

    /** What to say after a 401: the scheme and the server, and what to check there; never a value. */
    public String unauthorizedAdvice() {
        String check = switch (scheme) {
            case BASIC -> "its <username> and <password>";
            case SO_TICKET -> "its <password> (the ticket; tickets expire after 6 hours)" + (appToken != null ? " and <configuration><appToken>" : "");
            case BEARER -> "its <password> (the access token; access tokens expire)" + (appToken != null ? " and <configuration><appToken>" : "");
            case SYSTEM_USER -> "its <configuration><systemUserToken>, <contextIdentifier>, <appToken> and <privateKey>";
        };
        return "SuperOffice refused the credentials: Authorization scheme " + scheme.authorizationScheme()
                + (scheme == SuperOfficeScheme.SYSTEM_USER ? " (system user ticket)" : "")
                + (appToken != null ? " with SO-AppToken" : "") + ", from the server '" + serverId + "' in settings.xml. Check "
                + check + ".";
    }
}
