package dev.worklink.http;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The plugin's one Jackson {@code ObjectMapper}, made on first use. Building one loads some hundreds of classes; a dry
 * run, which never reads an answer, never makes it (bench/ANALYSIS.md, section 4). It is never reconfigured after it is
 * made, so every thread may share it.
 */
public final class Json {

    private Json() {}

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }
}
