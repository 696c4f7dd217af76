package dev.worklink.mojo;

import dev.worklink.auth.CodeArtsCredentials;
import dev.worklink.auth.CredentialsException;
import dev.worklink.auth.ServerEntry;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceClient;
import java.net.URI;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that call Huawei Cloud CodeArts (attach, link, thumbnail, icon): their {@code endpoint} and {@code serverId}
 * mean a CodeArts base URL and a CodeArts {@code <server>}, under the properties {@code worklink.endpoint} and
 * {@code worklink.serverId}. project-image, which calls SuperOffice, has its own ({@code worklink.superoffice.*}), so
 * that one {@code -D} never feeds two goals two meanings. The Huawei Cloud credential parameters ({@code region},
 * {@code auth}, {@code domain}, {@code iamEndpoint}, {@code iamProjectId}, {@code idTokenAudience}) are here too, so that
 * project-image's goal page does not list parameters it would ignore.
 */
public abstract class AbstractCodeArtsMojo extends AbstractWorklinkMojo {

    /**
     * Id of the {@code <server>} in settings.xml that holds the CodeArts credentials.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.serverId", defaultValue = "codearts")
    protected String serverId;

    /**
     * Base URL of the CodeArts service, e.g. {@code https://projectman-ext.cn-north-4.myhuaweicloud.com}. When not set, it
     * is derived from {@code region}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.endpoint")
    protected String endpoint;

    /**
     * Huawei Cloud region, e.g. {@code cn-north-4}. Defaults to the server's {@code <configuration><region>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.region")
    protected String region;

    /**
     * Keyless CI: the audience of the ID token this plugin asks GitHub Actions for, when the {@code oidc} server has neither
     * {@code <idTokenFile>} nor {@code <idTokenEnv>}. Set it to the client id of the IAM identity provider. When not set,
     * GitHub's default audience (the URL of the repository owner) is asked for.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.idTokenAudience")
    protected String idTokenAudience;

    /**
     * CodeArts credential mode. One of: {@code password}, {@code aksk}, {@code token}, {@code oidc}. It overrides the server's
     * {@code <configuration><auth>}, for CI tools (GitHub's setup-java, Jenkins' config-file-provider) that write a
     * {@code <server>} with only its id, username and password. A parameter wins over the server's configuration, and
     * the goal logs which one it used.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.auth")
    protected String auth;

    /**
     * The account (domain) name of IAM password mode: overrides the server's {@code <configuration><domain>}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.domain")
    protected String domain;

    /**
     * The IAM endpoint, e.g. {@code https://iam.cn-north-4.myhuaweicloud.com}: overrides the server's
     * {@code <configuration><iamEndpoint>} (and {@code HUAWEICLOUD_SDK_IAM_ENDPOINT}).
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.iamEndpoint")
    protected String iamEndpoint;

    /**
     * The region's IAM project id, sent as {@code X-Project-Id} in AK/SK mode: overrides the server's
     * {@code <configuration><projectId>}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.iamProjectId")
    protected String iamProjectId;

    /** The region: the parameter, else the server's {@code <configuration><region>}. */
    protected String regionFor(ServerEntry server) {
        if (region != null && !region.isBlank()) {
            return region.trim();
        }
        return server == null ? null : server.config("region");
    }

    /**
     * The CodeArts base URL: the {@code endpoint} parameter, else the documented host of the region.
     *
     * @param hostFor the region's host for this service
     */
    protected URI codeArtsEndpoint(ParameterCheck check, String regionValue, java.util.function.Function<String, URI> hostFor) {
        String endpoint = endpoint();
        if (endpoint != null && !endpoint.isBlank()) {
            return URI.create(endpoint.trim());
        }
        if (regionValue == null || !regionValue.matches("^[a-z]{2}(-[a-z0-9]+)+$")) {
            check.fail("region", regionValue, "is needed to find the service when endpoint is not set: a Huawei Cloud region such as "
                    + "cn-north-4 (or set <configuration><region> in the server, or the endpoint parameter)");
            return null;
        }
        return hostFor.apply(regionValue);
    }

