package dev.worklink.auth;

/** The credentials a goal needs are missing or incomplete; the message says what to add where. */
public class CredentialsException extends Exception {
    public CredentialsException(String message) {
        super(message);
    }
}
