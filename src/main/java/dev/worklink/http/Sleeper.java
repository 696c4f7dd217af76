package dev.worklink.http;

import java.time.Duration;

/** Waits between attempts; tests replace it to record the delays instead of waiting. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
