package dev.worklink.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a multipart/form-data body (RFC 7578) as a stream: each part's bytes are counted and hashed as they pass
 * through one fixed buffer and are then forgotten, so a body of any size takes the same memory. The delimiter is
 * found with Boyer-Moore-Horspool, which looks at about one byte in every delimiter length.
 */
final class MultipartStream {

    static final int BUFFER = 64 * 1024;
    /** The first bytes of each part are kept, so a service can tell an image's type by its content. */
    static final int HEAD_BYTES = 8 * 1024;
    private static final int MAX_HEADER_LINE = 8 * 1024;
    private static final int MAX_HEADER_LINES = 32;
    private static final int MAX_PARTS = 1000;
    private static final int MAX_BOUNDARY = 200;

    /** A body that is not well-formed multipart. */
    static final class MalformedException extends IOException {
        MalformedException(String message) {
            super(message);
        }
    }

    /** One part as it went by: its headers, size and SHA-256, and at most {@link #HEAD_BYTES} of its start. */
    record Part(String field, String fileName, String contentType, long size, String sha256, byte[] head) {

        boolean isFile() {
            return fileName != null;
        }

        RecordedPart recorded() {
            return new RecordedPart(field, fileName, contentType, size, sha256);
        }
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final int[] skip = new int[256];
    private final byte[] buf = new byte[BUFFER];
    private int start;
    private int end;
    private boolean eof;

