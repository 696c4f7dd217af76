package dev.worklink.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklink.codearts.AttachmentOutcome;
import dev.worklink.codearts.LinkBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiSummaryTest {

    @TempDir
    Path dir;

    @Test
    void anAttachSectionListsEachUploadWithItsAttachmentIdButNotTheLocalPath() {
        PublishReport report = new PublishReport("attach", "https://projectman-ext.cn-north-4.myhuaweicloud.com", false,
                "2026-01-01T00:00:00Z", "success", List.of(
                        new AttachmentOutcome("app-1.0.jar", "/home/ci/app/target/app-1.0.jar", 1234, "956239067176935401", "uploaded",
                                "4711", null, 1500L, 0.25, 200),
                        new AttachmentOutcome("app-1.0.pom", "/home/ci/app/target/app-1.0.pom", 99, "956239067176935401", "skipped",
                                null, "already on the work item", null, null, null)));

        assertThat(CiSummary.published("app", null, report)).isEqualTo("""
                ### worklink:attach · app · success

                `https://projectman-ext.cn-north-4.myhuaweicloud.com`

                | file | size | workItem | status | attachmentId | httpStatus | reason |
                | --- | --- | --- | --- | --- | --- | --- |
                | app-1.0.jar | 1234 | 956239067176935401 | uploaded | 4711 | 200 |  |
                | app-1.0.pom | 99 | 956239067176935401 | skipped |  |  | already on the work item |

                """);
    }

    @Test
    void aLinkSectionNamesThePlanAndListsTheWorkItemsOfEachCall() {
        PublishReport report = new PublishReport("link", "http://127.0.0.1:1", true, "t", "success",
                List.of(new LinkBatch(1, List.of(1L, 2L), "dry-run", null, null)));

        assertThat(CiSummary.published("app", "plan abc", report)).isEqualTo("""
                ### worklink:link · app · dry run, nothing sent

                plan abc at `http://127.0.0.1:1`

                | batch | workItems | status |
                | --- | --- | --- |
                | 1 | 1, 2 | dry-run |

                """);
    }

    @Test
    void pipesAndLineBreaksInACellDoNotBreakTheTable() {
        PublishReport report = new PublishReport("x", null, false, "t", "failed", List.of(Map.of("reason", "a|b\nc")));

        assertThat(CiSummary.published("m", null, report)).contains("| a\\|b c |");
    }

    @Test
    void skippedAndFailedSectionsSayWhy() {
        assertThat(CiSummary.skipped("attach", "app", "version 1.0-SNAPSHOT is a snapshot (skipSnapshots)"))
                .isEqualTo("### worklink:attach · app · skipped\n\nversion 1.0-SNAPSHOT is a snapshot (skipSnapshots)\n\n");
        assertThat(CiSummary.failed("link", "app", "worklink:link was not run: bad\nNothing was sent.\n"))
                .isEqualTo("### worklink:link · app · failed\n\n```\nworklink:link was not run: bad\nNothing was sent.\n```\n\n");
    }

    @Test
    void sectionsAreAppendedNotOverwritten() throws Exception {
        Path file = dir.resolve("sub/summary.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# Job\n\n");

        CiSummary.append(file, "one\n");
        CiSummary.append(file, "two\n");

        assertThat(Files.readString(file)).isEqualTo("# Job\n\none\ntwo\n");
    }

    @Test
    void theTargetsAreTheSummaryFileAndGithubsEachOnce() {
        Path mine = dir.resolve("summary.md");

        assertThat(CiSummary.targets(mine, Map.of("GITHUB_STEP_SUMMARY", mine.toString()))).containsExactly(mine);
        assertThat(CiSummary.targets(null, Map.of("GITHUB_STEP_SUMMARY", " "))).isEmpty();
        assertThat(CiSummary.targets(null, Map.of("GITHUB_STEP_SUMMARY", mine.toString()))).containsExactly(mine);
    }
}
