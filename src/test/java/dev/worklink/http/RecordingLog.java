package dev.worklink.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link Log} for tests that keeps every line it is given, debug lines included: a caller that logs at debug without
 * asking {@link #isDebugEnabled()} first is caught too. The choice of factory only decides what that method answers.
 */
public final class RecordingLog implements Log {

    private final boolean debug;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    private RecordingLog(boolean debug) {
        this.debug = debug;
    }

    /** Reports debug enabled, as under {@code mvn -X}: callers build and log their debug lines. */
    public static RecordingLog withDebug() {
        return new RecordingLog(true);
    }

    /** Reports debug disabled, as a build without {@code -X}. */
    public static RecordingLog withoutDebug() {
        return new RecordingLog(false);
    }

    public List<String> lines() {
        return lines;
    }

    public String text() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void debug(String message) {
        lines.add(message);
    }

    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add(message);
    }

    @Override
    public boolean isDebugEnabled() {
        return debug;
    }
}
