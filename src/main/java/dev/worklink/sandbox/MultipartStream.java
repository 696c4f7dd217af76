package dev.worklink.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a multipart/form-data body as a stream: each part's bytes are counted and hashed as they pass through a
 * fixed buffer and are then forgotten, so a body of any size takes the same memory.
 */
final class MultipartStream {

    static final int BUFFER = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final Pattern NAME = Pattern.compile("(?i)(?:^|;)\\s*name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i)(?:^|;)\\s*filename=\"([^\"]*)\"");
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]+)\"|[^;\\s]+)");

    /** The parts, and whether any part went over the size limit (its hash is then not computed). */
    record Result(List<RecordedPart> parts, boolean overLimit) {}

    /** Thrown for a body that is not well-formed multipart. */
    static final class MalformedException extends IOException {
        MalformedException(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf = new byte[BUFFER];
    private int start;
    private int end;
    private boolean eof;
    private long bytesRead;

    private MultipartStream(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // A virtual CRLF before the body lets the first boundary match the same delimiter as the others.
        buf[0] = '\r';
        buf[1] = '\n';
        end = 2;
    }

    /** The boundary of a multipart/form-data Content-Type, or null. */
    static String boundaryOf(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    /** Reads the whole body; files over {@code partLimit} bytes are counted but not hashed. */
    static Result read(InputStream in, String boundary, long partLimit) throws IOException {
        return new MultipartStream(in, boundary).readAll(partLimit);
    }

    private Result readAll(long partLimit) throws IOException {
        List<RecordedPart> parts = new ArrayList<>();
        boolean overLimit = false;
        if (!skipToDelimiter()) {
            throw new MalformedException("no multipart boundary in the body");
        }
        while (true) {
            if (!ensure(2)) {
                throw new MalformedException("the body ends after a boundary");
            }
            if (buf[start] == '-' && buf[start + 1] == '-') {
                drainRest();
                return new Result(parts, overLimit);
            }
            skipLineEnd();
            String headers = readHeaders();
            String disposition = headerValue(headers, "content-disposition");
            String contentType = headerValue(headers, "content-type");
            String name = group(NAME, disposition);
            String fileName = group(FILENAME, disposition);
            MessageDigest sha = sha256();
            long size = 0;
            boolean hashing = true;
            while (true) {
                int found = indexOfDelimiter();
                int dataEnd = found >= 0 ? found : Math.max(start, end - delimiter.length + 1);
                int n = dataEnd - start;
                if (n > 0) {
                    size += n;
                    if (hashing && size > partLimit) {
                        hashing = false;
                    }
                    if (hashing) {
                        sha.update(buf, start, n);
                    }
                    start = dataEnd;
                }
                if (found >= 0) {
                    start += delimiter.length;
                    break;
                }
                if (!fill()) {
                    throw new MalformedException("the body ends inside a part");
                }
            }
            boolean tooLarge = size > partLimit;
            overLimit |= tooLarge;
            parts.add(new RecordedPart(name, fileName, contentType, size, tooLarge ? null : HexFormat.of().formatHex(sha.digest())));
        }
    }

    /** Total bytes read from the stream. */
    long bytesRead() {
        return bytesRead;
    }

    private boolean skipToDelimiter() throws IOException {
        while (true) {
            int found = indexOfDelimiter();
            if (found >= 0) {
                start = found + delimiter.length;
                return true;
            }
            start = Math.max(start, end - delimiter.length + 1);
            if (!fill()) {
                return false;
            }
        }
    }

    private void skipLineEnd() throws IOException {
        // Transport padding (spaces, tabs) may stand between the boundary and its CRLF.
        while (ensure(1) && (buf[start] == ' ' || buf[start] == '\t')) {
            start++;
        }
        if (!ensure(2) || buf[start] != '\r' || buf[start + 1] != '\n') {
            throw new MalformedException("a boundary is not followed by CRLF");
        }
        start += 2;
    }

    private String readHeaders() throws IOException {
        int scanned = 0;
        while (true) {
            for (int i = start + Math.max(0, scanned - 3); i + 3 < end; i++) {
                if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
                    String headers = new String(buf, start, i - start, StandardCharsets.UTF_8);
                    start = i + 4;
                    return headers;
                }
            }
            scanned = end - start;
            if (scanned > MAX_HEADER_BYTES) {
                throw new MalformedException("part headers longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (!fill()) {
                // A part with no headers at all starts directly with CRLF.
                throw new MalformedException("the body ends inside part headers");
            }
        }
    }

    private int indexOfDelimiter() {
        byte first = delimiter[0];
        int last = end - delimiter.length;
        outer:
        for (int i = start; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buf[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private boolean ensure(int n) throws IOException {
        while (end - start < n) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /** Moves what is left to the front and reads more; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            throw new MalformedException("a line longer than the buffer");
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
            return false;
        }
        end += n;
        bytesRead += n;
        return true;
    }

    private void drainRest() throws IOException {
        start = end;
        byte[] skip = new byte[8192];
        int n;
        while ((n = in.read(skip)) >= 0) {
            bytesRead += n;
        }
        eof = true;
    }

    private static String headerValue(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static String group(Pattern p, String text) {
        if (text == null) {
            return null;
        }
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
