package dev.worklink.superoffice;

import dev.worklink.auth.CredentialsException;
import dev.worklink.auth.ServerEntry;
import dev.worklink.http.ServiceClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.util.Locale;

/**
 * Chooses how to authenticate to SuperOffice from a {@code <server>}: Basic when it has a {@code <username>}, else
 * the scheme in {@code <configuration><scheme>} ({@code SOTicket}, {@code Bearer} or {@code SystemUser}). Everything is
 * checked here, before any call: Basic is refused for Online hosts, the application token Online needs is present,
 * a system user's private key file exists and holds an RSA key. Nothing here touches the network: a system user's
 * ticket is obtained on first use. No message carries a secret.
 */
public final class SuperOfficeCredentials {

    private SuperOfficeCredentials() {}

    /**
     * @param build       what the build shares (one ticket per system user)
     * @param server      the decrypted server named by {@code serverId}, or null when settings.xml has none
     * @param serverId    the id that was looked up, for messages
     * @param endpoint    the API the credentials are for (Online or on-site)
     * @param loginClient the client a system user's login call goes through
     */
    public static SuperOfficeAuthenticator resolve(dev.worklink.http.BuildScope build, ServerEntry server, String serverId, SuperOfficeEndpoint endpoint,
            ServiceClient loginClient) throws CredentialsException {
        if (server == null) {
            throw new CredentialsException("No SuperOffice credentials: settings.xml has no <server> with id '" + serverId
                    + "' (parameter serverId / worklink.serverId). Add a <server> with <id>" + serverId
                    + "</id> (see the README for the Basic, SOTicket, Bearer and SystemUser schemes).");
        }
        String where = "The " + server.source();
        SuperOfficeScheme scheme = scheme(server, where);
        String appToken = server.config("appToken");
        String source = server.source();
        switch (scheme) {
            case BASIC: {
                require(server.username(), where, scheme, "<username>");
                require(server.password(), where, scheme, "<password>");
                if (endpoint.online()) {
                    throw new CredentialsException(where + " uses Basic authentication, which SuperOffice Online refuses; the endpoint "
                            + endpoint + " is SuperOffice Online (*" + SuperOfficeEndpoint.ONLINE_DOMAIN + "). Basic is for on-site "
                            + "installations only: use <scheme>SOTicket</scheme>, <scheme>Bearer</scheme> or <scheme>SystemUser</scheme> "
                            + "with an <appToken> (see the README).");
                }
                return SuperOfficeAuthenticator.basic(server.username().trim(), server.password(), appToken, serverId, source);
            }
            case SO_TICKET:
                require(server.password(), where, scheme, "<password> holding the ticket");
                requireOnlineAppToken(appToken, endpoint, where, scheme);
                return SuperOfficeAuthenticator.soTicket(server.password().trim(), appToken, serverId, source);
            case BEARER:
                // Bearer needs only its Authorization header, on Online too; SO-AppToken goes along when configured
                // (SuperOffice docs, authorization header types:
                // https://community.superoffice.com/en/developer/create-apps/concepts/authentication/authorization-headers/).
                require(server.password(), where, scheme, "<password> holding the access token");
                return SuperOfficeAuthenticator.bearer(server.password().trim(), appToken, serverId, source);
            case SYSTEM_USER:
            default:
                return systemUser(build, server, serverId, endpoint, loginClient, where, appToken);
        }
    }

    private static SuperOfficeScheme scheme(ServerEntry server, String where) throws CredentialsException {
        String configured = server.config("scheme");
        boolean hasUser = server.username() != null && !server.username().isBlank();
        if (configured == null) {
            if (hasUser) {
                return SuperOfficeScheme.BASIC;
            }
            throw new CredentialsException(where + " has neither a <username> (Basic authentication) nor a <configuration><scheme> "
                    + "(SOTicket, Bearer or SystemUser); add one (see the README).");
        }
        SuperOfficeScheme scheme = SuperOfficeScheme.of(configured);
        if (scheme == null) {
            throw new CredentialsException(where + " has <configuration><scheme>" + configured
                    + "</scheme>; the schemes are Basic, SOTicket, Bearer and SystemUser.");
        }
        if (hasUser && scheme != SuperOfficeScheme.BASIC) {
            throw new CredentialsException(where + " has a <username>, which means Basic authentication, and <configuration><scheme>"
                    + configured + "</scheme>; remove the <username> or the <scheme>.");
        }
        return scheme;
    }

