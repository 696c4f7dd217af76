package dev.worklink.mojo;

import dev.worklink.auth.CodeArtsCredentials;
import dev.worklink.auth.CredentialsException;
import dev.worklink.auth.ServerEntry;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.Log;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceClient;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What every publishing goal shares: skip, dry run, credentials from settings.xml, proxies, offline mode,
 * timeouts and retries, the report file, and turning failures into messages that say what to do.
 * {@link #execute()} is final; each goal implements {@link #publish()}.
 */
public abstract class AbstractWorklinkMojo extends AbstractMojo {

    static final Pattern HTTP_URL = Pattern.compile("^https?://[^/\\s?#]+(/\\S*)?$", Pattern.CASE_INSENSITIVE);

    /** Id of the {@code <server>} in settings.xml that holds the credentials. Defaults to {@code codearts} ({@code superoffice} for project-image). */
    @Parameter(property = "worklink.serverId")
    protected String serverId;

    /**
     * Base URL of the service, e.g. {@code https://projectman-ext.cn-north-4.myhuaweicloud.com}. When not set, it is derived
     * from {@code region}.
     */
    @Parameter(property = "worklink.endpoint")
    protected String endpoint;

    /** Huawei Cloud region, e.g. {@code cn-north-4}. Defaults to the server's {@code <configuration><region>}. */
    @Parameter(property = "worklink.region")
    protected String region;

    /** Do nothing. */
    @Parameter(property = "worklink.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Validate everything and log each request that would be sent (method, URL, headers with secrets masked, body
     * summary), without any network call.
     */
    @Parameter(property = "worklink.dryRun", defaultValue = "false")
    protected boolean dryRun;

    /** When false, a failed call is logged as a warning and the build goes on. Bad configuration always fails. */
    @Parameter(property = "worklink.failOnError", defaultValue = "true")
    protected boolean failOnError;

    /** Attempts after the first on transient failures (connection refused or reset, 429, 502, 503, 504). */
    @Parameter(property = "worklink.retries", defaultValue = "3")
    protected int retries;

    /** First wait before a retry, in milliseconds; it doubles on each attempt, with jitter. A {@code Retry-After} wins. */
    @Parameter(property = "worklink.retryBackoff", defaultValue = "500")
    protected long retryBackoff;

    /** Seconds to wait for a connection. */
    @Parameter(property = "worklink.connectTimeout", defaultValue = "10")
    protected int connectTimeout;

    /** Seconds to wait for the service to answer (or to accept the next bytes of an upload). */
    @Parameter(property = "worklink.timeout", defaultValue = "120")
    protected int timeout;

    /** JSON summary of what was published. Defaults to {@code ${project.build.directory}/worklink/<goal>.json}. */
    @Parameter(property = "worklink.reportFile")
    protected File reportFile;

    /**
     * Keyless CI: the audience of the ID token this plugin asks GitHub Actions for, when the {@code oidc} server has neither
     * {@code <idTokenFile>} nor {@code <idTokenEnv>}. Set it to the client id of the IAM identity provider. When not set,
     * GitHub's default audience (the URL of the repository owner) is asked for.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.idTokenAudience")
    protected String idTokenAudience;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Inject
    protected SettingsDecrypter settingsDecrypter;

    /** What this build shares across goals and modules (clients, tokens); closed when the build ends. */
    @Inject
    protected WorklinkBuild build;

    private Log coreLog;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("worklink:" + goal() + " skipped (worklink.skip=true).");
            onSkip();
            return;
        }
        publish();
    }

    /** The goal's name, for messages and the default report file. */
    protected abstract String goal();

    /** Checks the inputs, then publishes. */
    protected abstract void publish() throws MojoExecutionException, MojoFailureException;

    /** Called instead of {@link #publish()} when the goal is skipped. */
    protected void onSkip() throws MojoExecutionException, MojoFailureException {}

    protected Log coreLog() {
        if (coreLog == null) {
            coreLog = new MavenLog(getLog());
        }
        return coreLog;
    }

    /** Checks the parameters every goal shares. */
    protected void checkCommon(ParameterCheck check) {
        if (retries < 0) {
            check.fail("retries", retries, "must be 0 or more");
        }
        if (connectTimeout <= 0) {
            check.fail("connectTimeout", connectTimeout, "must be a positive number of seconds");
        }
        if (timeout <= 0) {
            check.fail("timeout", timeout, "must be a positive number of seconds");
        }
        if (retryBackoff < 0) {
            check.fail("retryBackoff", retryBackoff, "must be 0 or more milliseconds");
        }
        if (endpoint != null && !endpoint.isBlank() && !HTTP_URL.matcher(endpoint.trim()).matches()) {
            check.fail("endpoint", endpoint, "must be an http:// or https:// URL");
        }
    }

    protected HttpSettings httpSettings() throws MojoFailureException {
        return new HttpSettings(Duration.ofSeconds(connectTimeout), Duration.ofSeconds(timeout), retries,
                Duration.ofMillis(retryBackoff), MavenSettingsProxies.of(session.getSettings(), settingsDecrypter),
                session.isOffline(), dryRun);
    }

    protected ServiceClient serviceClient(HttpSettings settings) {
        return new ServiceClient(() -> SharedHttpClients.get(build.scope(), settings, dev.worklink.http.UserAgent.VALUE), settings, coreLog(),
                dev.worklink.http.Sleeper.REAL);
    }

    /** The server id in use: the parameter, else the goal's default. */
    protected String serverIdOr(String defaultId) {
        return serverId == null || serverId.isBlank() ? defaultId : serverId.trim();
    }

    protected ServerEntry server(String id) throws MojoFailureException {
        return MavenSettingsServers.find(session.getSettings(), settingsDecrypter, id);
    }

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
        ServerEntry server = server(id);
        String regionValue = regionFor(server);
        URI base = codeArtsEndpoint(check, regionValue, hostFor);
        check.throwIfAny(goal());
        checkOnline();
        ServiceClient client = serviceClient(httpSettings());
        return new CodeArtsConnection(base, client, codeArtsAuth(server, id, regionValue, client));
    }

    /** Writes the goal's JSON report. */
    protected void writeReport(dev.worklink.report.PublishReport report, Path file) throws MojoExecutionException {
        try {
            report.writeTo(file);
        } catch (java.io.IOException e) {
            throw new MojoExecutionException("Could not write the report " + file + ": " + e.getMessage(), e);
        }
    }

    /** Offline builds may only dry-run: fail before anything else is done. */
    protected void checkOnline() throws MojoFailureException {
        if (session.isOffline() && !dryRun) {
            throw new MojoFailureException("worklink:" + goal() + " needs the network, but Maven is offline (-o). Run the build without -o, "
                    + "or add -Dworklink.dryRun=true to check the configuration without any network call.");
        }
    }

    protected Path reportPath() {
        if (reportFile != null) {
            return reportFile.toPath();
        }
        return Path.of(project.getBuild().getDirectory(), "worklink", goal() + ".json");
    }

    /**
     * A call failed: fail the build (a 4xx means the user has something to fix, anything else went wrong around
     * them), or with {@code failOnError=false} warn and go on.
     */
    protected void failed(String message, boolean userError) throws MojoExecutionException, MojoFailureException {
        if (!failOnError) {
            getLog().warn(message);
            getLog().warn("failOnError=false: the build goes on.");
            return;
        }
        if (userError) {
            throw new MojoFailureException(message);
        }
        throw new MojoExecutionException(message);
    }
}
