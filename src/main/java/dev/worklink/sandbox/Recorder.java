package dev.worklink.sandbox;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** Keeps the record of requests, appends each to the record file (one JSON line, flushed) and logs one line. */
final class Recorder implements Closeable {

    private final List<RecordedRequest> records = new ArrayList<>();
    private final Consumer<String> log;
    private final Path file;
    private BufferedWriter writer;

    Recorder(Path file, Consumer<String> log) throws IOException {
        this.file = file;
        this.log = log;
        if (file != null) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    void record(RecordedRequest request, String logLine) {
        String failure = null;
        synchronized (this) {
            records.add(request);
            if (writer != null) {
                try {
                    writer.write(SandboxExchange.JSON.writeValueAsString(request));
                    writer.newLine();
                    writer.flush();
                } catch (IOException e) {
                    failure = "could not append to the record file " + file + ": " + e.getMessage();
                }
            }
        }
        log(logLine);
        if (failure != null) {
            log(failure);
        }
    }

    void log(String line) {
        if (log != null) {
            try {
                log.accept(line);
            } catch (RuntimeException ignored) {
                // a failing log must not fail the request
            }
        }
    }

    /** The records so far, in arrival order. */
    synchronized List<RecordedRequest> snapshot() {
        List<RecordedRequest> copy = new ArrayList<>(records);
        copy.sort(Comparator.comparingLong(RecordedRequest::seq));
        return List.copyOf(copy);
    }

    synchronized void clear() {
        records.clear();
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // nothing left to save
            }
            writer = null;
        }
    }
}
