package dev.worklink.mojo;

import dev.worklink.auth.ServerEntry;
import dev.worklink.http.BuildScope;
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

    /** Whether the build said once that snapshots publish nothing. */
    private static final Object SNAPSHOTS_SKIPPED = BuildScope.key(AbstractWorklinkMojo.class, "snapshots skipped");

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
            if (build.scope().shared(SNAPSHOTS_SKIPPED, AtomicBoolean.class, AtomicBoolean::new).compareAndSet(false, true)) {
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
            Object lock = build.scope().shared(BuildScope.key(CiSummary.class, target), Object.class, Object::new);
            synchronized (lock) {
                try {
                    CiSummary.append(target, section);
                } catch (java.io.IOException e) {
                    getLog().warn("Could not append to the CI summary " + target + ": " + e.getMessage());
                }
            }
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
