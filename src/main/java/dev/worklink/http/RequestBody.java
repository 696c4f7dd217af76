package dev.worklink.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** What a request carries. Files are named, never loaded: they are streamed when the request is sent. */
public sealed interface RequestBody {

    /** The payload hash an AK/SK signature covers: the body's SHA-256, or {@code UNSIGNED-PAYLOAD} for files. */
    String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    /** A short human summary for dry-run and debug logs. */
    String summary();

    record Empty() implements RequestBody {
        @Override
        public String summary() {
            return "(no body)";
        }
    }

    /**
     * A small JSON document, already serialized.
     *
     * @param secret the document holds a credential (an IAM password): logs show its size only
     */
    record Json(byte[] bytes, boolean secret) implements RequestBody {
        public Json(byte[] bytes) {
            this(bytes, false);
        }

        public static Json of(String json) {
            return new Json(json.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String summary() {
            if (secret) {
                return "JSON " + bytes.length + " bytes (holds credentials, not shown)";
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            return "JSON " + bytes.length + " bytes: " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    /** A multipart/form-data body with one file part, streamed from disk. */
    record MultipartFile(String field, Path file, String fileName, String contentType) implements RequestBody {
        @Override
        public String summary() {
            return "multipart/form-data, field '" + field + "' = " + fileName + " (" + sizeOf(file) + " bytes, " + contentType + ")";
        }
    }

    /** A file sent as the whole body with its own Content-Type, streamed from disk. */
    record RawFile(Path file, String contentType) implements RequestBody {
        @Override
        public String summary() {
            return contentType + ", " + file.getFileName() + " (" + sizeOf(file) + " bytes)";
        }
    }

    private static long sizeOf(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
