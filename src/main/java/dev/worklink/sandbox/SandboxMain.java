package dev.worklink.sandbox;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs the sandbox outside Maven (benchmarks, scripts):
 * {@code java -cp <plugin jar>:<jackson jars> dev.worklink.sandbox.SandboxMain [--port N] [--attachment-limit BYTES]
 * [--record-file PATH] [--ready-file PATH] [--quiet]}. It prints its URL, logs one line per request (unless
 * {@code --quiet}) and runs until killed. The ready file receives the URL once the sandbox listens.
 */
public final class SandboxMain {

    private static final String USAGE =
            "usage: SandboxMain [--port N] [--attachment-limit BYTES] [--record-file PATH] [--ready-file PATH] [--quiet]";

    private SandboxMain() {}

    public static void main(String[] args) throws Exception {
        SandboxOptions options = SandboxOptions.defaults();
        Path ready = null;
        boolean quiet = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> options = options.withPort(Integer.parseInt(value(args, ++i)));
                    case "--attachment-limit" -> options = options.withAttachmentLimit(Long.parseLong(value(args, ++i)));
                    case "--record-file" -> options = options.withRecordFile(Path.of(value(args, ++i)));
                    case "--ready-file" -> ready = Path.of(value(args, ++i));
                    case "--quiet" -> quiet = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        if (!quiet) {
            options = options.withLog(line -> System.out.println("[sandbox] " + line));
        }
        Sandbox sandbox = Sandbox.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "worklink-sandbox-stop"));
        System.out.println("worklink sandbox listening on " + sandbox.url());
        if (ready != null) {
            ReadyFile.write(ready, sandbox.url());
        }
        Thread.currentThread().join();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
