package dev.worklink.report;

import dev.worklink.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The short Markdown section each goal adds to a CI job's summary: what was published where (work item, plan,
 * attachment ids), what was skipped and what failed. GitHub Actions shows the file named by
 * {@value #GITHUB_STEP_SUMMARY} on the run's page; other CI systems take the {@code summaryFile}. Sections are
 * appended, never overwritten: a job runs several goals and modules. Built only from the {@link PublishReport} and
 * the goal's own messages, which never hold a credential.
 */
public final class CiSummary {

    public static final String GITHUB_STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    /** Report fields that are noise in a summary: local paths and transfer figures stay in the JSON report. */
    private static final Set<String> LEFT_OUT = Set.of("path", "bytesSent", "transferSeconds");


    private CiSummary() {}

    /** The files to append to: {@code summaryFile} when given, and {@code $GITHUB_STEP_SUMMARY} when set; each once. */
    public static List<Path> targets(Path summaryFile, Map<String, String> env) {
        Set<Path> files = new LinkedHashSet<>();
        if (summaryFile != null) {
            files.add(summaryFile.toAbsolutePath().normalize());
        }
        String github = env.get(GITHUB_STEP_SUMMARY);
        if (github != null && !github.isBlank()) {
            files.add(Path.of(github.trim()).toAbsolutePath().normalize());
        }
        return new ArrayList<>(files);
    }

    /**
     * What a goal did, as its report says: a heading, where it went, and a table with a row per item.
     *
     * @param target what the goal acted on beyond its items, e.g. {@code "plan f29c3f16"}; may be null
     */
    public static String published(String module, String target, PublishReport report) {
        StringBuilder md = new StringBuilder();
        md.append("### worklink:").append(report.goal()).append(" · ").append(cell(module)).append(" · ")
                .append(report.dryRun() ? "dry run, nothing sent" : report.outcome()).append("\n\n");
        if (report.endpoint() != null || target != null) {
            md.append(target == null ? "" : cell(target) + " at ").append(report.endpoint() == null ? "" : "`" + report.endpoint() + "`")
                    .append("\n\n");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (Object item : report.items()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> row = item instanceof Map<?, ?> ? new LinkedHashMap<>((Map<String, Object>) item) : Json.mapper().convertValue(item, LinkedHashMap.class);
            row.keySet().removeAll(LEFT_OUT);
            row.values().removeIf(v -> v == null);
            columns.addAll(row.keySet());
            rows.add(row);
        }
        if (rows.isEmpty()) {
            md.append("Nothing to publish.\n\n");
            return md.toString();
        }
        md.append('|');
        columns.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|");
        columns.forEach(c -> md.append(" --- |"));
        md.append('\n');
        for (Map<String, Object> row : rows) {
            md.append('|');
            for (String c : columns) {
                md.append(' ').append(cell(row.get(c))).append(" |");
            }
            md.append('\n');
        }
        return md.append('\n').toString();
    }

    /** A goal that published nothing on purpose, and why. */
    public static String skipped(String goal, String module, String why) {
        return "### worklink:" + goal + " · " + cell(module) + " · skipped\n\n" + cell(why) + "\n\n";
    }

    /** A goal that failed before or instead of writing its report, with its message. */
    public static String failed(String goal, String module, String message) {
        String text = message == null ? "(no message)" : message.replace("```", "'''");
        return "### worklink:" + goal + " · " + cell(module) + " · failed\n\n```\n" + text.strip() + "\n```\n\n";
    }

    /** Appends one section to the file, making its folder when needed; one write, so sections of parallel modules do not mix. */
    public static void append(Path file, String section) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, section.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Collection<?> c ? String.join(", ", c.stream().map(String::valueOf).toList()) : String.valueOf(value);
        return text.replace("\r", " ").replace("\n", " ").replace("|", "\\|");
    }
}