    MultipartStream(InputStream in, String boundary) {
        if (boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
            throw new IllegalArgumentException("a multipart boundary is 1 to " + MAX_BOUNDARY + " characters");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int last = delimiter.length - 1;
        Arrays.fill(skip, delimiter.length);
        for (int i = 0; i < last; i++) {
            skip[delimiter[i] & 0xff] = last - i;
        }
        // A virtual CRLF before the body lets the first boundary match the same delimiter as the others.
        buf[0] = '\r';
        buf[1] = '\n';
        end = 2;
    }

    /** The boundary of a multipart/form-data Content-Type, or null when it is not one. */
    static String boundaryOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] params = contentType.split(";");
        if (!params[0].trim().equalsIgnoreCase("multipart/form-data")) {
            return null;
        }
        for (int i = 1; i < params.length; i++) {
            String p = params[i].trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("boundary")) {
                String value = p.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() || value.length() > MAX_BOUNDARY ? null : value;
            }
        }
        return null;
    }

    /** Reads the whole body, part by part; what follows the closing delimiter is read and ignored. */
    List<Part> readAll() throws IOException {
        if (!skipPreamble()) {
            throw new MalformedException("the body holds no multipart boundary");
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            if (!ensure(2)) {
                throw new MalformedException("the body ends right after a boundary");
            }
            if (buf[start] == '-' && buf[start + 1] == '-') {
                drainEpilogue();
                return parts;
            }
            if (parts.size() == MAX_PARTS) {
                throw new MalformedException("more than " + MAX_PARTS + " parts");
            }
            endBoundaryLine();
            parts.add(readPart(readHeaders()));
        }
    }

    private Part readPart(Map<String, String> headers) throws IOException {
        Map<String, String> disposition = dispositionParams(headers.get("content-disposition"));
        String fileName = disposition.containsKey("filename*") ? disposition.get("filename*") : disposition.get("filename");
        byte[] head = new byte[HEAD_BYTES];
        int headLength = 0;
        long size = 0;
        try (StreamingSha256 sha = new StreamingSha256()) {
            while (true) {
                int found = indexOfDelimiter();
                // Without a delimiter, the last (length - 1) bytes may be the start of one: they wait for more input.
                int dataEnd = found >= 0 ? found : Math.max(start, end - delimiter.length + 1);
                int n = dataEnd - start;
                if (n > 0) {
                    sha.update(buf, start, n);
                    if (headLength < HEAD_BYTES) {
                        int copy = Math.min(n, HEAD_BYTES - headLength);
                        System.arraycopy(buf, start, head, headLength, copy);
                        headLength += copy;
                    }
                    size += n;
                    start = dataEnd;
                }
                if (found >= 0) {
                    start += delimiter.length;
                    break;
                }
                if (!fill()) {
                    throw new MalformedException("the body ends inside the part '" + disposition.get("name") + "'");
                }
            }
            return new Part(disposition.get("name"), fileName, headers.get("content-type"), size, sha.hex(),
                    Arrays.copyOf(head, headLength));
        }
    }

    private boolean skipPreamble() throws IOException {
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

    /** After a boundary: optional transport padding, then CRLF. */
    private void endBoundaryLine() throws IOException {
        while (ensure(1) && (buf[start] == ' ' || buf[start] == '\t')) {
            start++;
        }
        if (!ensure(2) || buf[start] != '\r' || buf[start + 1] != '\n') {
            throw new MalformedException("a boundary is not followed by CRLF");
        }
        start += 2;
    }

    /** Header lines up to the empty line; names in lower case. */
    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int lines = 0; ; lines++) {
            if (lines > MAX_HEADER_LINES) {
                throw new MalformedException("a part has more than " + MAX_HEADER_LINES + " header lines");
            }
            String line = readLine();
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
    }

    private String readLine() throws IOException {
        int scanned = 0; // bytes after start known to hold no CRLF
        while (true) {
            for (int i = start + scanned; i + 1 < end; i++) {
                if (buf[i] == '\r' && buf[i + 1] == '\n') {
                    if (i - start > MAX_HEADER_LINE) {
                        throw new MalformedException("a part header line is longer than " + MAX_HEADER_LINE + " bytes");
                    }
                    // Part headers may carry raw UTF-8 (RFC 7578 4.2), as browsers and HttpClient send file names.
                    String line = new String(buf, start, i - start, StandardCharsets.UTF_8);
                    start = i + 2;
                    return line;
                }
            }
            if (end - start > MAX_HEADER_LINE) {
                throw new MalformedException("a part header line is longer than " + MAX_HEADER_LINE + " bytes");
            }
            scanned = Math.max(0, end - start - 1);
            if (!fill()) {
                throw new MalformedException("the body ends inside part headers");
            }
        }
    }

    /** Boyer-Moore-Horspool over the unread bytes; the index of the delimiter, or -1. */
    private int indexOfDelimiter() {
        byte[] d = delimiter;
        int last = d.length - 1;
        byte lastByte = d[last];
        int i = start;
        int stop = end - d.length;
        while (i <= stop) {
            byte b = buf[i + last];
            if (b == lastByte && matchesAt(i, last)) {
                return i;
            }
            i += skip[b & 0xff];
        }
        return -1;
    }

    private boolean matchesAt(int at, int length) {
        for (int j = 0; j < length; j++) {
            if (buf[at + j] != delimiter[j]) {
                return false;
            }
        }
        return true;
    }

    private boolean ensure(int n) throws IOException {
        while (end - start < n) {
            if (!fill()) {
                return false;
            }
        }
        return true;
    }

    /** Moves the unread bytes to the front and reads more; false at the end of the stream. */
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
            throw new MalformedException("a part header line or boundary does not fit in " + buf.length + " bytes");
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
            return false;
        }
        end += n;
        return true;
    }

    private void drainEpilogue() throws IOException {
        start = end;
        while (!eof) {
            int n = in.read(buf, 0, buf.length);
            eof = n < 0;
        }
    }

    /**
     * The parameters of a Content-Disposition value (lower-case names). In a quoted string a backslash escapes a
     * quote or a backslash; {@code filename*} (RFC 5987, {@code UTF-8''percent-encoded}) is decoded.
     */
    static Map<String, String> dispositionParams(String value) {
        Map<String, String> params = new LinkedHashMap<>();
        if (value == null) {
            return params;
        }
        int i = value.indexOf(';');
        if (i < 0) {
            return params;
        }
        int n = value.length();
        i++;
        while (i < n) {
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t' || value.charAt(i) == ';')) {
                i++;
            }
            int nameStart = i;
            while (i < n && value.charAt(i) != '=' && value.charAt(i) != ';') {
                i++;
            }
            String name = value.substring(nameStart, i).trim().toLowerCase(Locale.ROOT);
            if (i >= n || value.charAt(i) == ';') {
                continue;
            }
            i++;
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            StringBuilder v = new StringBuilder();
            boolean quoted = i < n && value.charAt(i) == '"';
            if (quoted) {
                i++;
                while (i < n && value.charAt(i) != '"') {
                    char c = value.charAt(i++);
                    // A backslash escapes only a quote or a backslash: browsers send Windows paths unescaped.
                    if (c == '\\' && i < n && (value.charAt(i) == '"' || value.charAt(i) == '\\')) {
                        c = value.charAt(i++);
                    }
                    v.append(c);
                }
                i++;
            } else {
                while (i < n && value.charAt(i) != ';') {
                    v.append(value.charAt(i++));
                }
            }
            String text = name.endsWith("*") ? extValue(v.toString().trim()) : quoted ? v.toString() : v.toString().trim();
            if (!name.isEmpty() && text != null) {
                params.putIfAbsent(name, text);
            }
        }
        return params;
    }

    /** An RFC 5987 ext-value: {@code charset'language'percent-encoded}; null when it is not one. */
    private static String extValue(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return null;
        }
        try {
            Charset charset = Charset.forName(value.substring(0, first));
            return URLDecoder.decode(value.substring(second + 1).replace("+", "%2B"), charset);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
