package dev.worklink.sandbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the sandbox outside Maven: {@code java -cp ... dev.worklink.sandbox.SandboxMain [--port N]
 * [--attachment-limit BYTES] [--record-file PATH] [--ready-file PATH]}. It prints its URL and runs until killed.
 */
public final class SandboxMain {

    private SandboxMain() {}

    public static void main(String[] args) throws Exception {
        SandboxOptions options = SandboxOptions.defaults();
        Path ready = null;
        boolean quiet = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> options = options.withPort(Integer.parseInt(args[++i]));
                case "--attachment-limit" -> options = options.withAttachmentLimit(Long.parseLong(args[++i]));
                case "--record-file" -> options = options.withRecordFile(Path.of(args[++i]));
                case "--ready-file" -> ready = Path.of(args[++i]);
                case "--quiet" -> quiet = true;
                default -> {
                    System.err.println("usage: SandboxMain [--port N] [--attachment-limit BYTES] [--record-file PATH] [--ready-file PATH] [--quiet]");
                    System.exit(2);
                }
            }
        }
        if (!quiet) {
            options = options.withLog(line -> System.out.println("[sandbox] " + line));
        }
        Sandbox sandbox = Sandbox.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
        System.out.println("worklink sandbox listening on " + sandbox.url());
        if (ready != null) {
            Files.writeString(ready, sandbox.url() + "\n", StandardCharsets.UTF_8);
        }
        Thread.currentThread().join();
    }
}
