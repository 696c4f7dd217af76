package dev.worklink.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransferProgressTest {

    private static final int MIB = 1024 * 1024;

    @Test
    void aLargeUploadLogsEachQuarterOnceInOrder() {
        RecordingLog log = RecordingLog.withoutDebug();
        TransferProgress progress = new TransferProgress("big.bin", 100L * MIB, log);

        for (int i = 0; i < 100; i++) {
            progress.advance(MIB);
        }

        assertThat(log.lines()).containsExactly(
                "Uploading big.bin: 25% (25.0 MB of 100.0 MB)",
                "Uploading big.bin: 50% (50.0 MB of 100.0 MB)",
                "Uploading big.bin: 75% (75.0 MB of 100.0 MB)");
    }

    @Test
    void aQuarterIsLoggedWhenItsLastByteIsSentNotBefore() {
        RecordingLog log = RecordingLog.withoutDebug();
        TransferProgress progress = new TransferProgress("big.bin", 100L * MIB, log);

        progress.advance(25 * MIB - 1);
        assertThat(log.lines()).isEmpty();
        progress.advance(1);

        assertThat(log.lines()).containsExactly("Uploading big.bin: 25% (25.0 MB of 100.0 MB)");
    }

    @Test
    void aChunkCrossingTwoMarksLogsOnlyTheHigherQuarter() {
        RecordingLog log = RecordingLog.withoutDebug();
        TransferProgress progress = new TransferProgress("big.bin", 100L * MIB, log);

        progress.advance(60 * MIB);
        progress.advance(40 * MIB);

        assertThat(log.lines()).containsExactly(
                "Uploading big.bin: 50% (50.0 MB of 100.0 MB)",
                "Uploading big.bin: 75% (75.0 MB of 100.0 MB)");
    }

    @Test
    void aRetriedUploadStartsAgainFromZero() {
        RecordingLog log = RecordingLog.withoutDebug();
        TransferProgress progress = new TransferProgress("big.bin", 100L * MIB, log);
        progress.advance(30 * MIB);

        progress.start();
        progress.advance(30 * MIB);

        assertThat(log.lines()).containsExactly(
                "Uploading big.bin: 25% (25.0 MB of 100.0 MB)",
                "Uploading big.bin: 25% (25.0 MB of 100.0 MB)");
    }

    @Test
    void aFileBelowEightMebibytesUploadsWithoutProgressLines() {
        RecordingLog log = RecordingLog.withoutDebug();
        TransferProgress progress = new TransferProgress("small.bin", 8L * MIB - 1, log);

        progress.advance(8 * MIB - 1);

        assertThat(log.lines()).isEmpty();
    }
}
