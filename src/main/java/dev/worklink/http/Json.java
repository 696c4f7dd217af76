package dev.worklink.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The plugin's one Jackson {@code ObjectMapper}, made on first use, and its one jackson-core {@code JsonFactory}.
 * Building a mapper loads some hundreds of classes: a dry run never makes it (bench/ANALYSIS.md, section 4), and the
 * attachment calls and the IAM password-token request read and write their JSON with the factory's parsers and
 * generators alone (sections 1, 3 and 6). Neither is reconfigured after it is made, so every thread may share them.
 */
public final class Json {

    private static final JsonFactory STREAMS = new JsonFactory();

    private Json() {}

    /** Parsers and generators without databind. */
    public static JsonFactory streams() {
        return STREAMS;
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }
}
