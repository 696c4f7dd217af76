package dev.worklink.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The {@code User-Agent} every request carries: {@code worklink-maven-plugin/<version>}, the version the build
 * filtered into {@code dev/worklink/worklink-version.properties} (a jar's manifest need not carry one).
 */
public final class UserAgent {

    static final String RESOURCE = "/dev/worklink/worklink-version.properties";

    /** For example {@code worklink-maven-plugin/0.1.0}. */
    public static final String VALUE = "worklink-maven-plugin/" + version();

    private UserAgent() {}

    static String version() {
        try (InputStream in = UserAgent.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the plugin's classes: build them with Maven");
            }
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("version", "").trim();
            if (version.isEmpty() || version.startsWith("${")) {
                throw new IllegalStateException(RESOURCE + " holds no version: its resource filtering did not run");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
