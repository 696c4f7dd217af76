package dev.worklink.mojo;

import dev.worklink.files.FileSize;
import dev.worklink.sandbox.ReadyFile;
import dev.worklink.sandbox.Sandbox;
import dev.worklink.sandbox.SandboxCredentials;
import dev.worklink.sandbox.SandboxOptions;
import dev.worklink.sandbox.SuperOfficeSandboxCredentials;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Serves a local stand-in of the CodeArts and SuperOffice calls the other goals make, until stopped (Ctrl+C), so a team can
 * rehearse its release configuration without touching production. It prints its endpoint and a matching
 * settings.xml snippet; {@code GET <endpoint>/__sandbox/record} shows what it received.
 */
@Mojo(name = "sandbox", requiresProject = false, threadSafe = true)
public class SandboxMojo extends AbstractMojo {

    /**
     * Port on 127.0.0.1; 0 picks a free one.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.sandbox.port", defaultValue = "8787")
    private int port;

    /**
     * Largest attachment the sandbox accepts, as CodeArts does (50 MB); raise it to rehearse larger files.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.sandbox.attachmentLimit", defaultValue = "50MB")
    private String attachmentLimit;

    /**
     * When set, every request the sandbox receives is appended to this file as one JSON line.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.sandbox.recordFile")
    private File recordFile;

    /**
     * When set, the endpoint URL is written to this file once the sandbox listens (for scripts).
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.sandbox.readyFile")
    private File readyFile;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        long limit;
        try {
            limit = FileSize.parse(attachmentLimit);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new MojoFailureException("parameter attachmentLimit (worklink.sandbox.attachmentLimit) = '" + attachmentLimit + "': "
                    + (e instanceof ArithmeticException ? "too large a size" : e.getMessage()));
        }
        if (limit <= 0) {
            throw new MojoFailureException("parameter attachmentLimit (worklink.sandbox.attachmentLimit) = '" + attachmentLimit
                    + "': must be a positive size (50MB)");
        }
        if (port < 0 || port > 65535) {
            throw new MojoFailureException("parameter port (worklink.sandbox.port) = '" + port + "': must be 0 to 65535");
        }
        SandboxOptions options = SandboxOptions.defaults().withPort(port).withAttachmentLimit(limit)
                .withLog(line -> getLog().info("[sandbox] " + line));
        if (recordFile != null) {
            options = options.withRecordFile(recordFile.toPath());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = null;
        try (Sandbox sandbox = Sandbox.start(options)) {
            hook = new Thread(() -> {
                sandbox.close();
                stopped.countDown();
            }, "worklink-sandbox-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            getLog().info("worklink sandbox listening on " + sandbox.url() + " (Ctrl+C to stop)");
            getLog().info(snippet(sandbox.url()));
            if (readyFile != null) {
                ReadyFile.write(readyFile.toPath(), sandbox.url()); // whole, then moved in place: a script never reads half
            }
            stopped.await();
        } catch (IOException e) {
            throw new MojoExecutionException("Could not start the sandbox on port " + port + ": " + e.getMessage()
                    + " (is the port in use? try -Dworklink.sandbox.port=0)", e);
        } catch (InterruptedException e) {
            // a build cancelled without stopping the JVM (mvnd): the sandbox is closed above, the hook goes below
            Thread.currentThread().interrupt();
        } finally {
            removeHook(hook);
        }
    }

    /** A JVM that outlives the goal (mvnd) keeps no hook of it; during shutdown the hook is running and stays. */
    private static void removeHook(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is stopping: the hook is what ended the goal
        }
    }

    static String snippet(String url) {
        return "Rehearse against it with -Dworklink.endpoint=" + url + " and one of these servers in settings.xml:\n"
                + "<server>\n  <id>codearts</id>\n  <username>" + SandboxCredentials.IAM_USER + "</username>\n  <password>"
                + SandboxCredentials.IAM_PASSWORD + "</password>\n  <configuration>\n    <domain>" + SandboxCredentials.IAM_DOMAIN
                + "</domain>\n    <region>cn-north-4</region>\n    <iamEndpoint>" + url + "</iamEndpoint>\n  </configuration>\n</server>\n"
                + "<server>\n  <id>codearts-aksk</id>\n  <username>" + SandboxCredentials.ACCESS_KEY + "</username>\n  <password>"
                + SandboxCredentials.SECRET_KEY + "</password>\n  <configuration><auth>aksk</auth></configuration>\n</server>\n"
                + "<server>\n  <id>codearts-token</id>\n  <password>" + SandboxCredentials.READY_TOKEN
                + "</password>\n  <configuration><auth>token</auth></configuration>\n</server>\n"
                + "SuperOffice: -Dworklink.superoffice.endpoint=" + url + "/SuperOffice/api (on-site; " + url + "/Cust12345/api behaves as Online) with\n"
                + "<server>\n  <id>superoffice</id>\n  <username>" + SuperOfficeSandboxCredentials.USER + "</username>\n  <password>"
                + SuperOfficeSandboxCredentials.PASSWORD + "</password>\n</server>\n"
                + "What it received: " + url + "/__sandbox/record";
    }
}
