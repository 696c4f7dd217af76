package dev.worklink.auth;

import java.nio.file.Path;
import java.util.Map;

/**
 * What CodeArts credentials are resolved against besides settings.xml, passed in so that nothing depends on the machine
 * a test runs on.
 *
 * @param env              the process environment
 * @param home             the user's home directory, where {@code .huaweicloud/credentials} is looked for; null: nowhere
 * @param workingDirectory what relative file paths (ID token file, credentials file) are relative to: the directory the
 *                         build was started in (a Maven daemon's own working directory is another); null: the JVM's
 * @param idTokenAudience  the audience asked from GitHub Actions' ID token endpoint; null: GitHub's default
 */
public record CredentialContext(Map<String, String> env, Path home, Path workingDirectory, String idTokenAudience) {

    public CredentialContext {
        env = Map.copyOf(env);
    }

    /** Only an environment: no credentials file in a home directory, paths relative to the JVM's working directory. */
    public static CredentialContext of(Map<String, String> env) {
        return new CredentialContext(env, null, null, null);
    }

    /** A path from a setting, relative ones resolved against {@link #workingDirectory}. */
    Path path(String value) {
        Path path = Path.of(value.trim());
        return workingDirectory == null || path.isAbsolute() ? path : workingDirectory.resolve(path);
    }

    /** Never the environment's values. */
    @Override
    public String toString() {
        return "CredentialContext[home " + home + ", working directory " + workingDirectory + ", audience " + idTokenAudience + "]";
    }
}
