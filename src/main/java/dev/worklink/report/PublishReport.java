package dev.worklink.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.worklink.http.Json;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON summary a goal writes of what it published: one item per file and work item (or per call), with the
 * ids the service returned, or why an item was skipped or failed. It never holds a credential.
 *
 * @param items records of the goal's own shape, serialized by their component names
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublishReport(String goal, String endpoint, boolean dryRun, String finishedAt, String outcome, List<?> items) {

    public static PublishReport of(String goal, String endpoint, boolean dryRun, String outcome, List<?> items) {
        return new PublishReport(goal, endpoint, dryRun, Instant.now().toString(), outcome, List.copyOf(items));
    }

    /** Written with jackson-core's streaming writer, not databind: a dry run loads some tens of classes for its report, not hundreds. */
    public void writeTo(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (JsonGenerator out = Json.streams().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            out.useDefaultPrettyPrinter();
            write(out, this);
        }
    }

    /**
     * Writes a value as Jackson's databind would with {@code NON_NULL}: a record as an object of its components in
     * their order, null components left out; lists, maps, strings, numbers and booleans as themselves.
     */
    private static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Record record) {
            out.writeStartObject();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object v;
                try {
                    v = component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IOException("Could not read " + component.getName() + " of " + record.getClass().getSimpleName(), e);
                }
                if (v != null) {
                    out.writeFieldName(component.getName());
                    write(out, v);
                }
            }
            out.writeEndObject();
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() != null) {
                    out.writeFieldName(String.valueOf(e.getKey()));
                    write(out, e.getValue());
                }
            }
            out.writeEndObject();
        } else if (value instanceof Iterable<?> list) {
            out.writeStartArray();
            for (Object item : list) {
                write(out, item);
            }
            out.writeEndArray();
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double d) {
            out.writeNumber(d);
        } else if (value instanceof Float f) {
            out.writeNumber(f);
        } else if (value instanceof Number n) {
            out.writeNumber(n.toString());
        } else {
            out.writeString(value.toString());
        }
    }
}
