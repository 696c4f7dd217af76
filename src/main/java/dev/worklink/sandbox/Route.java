package dev.worklink.sandbox;

import java.io.IOException;
import java.util.regex.Pattern;

/** One call the sandbox answers: a method, a path pattern (whose groups the handler reads) and a handler. */
record Route(String method, Pattern path, Handler handler) {

    @FunctionalInterface
    interface Handler {
        void handle(SandboxExchange exchange) throws IOException;
    }
}