    private static SuperOfficeAuthenticator systemUser(dev.worklink.http.BuildScope build, ServerEntry server, String serverId, SuperOfficeEndpoint endpoint,
            ServiceClient loginClient, String where, String appToken) throws CredentialsException {
        SuperOfficeScheme scheme = SuperOfficeScheme.SYSTEM_USER;
        String systemUserToken = server.config("systemUserToken");
        String contextIdentifier = server.config("contextIdentifier");
        String keyFile = server.config("privateKey");
        require(systemUserToken, where, scheme, "<configuration><systemUserToken> (the system user token of the customer's tenant)");
        require(contextIdentifier, where, scheme, "<configuration><contextIdentifier> (the customer id, e.g. Cust12345)");
        require(appToken, where, scheme, "<configuration><appToken> (the application token, sent as ApplicationToken and SO-AppToken)");
        require(keyFile, where, scheme, "<configuration><privateKey> (the path of the application's PEM RSA private key file)");
        RSAPrivateKey key = privateKey(keyFile, where);
        URI login = loginEndpoint(server.config("loginEndpoint"), endpoint, where);
        SystemUserTicketSource tickets = SystemUserTicketSource.shared(build, login, contextIdentifier, systemUserToken, appToken, key);
        return SuperOfficeAuthenticator.systemUser(tickets, loginClient, appToken, keyFile, serverId, server.source());
    }

    /** The private key file: {@code ~/} is the user's home; a relative path is taken from the current directory. */
    static RSAPrivateKey privateKey(String configured, String where) throws CredentialsException {
        String rule = "must be the path of a PEM RSA private key file (PKCS#8 -----BEGIN PRIVATE KEY----- or PKCS#1 -----BEGIN RSA PRIVATE KEY-----)";
        String prefix = where + " uses <scheme>SystemUser</scheme>: its <configuration><privateKey> = '" + configured + "' " + rule;
        Path file = configured.startsWith("~/") ? Path.of(System.getProperty("user.home"), configured.substring(2)) : Path.of(configured);
        file = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new CredentialsException(prefix + ", but there is no such file (looked for " + file + ").");
        }
        try {
            return PemPrivateKey.read(file);
        } catch (IOException e) {
            throw new CredentialsException(prefix + ", but " + file + " cannot be read (" + e.getClass().getSimpleName() + ").");
        } catch (IllegalArgumentException e) {
            throw new CredentialsException(prefix + "; " + file + " " + e.getMessage() + ".");
        }
    }

    static URI loginEndpoint(String configured, SuperOfficeEndpoint endpoint, String where) throws CredentialsException {
        if (configured == null) {
            URI derived = endpoint.defaultLoginEndpoint();
            if (derived == null) {
                String why = endpoint.online()
                        ? endpoint.apiBase().getHost() + " belongs to none of SuperOffice Online's environments (" + String.join(", ",
                                SuperOfficeEndpoint.ENVIRONMENTS) + ", their hosts numbered as sod2 or online3)"
                        : endpoint + " is not SuperOffice Online";
                throw new CredentialsException(where + " uses <scheme>SystemUser</scheme>, whose login service is derived from an Online "
                        + "endpoint (https://<env>.superoffice.com/Login, env one of sod, qaonline, online), but " + why + "; set "
                        + "<configuration><loginEndpoint> to the login service's base URL.");
            }
            return derived;
        }
        try {
            URI uri = new URI(configured.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new CredentialsException(where + " has <configuration><loginEndpoint> = '" + configured
                + "', which must be an http:// or https:// URL such as https://online.superoffice.com/Login.");
    }

    private static void requireOnlineAppToken(String appToken, SuperOfficeEndpoint endpoint, String where, SuperOfficeScheme scheme)
            throws CredentialsException {
        if (appToken == null && endpoint.online()) {
            throw new CredentialsException(where + " uses <scheme>" + scheme.configName() + "</scheme> with SuperOffice Online ("
                    + endpoint + "), which needs the application token: add <configuration><appToken> (sent as SO-AppToken; it may be "
                    + "encrypted with mvn --encrypt-password).");
        }
    }

    private static void require(String value, String where, SuperOfficeScheme scheme, String what) throws CredentialsException {
        if (value == null || value.isBlank()) {
            throw new CredentialsException(where + " uses " + (scheme == SuperOfficeScheme.BASIC ? "Basic authentication"
                    : "<scheme>" + scheme.configName() + "</scheme>") + " but has no " + what + ".");
        }
    }
}
