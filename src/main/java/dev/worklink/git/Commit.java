package dev.worklink.git;

/**
 * One commit of the range read.
 *
 * @param id      the full hash
 * @param message the full commit message
 */
public record Commit(String id, String message) {

    /** The abbreviated hash, as {@code git log --oneline} shows it. */
    public String shortId() {
        return id.length() > 7 ? id.substring(0, 7) : id;
    }

    /** The first line of the message. */
    public String subject() {
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
