package dev.worklink.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Files named by paths or globs ({@code target/*.zip}, {@code dist/**}) relative to a base directory. */
public final class FileSet {

    private FileSet() {}

    /**
     * The regular files each pattern names, in a stable order.
     *
     * @throws IllegalArgumentException naming the pattern that names no file
     */
    public static List<Path> resolve(Path basedir, List<String> patterns) throws IOException {
        List<Path> found = new ArrayList<>();
        for (String raw : patterns) {
            String pattern = raw.trim();
            if (pattern.isEmpty()) {
                continue;
            }
            if (!isGlob(pattern)) {
                Path file = basedir.resolve(pattern).normalize();
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("'" + pattern + "' is not a file (looked for " + file + ")");
                }
                add(found, file);
                continue;
            }
            String glob = pattern.replace('\\', '/');
            Path root = basedir.resolve(fixedPrefix(glob)).normalize();
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            List<Path> matches = new ArrayList<>();
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> matcher.matches(basedir.relativize(p)))
                            .sorted()
                            .forEach(matches::add);
                }
            }
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("'" + pattern + "' matches no file under " + basedir);
            }
            matches.forEach(p -> add(found, p));
        }
        return found;
    }

    private static void add(List<Path> found, Path file) {
        if (!found.contains(file)) {
            found.add(file);
        }
    }

    static boolean isGlob(String pattern) {
        return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** The directories before the first wildcard, where the walk can start. */
    static String fixedPrefix(String glob) {
        int wildcard = 0;
        while (wildcard < glob.length() && "*?[{".indexOf(glob.charAt(wildcard)) < 0) {
            wildcard++;
        }
        int slash = glob.lastIndexOf('/', wildcard);
        return slash < 0 ? "" : glob.substring(0, slash);
    }
}
