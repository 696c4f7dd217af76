import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints what the sandbox recorded (its JSON-lines record file) and checks each uploaded file against the file on
 * disk. Run with the JDK alone: java ShowRecord.java RECORD_FILE FILES_DIR...
 */
public class ShowRecord {
    private static final Pattern LINE = Pattern.compile("\"method\":\"(\\w+)\",\"path\":\"([^\"]*)\"");
    private static final Pattern PART = Pattern.compile("\"fileName\":\"([^\"]*)\",\"contentType\":(?:\"[^\"]*\"|null),\"size\":(\\d+),\"sha256\":\"([0-9a-f]{64})\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":(\\d+)");
    /** A raw body (an image PUT to SuperOffice): no parts, not JSON, its own size and hash. */
    private static final Pattern RAW_BODY = Pattern.compile("\"content-type\":\"(image/[^\"]*)\".*\"parts\":\\[\\],\"bodySize\":(\\d+),\"bodySha256\":\"([0-9a-f]{64})\"");
    private static final Pattern JSON_BODY = Pattern.compile("\"jsonBody\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        int mismatches = 0;
        System.out.println();
        System.out.println("What the sandbox received (" + lines.size() + " requests):");
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            Matcher s = STATUS.matcher(line);
            if (!m.find()) {
                continue;
            }
            String status = s.find() ? s.group(1) : "?";
            System.out.printf("  %-4s %s -> %s%n", m.group(1), m.group(2), status);
            Matcher j = JSON_BODY.matcher(line);
            if (j.find() && !m.group(2).contains("/auth/")) {
                System.out.println("       body " + j.group(1).replace("\\\"", "\""));
            }
            Matcher raw = RAW_BODY.matcher(line);
            if (raw.find()) {
                long size = Long.parseLong(raw.group(2));
                Path onDisk = findBySha(raw.group(3), size, args);
                System.out.printf("       body %s, %d bytes, sha256 %s%n         %s%n", raw.group(1), size, raw.group(3),
                        onDisk == null ? "matches no file on disk" : "same size and SHA-256 as " + onDisk);
                if (onDisk == null) {
                    mismatches++;
                }
            }
            Matcher p = PART.matcher(line);
            while (p.find()) {
                String name = p.group(1);
                long size = Long.parseLong(p.group(2));
                String sha = p.group(3);
                Path onDisk = find(name, args);
                String verdict;
                if (onDisk == null) {
                    verdict = "not found on disk";
                    mismatches++;
                } else if (Files.size(onDisk) == size && sha256(onDisk).equals(sha)) {
                    verdict = "same size and SHA-256 as " + onDisk;
                } else {
                    verdict = "DIFFERS from " + onDisk;
                    mismatches++;
                }
                System.out.printf("       %s%s, %d bytes, sha256 %s%n         %s%n", workItem(m.group(2)), name, size, sha, verdict);
            }
        }
        if (mismatches > 0) {
            System.out.println(mismatches + " file(s) did not arrive as they are on disk.");
            System.exit(1);
        }
    }

    private static String workItem(String path) {
        Matcher m = Pattern.compile("/issues/([0-9]+)/").matcher(path);
        return m.find() ? "work item " + m.group(1) + ": " : "file ";
    }

    private static Path find(String name, String[] args) {
        for (int i = 1; i < args.length; i++) {
            Path p = Path.of(args[i], name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** The file in the given folders (not below them) with this size and SHA-256, or null. */
    private static Path findBySha(String sha, long size, String[] args) throws Exception {
        for (int i = 1; i < args.length; i++) {
            try (var files = Files.list(Path.of(args[i]))) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    if (Files.size(p) == size && sha256(p).equals(sha)) {
                        return p;
                    }
                }
            }
        }
        return null;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
