package dev.worklink.sandbox;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How a sandbox starts.
 *
 * @param host                 address to bind (loopback by default)
 * @param port                 port; 0 picks a free one
 * @param attachmentLimitBytes largest attachment accepted (CodeArts: 50 MB)
 * @param recordFile           when not null, each recorded request is appended to it as one JSON line
 * @param log                  when not null, receives one human line per request
 */
public record SandboxOptions(String host, int port, long attachmentLimitBytes, Path recordFile, Consumer<String> log) {

    /** CodeArts' documented limit: 50 MB. */
    public static final long DEFAULT_ATTACHMENT_LIMIT = 50L * 1024 * 1024;

    public SandboxOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the sandbox needs a host to bind, e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the sandbox port is 0 to 65535 (0: any free port), not " + port);
        }
        if (attachmentLimitBytes <= 0) {
            throw new IllegalArgumentException("the attachment limit is a positive number of bytes, not " + attachmentLimitBytes);
        }
    }

    /** 127.0.0.1, any free port, a 50 MB attachment limit, no record file, no log. */

    public static SandboxOptions defaults() {
        return new SandboxOptions("127.0.0.1", 0, DEFAULT_ATTACHMENT_LIMIT, null, null);
    }

    public SandboxOptions withPort(int value) {
        return new SandboxOptions(host, value, attachmentLimitBytes, recordFile, log);
    }

    public SandboxOptions withAttachmentLimit(long value) {
        return new SandboxOptions(host, port, value, recordFile, log);
    }

    public SandboxOptions withRecordFile(Path value) {
        return new SandboxOptions(host, port, attachmentLimitBytes, value, log);
    }

    public SandboxOptions withLog(Consumer<String> value) {
        return new SandboxOptions(host, port, attachmentLimitBytes, recordFile, value);
    }
}
