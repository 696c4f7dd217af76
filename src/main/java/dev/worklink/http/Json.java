package dev.worklink.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The plugin's one Jackson {@code ObjectMapper}, made on first use, and its one jackson-core {@code JsonFactory}.
 * Building a mapper loads some hundreds of classes: a dry run never makes it (bench/ANALYSIS.md, section 4), and the
 * attach goal's calls read and write their JSON with the factory's parsers and generators alone (section 3). Neither
 * is reconfigured after it is made, so every thread may share them.
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
