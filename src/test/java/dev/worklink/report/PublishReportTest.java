package dev.worklink.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.worklink.codearts.AttachmentOutcome;
import dev.worklink.codearts.LinkBatch;
import dev.worklink.superoffice.EntityImageOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report is written with jackson-core's streaming writer (so that a dry run need not load databind); it must say
 * exactly what databind with {@code NON_NULL} said before, which is the oracle here.
 */
class PublishReportTest {

    static final ObjectMapper DATABIND = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @TempDir
    Path dir;

    @Test
    void everyItemShapeIsWrittenAsDatabindWritesItNullsLeftOut() throws Exception {
        List<Object> items = List.of(
                new AttachmentOutcome("app.jar", "/tmp/app.jar", 1234, "956239067176935400", AttachmentOutcome.UPLOADED, "1000001", null,
                        1400L, 0.125, 200, null),
                new AttachmentOutcome("notes.txt", "/tmp/notes.txt", 7, "956239067176935400", AttachmentOutcome.FAILED, null,
                        "refused \"quoted\" \u00e9", null, null, 403, "unconfirmed"),
                new LinkBatch(1, List.of(9192109L, 9191020L), LinkBatch.LINKED, null, 200),
                new EntityImageOutcome("project", 4711, "logo.png", "/tmp/logo.png", 16, "image/png", null, "uploaded", 42L, null, 99L, 1.5e-3,
                        null),
                Map.of("key", "value"));
        PublishReport report = new PublishReport("attach", "http://127.0.0.1:1", false, "2026-11-27T10:00:00Z", "failed", items);
        Path file = dir.resolve("nested/report.json");

        report.writeTo(file);

        assertThat(Files.readString(file)).isEqualTo(DATABIND.writeValueAsString(report));
    }
}
