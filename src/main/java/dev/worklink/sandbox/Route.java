package dev.worklink.sandbox;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * One call the sandbox answers: a method, a path pattern (whose groups the handler reads with
 * {@link SandboxExchange#pathGroup}), whether it needs a token or signature, and the handler. The handler runs after
 * the body has been read and the caller authenticated, and answers exactly once.
 */
record Route(String method, Pattern path, boolean authenticated, Handler handler) {

    @FunctionalInterface
    interface Handler {
        void handle(SandboxExchange exchange) throws IOException;
    }

    /** A call anyone may make (IAM's token call). */
    static Route open(String method, String pathRegex, Handler handler) {
        return new Route(method, Pattern.compile(pathRegex), false, handler);
    }

    /** A call that needs a valid X-Auth-Token or AK/SK signature; others get 401 APIGW.0301. */
    static Route authenticated(String method, String pathRegex, Handler handler) {
        return new Route(method, Pattern.compile(pathRegex), true, handler);
    }
}
