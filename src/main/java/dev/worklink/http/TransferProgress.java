package dev.worklink.http;

/**
 * Logs how far an upload has come, at each quarter, for files large enough that a person would wonder.
 * A retried upload starts again from zero.
 *
 * <p>The lines are made before the upload starts: formatting a size ({@code String.format}) and the first string
 * concatenation of a call site load and compile code, which on a busy machine took CPU from the receiver in the
 * middle of the transfer (bench/ANALYSIS.md). While bytes flow, {@link #advance} only adds and compares.
 */
final class TransferProgress {

    /** Files below this size upload without progress lines. */
    static final long LOG_THRESHOLD = 8L * 1024 * 1024;

    private final long total;
    private final Log log;
    /** The line of each quarter, 1 to 3, and the byte count that reaches it; empty for small files. */
    private final String[] lines = new String[4];
    private final long[] marks = new long[4];
    private long sent;
    private int nextQuarter;

    TransferProgress(String name, long total, Log log) {
        this.total = total;
        this.log = log;
        if (total >= LOG_THRESHOLD) {
            String of = " of " + Sizes.human(total) + ")";
            for (int quarter = 1; quarter < 4; quarter++) {
                // the smallest count with count * 4 / total >= quarter
                marks[quarter] = (quarter * total + 3) / 4;
                lines[quarter] = "Uploading " + name + ": " + quarter * 25 + "% (" + Sizes.human(marks[quarter]) + of;
            }
        }
        start();
    }

    void start() {
        sent = 0;
        nextQuarter = total >= LOG_THRESHOLD ? 1 : 4;
    }

    void advance(int bytes) {
        sent += bytes;
        if (nextQuarter < 4 && sent >= marks[nextQuarter]) {
            while (nextQuarter < 4 && sent >= marks[nextQuarter]) {
                nextQuarter++;
            }
            // one line, for the highest quarter reached (a chunk may cross two marks)
            log.info(lines[nextQuarter - 1]);
        }
    }
}
