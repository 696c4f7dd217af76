package dev.worklink.auth;

import dev.worklink.http.BuildScope;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses how to authenticate to Huawei Cloud CodeArts, from the first of these sources that is there:
 * <ol>
 * <li>the {@code <server>} of settings.xml named by {@code serverId}, in one of the modes {@code password} (the
 * default), {@code aksk} (with {@code <securityToken>} for temporary keys), {@code token} or {@code oidc}, chosen by
 * {@code <configuration><auth>};</li>
 * <li>the Huawei Cloud SDKs' environment variables, as huaweicloud-sdk-java-v3's
 * {@code core/.../auth/EnvCredentialProvider.java} reads them: {@code HUAWEICLOUD_SDK_IDP_ID} +
 * {@code HUAWEICLOUD_SDK_ID_TOKEN_FILE} (federation, wins over any keys), else {@code HUAWEICLOUD_SDK_AK} +
 * {@code HUAWEICLOUD_SDK_SK} + optional {@code HUAWEICLOUD_SDK_SECURITY_TOKEN}; with {@code HUAWEICLOUD_SDK_PROJECT_ID}
 * and {@code HUAWEICLOUD_SDK_IAM_ENDPOINT};</li>
 * <li>the SDKs' credentials file ({@link SdkCredentialsFile}), section {@code [basic]}.</li>
 * </ol>
 * Nothing here touches the network: a password or an ID token is exchanged on first use. A missing or empty ID token
 * file fails here, naming the setting. {@link RequestAuthenticator#describe()} says which source was used, never a value.
 */
public final class CodeArtsCredentials {

    public static final String ENV_AK = "HUAWEICLOUD_SDK_AK";
    public static final String ENV_SK = "HUAWEICLOUD_SDK_SK";
    public static final String ENV_SECURITY_TOKEN = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
    public static final String ENV_PROJECT_ID = "HUAWEICLOUD_SDK_PROJECT_ID";
    public static final String ENV_IAM_ENDPOINT = "HUAWEICLOUD_SDK_IAM_ENDPOINT";
    public static final String ENV_IDP_ID = "HUAWEICLOUD_SDK_IDP_ID";
    public static final String ENV_ID_TOKEN_FILE = "HUAWEICLOUD_SDK_ID_TOKEN_FILE";

    /** The SDK's IAM host when no region is known ({@code Constants.DEFAULT_IAM_ENDPOINT}). */
    static final String GLOBAL_IAM_ENDPOINT = "https://iam.myhuaweicloud.com";

    private CodeArtsCredentials() {}

    /** As {@link #resolve(BuildScope, ServerEntry, String, String, CredentialContext, ServiceClient)} with only an environment. */
    public static RequestAuthenticator resolve(BuildScope build, ServerEntry server, String serverId, String region, Map<String, String> env,
            ServiceClient iamClient) throws CredentialsException {
        return resolve(build, server, serverId, region, CredentialContext.of(env), iamClient);
    }

    /**
     * @param build           what the build shares (one token per user, one federation, for every goal and module)
     * @param server          the decrypted server named by {@code serverId}, or null when settings.xml has none
     * @param serverId        the id that was looked up, for messages
     * @param region          the region from the goal or the server; needed by password mode
     * @param context         the environment, home and working directory, and the GitHub Actions audience
     * @param iamClient       the client IAM calls go through
     */
    public static RequestAuthenticator resolve(BuildScope build, ServerEntry server, String serverId, String region, CredentialContext context,
            ServiceClient iamClient) throws CredentialsException {
        Map<String, String> env = context.env();
        if (server != null) {
            return fromServer(build, server, region, context, iamClient);
        }
        RequestAuthenticator fromEnv = fromEnvironment(build, region, context, iamClient);
        if (fromEnv != null) {
            return fromEnv;
        }
        Path file = SdkCredentialsFile.location(env, context.home());
        if (file != null && context.workingDirectory() != null && !file.isAbsolute()) {
            file = context.workingDirectory().resolve(file);
        }
        boolean named = notBlank(env.get(SdkCredentialsFile.ENV_CREDENTIALS_FILE));
        if (file != null && (named || Files.isRegularFile(file))) {
            if (!Files.isRegularFile(file)) {
                throw new CredentialsException("The environment variable " + SdkCredentialsFile.ENV_CREDENTIALS_FILE + " names the file "
                        + file + ", which does not exist.");
            }
            return fromFile(build, SdkCredentialsFile.read(file), region, context, iamClient);
        }
        throw new CredentialsException("No CodeArts credentials: settings.xml has no <server> with id '" + serverId
                + "' (parameter serverId / worklink.serverId), the environment has neither " + ENV_IDP_ID + " + " + ENV_ID_TOKEN_FILE
                + " nor " + ENV_AK + " + " + ENV_SK + ", and there is no Huawei Cloud SDK credentials file ("
                + (file == null ? SdkCredentialsFile.ENV_CREDENTIALS_FILE + " or ~/.huaweicloud/credentials" : file)
                + "). Add a <server> with <id>" + serverId + "</id> (see the README for the password, aksk, token and oidc modes).");
    }

    private static RequestAuthenticator fromServer(BuildScope build, ServerEntry server, String region, CredentialContext context,
            ServiceClient iamClient) throws CredentialsException {
        Map<String, String> env = context.env();
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
            case "aksk": {
                require(server, server.username(), "<username> (the access key)", mode);
                require(server, server.password(), "<password> (the secret key)", mode);
                String securityToken = server.config("securityToken");
                if (securityToken != null) {
                    return fixedTemporary(build, new TemporaryKeys(server.username().trim(), server.password().trim(), securityToken, null),
                            temporaryKeysProjectId(server.config("projectId"), env), iamEndpoint(server.config("iamEndpoint"), env, region), region,
                            server.source(), iamClient);
                }
                return akSk(build, server.username().trim(), server.password().trim(), server.config("projectId"), server.config("iamEndpoint"),
                        region, env, iamClient, server.source());
            }
            case "token":
                require(server, server.password(), "<password> (the token)", mode);
                return new TokenAuthenticator("X-Auth-Token", server.password().trim(), server.source());
            case "oidc": {
                String idpId = server.config("idpId");
                require(server, idpId, "<configuration><idpId> (the id of the IAM identity provider)", mode);
                IdTokenSource idToken;
                if (server.config("idTokenFile") != null) {
                    idToken = new IdTokenSource.File(context.path(server.config("idTokenFile")), "<idTokenFile> of the " + server.source());
                } else if (server.config("idTokenEnv") != null) {
                    String variable = server.config("idTokenEnv");
                    idToken = new IdTokenSource.Env(variable, env.get(variable), "<idTokenEnv> of the " + server.source());
                } else {
                    idToken = IdTokenSource.GitHubActions.fromEnvironment(env, context.idTokenAudience());
                    if (idToken == null) {
                        throw new CredentialsException("The " + server.source() + " uses <auth>oidc</auth> but has neither <idTokenFile> nor "
                                + "<idTokenEnv>, and this is not a GitHub Actions job allowed to ask for an ID token (" + IdTokenSource.GitHubActions.ENV_REQUEST_URL
                                + " and " + IdTokenSource.GitHubActions.ENV_REQUEST_TOKEN + " are set only with permissions: id-token: write).");
                    }
                }
                return federated(build, idpId, idToken, iamEndpoint(server.config("iamEndpoint"), env, region),
                        temporaryKeysProjectId(server.config("projectId"), env), region, server.source(), iamClient);
            }
            default:
                throw new CredentialsException("The " + server.source() + " has <configuration><auth>" + server.config("auth")
                        + "</auth>; the modes are password (the default), aksk, token and oidc.");
        }
    }

    /** The SDK's environment variables, or null when they hold no credentials. */
    private static RequestAuthenticator fromEnvironment(BuildScope build, String region, CredentialContext context, ServiceClient iamClient)
            throws CredentialsException {
        Map<String, String> env = context.env();
        String idpId = env.get(ENV_IDP_ID);
        String tokenFile = env.get(ENV_ID_TOKEN_FILE);
        String projectId = blankToNull(env.get(ENV_PROJECT_ID));
        if (notBlank(idpId) && notBlank(tokenFile)) {
            return federated(build, idpId.trim(), new IdTokenSource.File(context.path(tokenFile), "the environment variable " + ENV_ID_TOKEN_FILE),
                    iamEndpoint(null, env, region), temporaryKeysProjectId(null, env), region, "the environment variables " + ENV_IDP_ID + " / " + ENV_ID_TOKEN_FILE, iamClient);
        }
        String ak = env.get(ENV_AK);
        String sk = env.get(ENV_SK);
        if (notBlank(ak) && notBlank(sk)) {
            String securityToken = env.get(ENV_SECURITY_TOKEN);
            if (notBlank(securityToken)) {
                return fixedTemporary(build, new TemporaryKeys(ak.trim(), sk.trim(), securityToken.trim(), null), temporaryKeysProjectId(null, env),
                        iamEndpoint(null, env, region), region, "the environment variables " + ENV_AK + " / " + ENV_SK + " / " + ENV_SECURITY_TOKEN, iamClient);
            }
            return akSk(build, ak.trim(), sk.trim(), projectId, null, region, env, iamClient, "the environment variables " + ENV_AK + " / " + ENV_SK);
        }
        if (notBlank(idpId) != notBlank(tokenFile)) {
            // As the SDK's AbstractCredentials.checkRequiredIdpParams: half a federation is a mistake, not "no credentials".
            throw new CredentialsException("The environment variable " + (notBlank(idpId) ? ENV_IDP_ID : ENV_ID_TOKEN_FILE) + " is set but "
                    + (notBlank(idpId) ? ENV_ID_TOKEN_FILE : ENV_IDP_ID) + " is not: federation needs both.");
        }
        return null;
    }

    private static RequestAuthenticator fromFile(BuildScope build, SdkCredentialsFile file, String region, CredentialContext context,
            ServiceClient iamClient) throws CredentialsException {
        Map<String, String> env = context.env();
        String source = "the Huawei Cloud SDK credentials file " + file.path() + " [" + SdkCredentialsFile.SECTION + "]";
        String projectId = file.get("project_id");
        String idpId = file.get("idp_id");
        String tokenFile = file.get("id_token_file");
        if (idpId != null && tokenFile != null) {
            return federated(build, idpId, new IdTokenSource.File(context.path(tokenFile), "id_token_file in " + source),
                    iamEndpoint(file.get("iam_endpoint"), env, region), temporaryKeysProjectId(projectId, env), region, source, iamClient);
        }
        String ak = file.get("ak");
        String sk = file.get("sk");
        if (ak != null && sk != null) {
            String securityToken = file.get("security_token");
            if (securityToken != null) {
                return fixedTemporary(build, new TemporaryKeys(ak, sk, securityToken, null), temporaryKeysProjectId(projectId, env),
                        iamEndpoint(file.get("iam_endpoint"), env, region), region, source, iamClient);
            }
            return akSk(build, ak, sk, projectId, file.get("iam_endpoint"), region, env, iamClient, source);
        }
        throw new CredentialsException("The Huawei Cloud SDK credentials file " + file.path() + " has neither ak + sk nor idp_id + id_token_file "
                + "in its [" + SdkCredentialsFile.SECTION + "] section.");
    }

    /**
     * The {@code X-Project-Id} of temporary keys (federated or given): the configured id ({@code <projectId>},
     * {@code project_id}), else {@code HUAWEICLOUD_SDK_PROJECT_ID}, else none. The one place where the IAM project lookup
     * of AK/SK mode (one {@code GET /v3/projects?name=<region>} per build, signed with the same keys, as the SDK's
     * {@code BasicCredentials.processAuthParams} does) is to join temporary keys: {@link TemporaryKeySigner} then takes a
     * project id source instead of this value.
     */
    private static String temporaryKeysProjectId(String configured, Map<String, String> env) {
        return firstNotBlank(configured, env.get(ENV_PROJECT_ID));
    }

    private static RequestAuthenticator fixedTemporary(BuildScope build, TemporaryKeys keys, String projectId, URI iam, String region,
            String source, ServiceClient iamClient) {
        return TemporaryKeySigner.fixed(keys, temporaryProjectIds(build, () -> keys, projectId, iam, region, keys.accessKey(), source, iamClient),
                source, Clock.systemUTC());
    }

    /**
     * As AK/SK mode ({@link #akSk}): the configured project id, else the region's IAM project looked up once per build,
     * signed with the same temporary keys and their security token; with no region either, none is sent.
     */
    private static ProjectIdSource temporaryProjectIds(BuildScope build, TemporaryKeySigner.Keys keys, String projectId, URI iam, String region,
            String identity, String source, ServiceClient iamClient) {
        if (projectId != null) {
            return ProjectIdSource.fixed(projectId);
        }
        if (!notBlank(region)) {
            return ProjectIdSource.NONE;
        }
        IamProjectLookup lookup = IamProjectLookup.shared(build, iam, region.trim(), identity);
        return lookup.source(iamClient, new TemporaryKeySigner(keys, ProjectIdSource.NONE, source, Clock.systemUTC()));
    }

    private static RequestAuthenticator federated(BuildScope build, String idpId, IdTokenSource idToken, URI iam, String projectId,
            String region, String source, ServiceClient iamClient) throws CredentialsException {
        idToken.check();
        FederatedKeys federation = FederatedKeys.shared(build, iam, idpId, idToken);
        TemporaryKeySigner.Keys keys = () -> federation.keys(iamClient);
        return new TemporaryKeySigner(keys, temporaryProjectIds(build, keys, projectId, iam, region, "idp:" + idpId + "@" + iam, source, iamClient),
                "temporary AK/SK from IAM identity federation (identity provider '" + idpId + "', ID token from " + idToken.describe()
                        + ", IAM " + iam + ") configured by " + source, Clock.systemUTC());
    }

    /**
     * AK/SK signing with the {@code X-Project-Id} the SDK's {@code BasicCredentials} sends: the configured id, else
     * {@code HUAWEICLOUD_SDK_PROJECT_ID} (the SDK's {@code EnvCredentialProvider}), else the region's IAM project, looked
     * up once per build and signed with the same keys ({@link IamProjectLookup}). Sources: huaweicloud-sdk-java-v3
     * {@code core/src/main/java/com/huaweicloud/sdk/core/auth/BasicCredentials.java} and {@code EnvCredentialProvider.java}.
     * Temporary keys can take the same lookup: {@code IamProjectLookup.shared(...).source(client, theirSigner)}.
     */
    static AkSkSigner akSk(BuildScope build, String ak, String sk, String configuredProjectId, String configuredIam, String region,
            Map<String, String> env, ServiceClient iamClient, String source) throws CredentialsException {
        String projectId = notBlank(configuredProjectId) ? configuredProjectId : env.get(ENV_PROJECT_ID);
        if (notBlank(projectId)) {
            return new AkSkSigner(ak, sk, projectId.trim(), source, Clock.systemUTC());
        }
        if (!notBlank(region)) {
            throw new CredentialsException("AK/SK requests carry the region's IAM project id as X-Project-Id (as the official SDK sends it), "
                    + "and the keys from " + source + " come with none: set <configuration><projectId> in the server or " + ENV_PROJECT_ID
                    + ", or a region (parameter region / worklink.region, or <configuration><region>) so that it is looked up from IAM.");
        }
        IamProjectLookup lookup = IamProjectLookup.shared(build, iamEndpoint(configuredIam, env, region), region.trim(), ak);
        AkSkSigner lookupSigner = new AkSkSigner(ak, sk, (String) null, source, Clock.systemUTC());
        return AkSkSigner.withProjectIds(ak, sk, lookup.source(iamClient, lookupSigner), source, Clock.systemUTC());
    }

    /**
     * The IAM host: the configured one ({@code <iamEndpoint>}, {@code iam_endpoint}), else {@code HUAWEICLOUD_SDK_IAM_ENDPOINT},
     * else the region's; with no region, the SDK's global host {@code https://iam.myhuaweicloud.com}.
     */
    public static URI iamEndpoint(String configured, Map<String, String> env, String region) throws CredentialsException {
        String value = notBlank(configured) ? configured : notBlank(env.get(ENV_IAM_ENDPOINT)) ? env.get(ENV_IAM_ENDPOINT)
                : notBlank(region) ? "https://iam." + region.trim() + ".myhuaweicloud.com" : GLOBAL_IAM_ENDPOINT;
        try {
            URI uri = URI.create(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new CredentialsException("The IAM endpoint '" + value + "' is not an http(s) URL (from <iamEndpoint>, iam_endpoint or "
                    + ENV_IAM_ENDPOINT + ").");
        }
    }

    private static void require(ServerEntry server, String value, String what, String mode) throws CredentialsException {
        if (!notBlank(value)) {
            throw new CredentialsException("The " + server.source() + " uses <auth>" + mode + "</auth> but has no " + what + ".");
        }
    }

    private static String firstNotBlank(String a, String b) {
        return notBlank(a) ? a.trim() : blankToNull(b);
    }

    private static String blankToNull(String s) {
        return notBlank(s) ? s.trim() : null;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
