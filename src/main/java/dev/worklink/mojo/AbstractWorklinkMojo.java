package dev.worklink.mojo;

import dev.worklink.auth.CodeArtsCredentials;
import dev.worklink.auth.CredentialsException;
import dev.worklink.auth.ServerEntry;
import dev.worklink.http.HttpSettings;
import dev.worklink.http.Log;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceClient;
import dev.worklink.report.CiSummary;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.List;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.maven.artifact.ArtifactUtils;
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

    /**
     * Huawei Cloud region, e.g. {@code cn-north-4}. Defaults to the server's {@code <configuration><region>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.region")
    protected String region;

    /**
     * Do nothing: skips every goal of this plugin. Each goal also has a skip of its own, {@code worklink.<goal>.skip}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Validate everything and log each request that would be sent (method, URL, headers with secrets masked, body
     * summary), without any network call.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.dryRun", defaultValue = "false")
    protected boolean dryRun;

    /**
     * When false, a failed call is logged as a warning and the build goes on. Bad configuration always fails.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.failOnError", defaultValue = "true")
    protected boolean failOnError;

    /**
     * Attempts after the first on transient failures (connection refused or reset, 429, 502, 503, 504).
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.retries", defaultValue = "3")
    protected int retries;

    /**
     * First wait before a retry, in milliseconds; it doubles on each attempt, with jitter. A {@code Retry-After} wins.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.retryBackoff", defaultValue = "500")
    protected long retryBackoff;

    /**
     * Seconds to wait for a connection.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.connectTimeout", defaultValue = "10")
    protected int connectTimeout;

    /**
     * Seconds to wait for the service to answer (or to accept the next bytes of an upload).
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.timeout", defaultValue = "120")
    protected int timeout;

    /**
     * Allow credentials (a password, token or signature) to go in clear text to an {@code http://} endpoint that is not
     * a loopback address ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost}): the CodeArts endpoint, the IAM endpoint,
     * the Pipeline endpoint, the SuperOffice endpoint or its login endpoint. By default such an endpoint fails the goal
     * before any call; with {@code true}, as Jib's {@code allowInsecureRegistries}, it is used, and each such host is
     * named in a warning. Use it only on a network you trust, e.g. a test environment behind a firewall.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.allowInsecure", defaultValue = "false")
    protected boolean allowInsecure;

    /**
     * JSON summary of what was published. Defaults to {@code ${project.build.directory}/worklink/<goal>.json}.
     *
     * @since 0.1.0
     */
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

    /**
     * A {@code -SNAPSHOT} version publishes nothing: the goal says so (once per build) and does nothing else, so that
     * one configuration serves both snapshot builds and releases.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.skipSnapshots", defaultValue = "false")
    protected boolean skipSnapshots;

    /**
     * Also append a short Markdown summary of what the goal published (work item, plan, attachment ids), skipped or
     * failed to this file, for CI systems that show one. In GitHub Actions the file named by
     * {@code GITHUB_STEP_SUMMARY} gets it without this parameter. Never holds a credential.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.summaryFile")
    protected File summaryFile;

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

    /** Whether this execution already put a section in the CI summary. */
    private boolean summarized;

    /** The build said once that snapshots publish nothing. */
    private record SnapshotsSkipped() {}

    /** The project-level call this execution claimed ({@link #firstInBuild}), released when the execution ends. */
    private OncePerBuild.Call claimed;
    private boolean callFailed;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipGoal()) {
            getLog().info("worklink:" + goal() + " skipped (" + (skip ? "worklink.skip" : "worklink." + goal() + ".skip") + "=true).");
            onSkip();
            return;
        }
        String version = project.getVersion();
        if (skipSnapshots && version != null && ArtifactUtils.isSnapshot(version)) {
            String why = "version " + version + " is a snapshot and skipSnapshots=true: nothing is published.";
            if (build.scope().shared(new SnapshotsSkipped(), AtomicBoolean.class, AtomicBoolean::new).compareAndSet(false, true)) {
                getLog().info("worklink: " + why + " (Said once for the whole build.)");
            } else {
                getLog().debug("worklink:" + goal() + ": " + why);
            }
            summarize(CiSummary.skipped(goal(), project.getArtifactId(), why));
            onSkip();
            return;
        }
        try {
            publish();
        } catch (MojoExecutionException | MojoFailureException | RuntimeException e) {
            callFailed = true;
            if (!summarized) {
                summarize(CiSummary.failed(goal(), project.getArtifactId(), e.getMessage()));
            }
            throw e;
        } finally {
            if (claimed != null) {
                claimed.finish(project.getArtifactId(), reportPath(), callFailed);
                claimed = null;
            }
        }
    }

    /**
     * For a project-level call: whether this module is the first of the build to make it (same goal, same inputs).
     * If another module made it, logs where (or, when it failed there, fails as this module's failOnError says) and
     * answers false: the goal does nothing more. Call it after every check, right before the call.
     *
     * @param inputs what makes the call the same: target ids, endpoint, server id, file contents (by hash)
     * @param what   the call in the user's words, for the log: "linking 3 work item(s) to plan X"
     */
    protected boolean firstInBuild(List<String> inputs, String what) throws MojoExecutionException, MojoFailureException {
        List<String> key = new java.util.ArrayList<>(inputs);
        key.add("dryRun=" + dryRun);
        OncePerBuild.Call call = OncePerBuild.call(build.scope(), goal(), key);
        if (call.claim()) {
            claimed = call;
            return true;
        }
        if (call.failed()) {
            failed("worklink:" + goal() + ": " + what + " failed in module " + call.module() + " of this build (report: " + call.report()
                    + "); the same call is not made again here.", false);
        } else {
            getLog().info("worklink:" + goal() + ": " + what + " was done by module " + call.module() + " in this build (report: "
                    + call.report() + "); the same call is not made again. Give this module other inputs to make a call of its own.");
        }
        return false;
    }

    /**
     * The goal's own skip ({@code worklink.<goal>.skip}), beside {@code worklink.skip}. A Maven parameter's property
     * belongs to its field, so each goal declares its own.
     */
    protected abstract boolean skipGoal();

    /** The {@code endpoint} parameter of the goal (its property differs between CodeArts and SuperOffice goals). */
    protected abstract String endpoint();

    /** The {@code serverId} parameter of the goal (its property differs between CodeArts and SuperOffice goals). */
    protected abstract String serverId();

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
        String endpoint = endpoint();
        if (endpoint != null && !endpoint.isBlank() && !HTTP_URL.matcher(endpoint.trim()).matches()) {
            check.fail("endpoint", endpoint, "must be an http:// or https:// URL");
        }
    }

    protected HttpSettings httpSettings() throws MojoFailureException {
        return new HttpSettings(Duration.ofSeconds(connectTimeout), Duration.ofSeconds(timeout), retries,
                Duration.ofMillis(retryBackoff), MavenSettingsProxies.of(session.getSettings(), settingsDecrypter),
                session.isOffline(), dryRun, allowInsecure);
    }

    /**
     * No credentials in clear text to another machine: checks the goal's endpoint and every other URL its credentials
     * go to ({@link RequestAuthenticator#credentialEndpoints()}), before any call.
     *
     * @param what what {@code url} is, in the user's words ("the endpoint parameter")
     */
    protected void checkClearText(URI url, String what, RequestAuthenticator auth) throws MojoFailureException {
        dev.worklink.http.ClearTextRule rule = new dev.worklink.http.ClearTextRule(allowInsecure, coreLog());
        try {
            if (url != null) {
                rule.check(url, what);
            }
            if (auth != null) {
                for (java.util.Map.Entry<String, URI> e : new java.util.TreeMap<>(auth.credentialEndpoints()).entrySet()) {
                    rule.check(e.getValue(), e.getKey());
                }
            }
        } catch (dev.worklink.http.InsecureEndpointException e) {
            throw new MojoFailureException("worklink:" + goal() + " was not run: " + e.getMessage() + "\nNothing was sent.");
        }
    }

    protected ServiceClient serviceClient(HttpSettings settings) {
        return new ServiceClient(() -> SharedHttpClients.get(build.scope(), settings, dev.worklink.http.UserAgent.VALUE), settings, coreLog(),
                dev.worklink.http.Sleeper.REAL);
    }

    /** The server id in use: the parameter, else the goal's default. */
    protected String serverIdOr(String defaultId) {
        String serverId = serverId();
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
        return String.join(", ", keys.stream().map(AbstractWorklinkMojo::parameterName).toList());
    }

    /** Writes the goal's JSON report, and its section of the CI summary. */
    protected void writeReport(dev.worklink.report.PublishReport report, Path file) throws MojoExecutionException {
        try {
            report.writeTo(file);
        } catch (java.io.IOException e) {
            throw new MojoExecutionException("Could not write the report " + file + ": " + e.getMessage(), e);
        }
        // made only when a summary file is to get it: its table goes through Jackson's databind, which a dry run need not load
        summarize(() -> CiSummary.published(project.getArtifactId(), summaryTarget(), report));
    }

    /** What the goal acts on beyond its report's items, for the CI summary's heading (a plan); null when nothing. */
    protected String summaryTarget() {
        return null;
    }

    /**
     * Appends a section to the CI summary files ({@code summaryFile}, {@code $GITHUB_STEP_SUMMARY}). A summary that
     * cannot be written is a warning: the publishing it describes has happened.
     */
    protected void summarize(String section) {
        summarize(() -> section);
    }

    private void summarize(java.util.function.Supplier<String> sections) {
        summarized = true;
        String section = null;
        for (Path target : CiSummary.targets(summaryFile == null ? null : summaryFile.toPath(), System.getenv())) {
            if (section == null) {
                section = sections.get();
            }
            // one lock per file and build: modules of a parallel build (-T) append one section at a time
            Object lock = build.scope().shared(new SummaryLock(target), Object.class, Object::new);
            synchronized (lock) {
                try {
                    CiSummary.append(target, section);
                } catch (java.io.IOException e) {
                    getLog().warn("Could not append to the CI summary " + target + ": " + e.getMessage());
                }
            }
        }
    }

    private record SummaryLock(Path file) {}

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
        callFailed = true;
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
