package dev.worklink.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The JSON summary a goal writes of what it published: one item per file and work item (or per call), with the
 * ids the service returned, or why an item was skipped or failed. It never holds a credential.
 *
 * @param items records of the goal's own shape, serialized by their component names
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublishReport(String goal, String endpoint, boolean dryRun, String finishedAt, String outcome, List<?> items) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    public static PublishReport of(String goal, String endpoint, boolean dryRun, String outcome, List<?> items) {
        return new PublishReport(goal, endpoint, dryRun, Instant.now().toString(), outcome, List.copyOf(items));
    }

    public void writeTo(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), this);
    }
}
