package dev.worklink.http;

/**
 * Logs how far an upload has come, at each quarter, for files large enough that a person would wonder.
 * A retried upload starts again from zero.
 */
final class TransferProgress {

    /** Files below this size upload without progress lines. */
    static final long LOG_THRESHOLD = 8L * 1024 * 1024;

    private final String name;
    private final long total;
    private final Log log;
    private long sent;
    private int lastQuarter;

    TransferProgress(String name, long total, Log log) {
        this.name = name;
        this.total = total;
        this.log = log;
    }

    void start() {
        sent = 0;
        lastQuarter = 0;
    }

    void advance(int bytes) {
        sent += bytes;
        if (total < LOG_THRESHOLD) {
            return;
        }
        int quarter = (int) (sent * 4 / total);
        if (quarter > lastQuarter && quarter < 4) {
            lastQuarter = quarter;
            log.info("Uploading " + name + ": " + quarter * 25 + "% (" + Sizes.human(sent) + " of " + Sizes.human(total) + ")");
        }
    }
}