    /** CodeArts credentials from the server or the environment; no network call. */
    protected RequestAuthenticator codeArtsAuth(ServerEntry server, String id, String regionValue, ServiceClient client)
            throws MojoFailureException {
        try {
            RequestAuthenticator auth = CodeArtsCredentials.resolve(build.scope(), server, id, regionValue, credentialContext(), client);
            getLog().info("Credentials: " + auth.describe());
            return auth;
        } catch (CredentialsException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    /**
     * The environment, the home directory, the directory the build started in (relative token file paths are read from
     * it, also in a Maven daemon whose own working directory is another) and {@code idTokenAudience}.
     */
    private dev.worklink.auth.CredentialContext credentialContext() {
        String root = session.getExecutionRootDirectory();
        return new dev.worklink.auth.CredentialContext(System.getenv(), Path.of(System.getProperty("user.home")),
                root == null ? null : Path.of(root), idTokenAudience);
    }

    /** A checked CodeArts connection: where calls go, the client they go through, and the credentials they carry. */
    protected record CodeArtsConnection(URI endpoint, ServiceClient client, RequestAuthenticator auth) {}

    /**
     * Ends a CodeArts goal's checks with the server, region and endpoint, fails with every problem found (no network
     * call yet), then connects: the build's shared HTTP client and the credentials settings.xml names.
     *
     * @param hostFor the region's host for the service the goal calls
     */
    protected CodeArtsConnection connectCodeArts(ParameterCheck check, java.util.function.Function<String, URI> hostFor)
            throws MojoFailureException {
        String id = serverIdOr("codearts");
        ServerEntry server = withCredentialParameters(server(id), id, check);
        String regionValue = regionFor(server);
        URI base = codeArtsEndpoint(check, regionValue, hostFor);
        check.throwIfAny(goal());
        checkOnline();
        HttpSettings settings = httpSettings();
        if (!dryRun) {
            SharedHttpClients.warmUp(build.scope(), settings, dev.worklink.http.UserAgent.VALUE);
        }
        ServiceClient client = serviceClient(settings);
        RequestAuthenticator auth = codeArtsAuth(server, id, regionValue, client);
        String endpoint = endpoint();
        checkClearText(base, endpoint != null && !endpoint.isBlank() ? "the endpoint parameter" : "the region's endpoint", auth);
        return new CodeArtsConnection(base, client, auth);
    }

    /**
     * The server with the credential parameters ({@code auth}, {@code domain}, {@code iamEndpoint}, {@code iamProjectId})
     * laid over its {@code <configuration>}: a parameter wins over the server, and the log says which came from where.
     */
    protected ServerEntry withCredentialParameters(ServerEntry server, String id, ParameterCheck check) {
        java.util.Map<String, String> given = new java.util.LinkedHashMap<>();
        putIfSet(given, "auth", auth);
        putIfSet(given, "domain", domain);
        putIfSet(given, "iamEndpoint", iamEndpoint);
        putIfSet(given, "projectId", iamProjectId);
        if (given.containsKey("iamEndpoint") && !HTTP_URL.matcher(given.get("iamEndpoint")).matches()) {
            check.fail("iamEndpoint", iamEndpoint, "must be an http:// or https:// URL");
        }
        if (given.isEmpty()) {
            return server;
        }
        if (server == null) {
            getLog().warn("The parameters " + parameterNames(given.keySet()) + " apply to the <server> '" + id
                    + "' of settings.xml, which does not exist: they are not used.");
            return null;
        }
        java.util.Map<String, String> configuration = new java.util.LinkedHashMap<>(server.configuration());
        java.util.List<String> said = new java.util.ArrayList<>();
        given.forEach((key, value) -> {
            String before = server.config(key);
            said.add(parameterName(key) + " (worklink." + parameterName(key) + ")"
                    + (before == null ? "" : before.equals(value) ? " (the same as the server's)" : " over the server's <configuration><" + key + ">"));
            configuration.put(key, value);
        });
        // non-secret settings only: values may be logged
        getLog().info("Credential settings from parameters, which win over the server's <configuration>: " + String.join(", ", said));
        return new ServerEntry(server.id(), server.username(), server.password(), configuration, server.source());
    }

    private static void putIfSet(java.util.Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value.trim());
        }
    }

    private static String parameterName(String configKey) {
        return configKey.equals("projectId") ? "iamProjectId" : configKey;
    }

    private static String parameterNames(java.util.Collection<String> keys) {
        return String.join(", ", keys.stream().map(AbstractCodeArtsMojo::parameterName).toList());
    }

    @Override
    protected String endpoint() {
        return endpoint;
    }

    @Override
    protected String serverId() {
        return serverId;
    }
}
