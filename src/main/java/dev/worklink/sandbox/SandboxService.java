package dev.worklink.sandbox;

import java.util.List;

/**
 * A family of calls the sandbox speaks (IAM, CodeArts Req attachments, ...). To add one: implement this, answer
 * with the documented shapes through {@link SandboxExchange}, and list it in {@link Sandbox}'s constructor.
 */
interface SandboxService {

    List<Route> routes();

    /** Forgets what the service stored (called by {@link Sandbox#reset()}). */
    default void reset() {}
}
