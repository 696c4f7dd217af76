package dev.worklink.http;

import java.io.IOException;

/** Credentials would go in clear text to another machine; see {@link ClearTextRule}. */
public class InsecureEndpointException extends IOException {

    public InsecureEndpointException(String message) {
        super(message);
    }
}
