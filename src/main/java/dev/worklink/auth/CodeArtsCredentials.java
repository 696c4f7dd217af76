package dev.worklink.auth;

import dev.worklink.http.BuildScope;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceClient;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses how to authenticate to Huawei Cloud CodeArts from a {@code <server>} (modes {@code password},
 * {@code aksk}, {@code token}, chosen by {@code <configuration><auth>}) or, when there is no such server, from
 * the Huawei Cloud SDK environment variables {@code HUAWEICLOUD_SDK_AK} / {@code HUAWEICLOUD_SDK_SK}.
 * Nothing here touches the network: a password is exchanged for a token on first use.
 */
public final class CodeArtsCredentials {

    public static final String ENV_AK = "HUAWEICLOUD_SDK_AK";
    public static final String ENV_SK = "HUAWEICLOUD_SDK_SK";
    public static final String ENV_IAM_ENDPOINT = "HUAWEICLOUD_SDK_IAM_ENDPOINT";

    private CodeArtsCredentials() {}

    /**
     * @param build     what the build shares (one token per user for every goal and module)
     * @param server    the decrypted server named by {@code serverId}, or null when settings.xml has none
     * @param serverId  the id that was looked up, for messages
     * @param region    the region from the goal or the server; needed by password mode
     * @param env       the process environment
     * @param iamClient the client IAM calls go through
     */
    public static RequestAuthenticator resolve(BuildScope build, ServerEntry server, String serverId, String region, Map<String, String> env,
            ServiceClient iamClient) throws CredentialsException {
        if (server == null) {
            String ak = env.get(ENV_AK);
            String sk = env.get(ENV_SK);
            if (notBlank(ak) && notBlank(sk)) {
                return new AkSkSigner(ak.trim(), sk.trim(), null, "the environment variables " + ENV_AK + " / " + ENV_SK, Clock.systemUTC());
            }
            throw new CredentialsException("No CodeArts credentials: settings.xml has no <server> with id '" + serverId
                    + "' (parameter serverId / worklink.serverId), and the environment variables " + ENV_AK + " and " + ENV_SK
                    + " are not both set. Add a <server> with <id>" + serverId + "</id> (see the README for the password, aksk and token modes).");
        }
        String mode = server.config("auth") == null ? "password" : server.config("auth").toLowerCase(Locale.ROOT);
        switch (mode) {
            case "password": {
                require(server, server.username(), "<username> (the IAM user name)", mode);
                require(server, server.password(), "<password>", mode);
                String domain = server.config("domain");
                require(server, domain, "<configuration><domain> (the account name)", mode);
                if (!notBlank(region)) {
                    throw new CredentialsException("The " + server.source() + " uses IAM password authentication, which needs a region: set "
                            + "<configuration><region> in the server, or the parameter region (worklink.region), e.g. cn-north-4.");
                }
                URI iam = iamEndpoint(server.config("iamEndpoint"), env, region);
                IamTokenSource tokens = IamTokenSource.shared(build, iam, server.username(), server.password(), domain, region);
                return new IamTokenAuthenticator(tokens, iamClient, server.source());
            }
            case "aksk":
                require(server, server.username(), "<username> (the access key)", mode);
                require(server, server.password(), "<password> (the secret key)", mode);
                return new AkSkSigner(server.username().trim(), server.password().trim(), server.config("projectId"), server.source(), Clock.systemUTC());
            case "token":
                require(server, server.password(), "<password> (the token)", mode);
                return new TokenAuthenticator("X-Auth-Token", server.password().trim(), server.source());
            default:
                throw new CredentialsException("The " + server.source() + " has <configuration><auth>" + server.config("auth")
                        + "</auth>; the modes are password (the default), aksk and token.");
        }
    }

    /** The IAM host: the server's {@code <iamEndpoint>}, else {@code HUAWEICLOUD_SDK_IAM_ENDPOINT}, else the region's. */
    public static URI iamEndpoint(String configured, Map<String, String> env, String region) throws CredentialsException {
        String value = notBlank(configured) ? configured : notBlank(env.get(ENV_IAM_ENDPOINT)) ? env.get(ENV_IAM_ENDPOINT)
                : "https://iam." + region + ".myhuaweicloud.com";
        try {
            URI uri = URI.create(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new CredentialsException("The IAM endpoint '" + value + "' is not an http(s) URL (from <iamEndpoint> or " + ENV_IAM_ENDPOINT + ").");
        }
    }

    private static void require(ServerEntry server, String value, String what, String mode) throws CredentialsException {
        if (!notBlank(value)) {
            throw new CredentialsException("The " + server.source() + " uses <auth>" + mode + "</auth> but has no " + what + ".");
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
