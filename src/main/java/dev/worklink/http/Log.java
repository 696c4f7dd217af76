package dev.worklink.http;

/**
 * The few log calls the Maven-free core makes. The Maven goals adapt their own log to it; tests and
 * other programs can use {@link #NONE} or collect the lines.
 */
public interface Log {
    Log NONE = new Log() {
        @Override
        public void debug(String message) {}

        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}
    };

    void debug(String message);

    void info(String message);

    void warn(String message);

    /** Whether {@link #debug} lines are shown, so callers can skip building them. */
    default boolean isDebugEnabled() {
        return false;
    }
}
