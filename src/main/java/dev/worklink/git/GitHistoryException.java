package dev.worklink.git;

/** The commits could not be read as asked: no repository, a shallow clone, a revision that is not there. */
public class GitHistoryException extends Exception {

    public GitHistoryException(String message) {
        super(message);
    }

    public GitHistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
