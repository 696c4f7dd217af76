package dev.worklink.http;

import java.io.IOException;

/**
 * A call the service answered with an error status (or a 200 whose body says {@code "status":"error"}),
 * carrying the service's own words.
 */
public class ServiceException extends IOException {

    private final int status;
    private final String errorCode;
    private final String errorMessage;
    private final String requestId;
    private final String label;

    public ServiceException(String label, int status, String errorCode, String errorMessage, String requestId) {
        super(compose(label, status, errorCode, errorMessage, requestId));
        this.label = label;
        this.status = status;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
    }

    private static String compose(String label, int status, String code, String msg, String requestId) {
        StringBuilder sb = new StringBuilder();
        sb.append(label).append(" failed: ");
        sb.append(status > 0 ? "HTTP " + status : "the service answered with an error");
        if (code != null && !code.isBlank()) {
            sb.append(", error_code ").append(code);
        }
        if (msg != null && !msg.isBlank()) {
            sb.append(", error_msg \"").append(msg).append('"');
        }
        if (requestId != null && !requestId.isBlank()) {
            sb.append(", X-Request-Id ").append(requestId);
        }
        return sb.toString();
    }

    /** The HTTP status, or 200 for an error reported inside a 200 body. */
    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public String requestId() {
        return requestId;
    }

    public String label() {
        return label;
    }

    /** 4xx: the request or the credentials were wrong, so the user has something to fix. */
    public boolean isClientError() {
        return status >= 400 && status < 500;
    }
}
