package dev.worklink.git;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How work item ids are found in a commit message. Either CodeArts Repo's own rule (its E2E settings, "automatic ID
 * extraction rules"): up to 10 prefixes, a separator between ids (default {@code ;}) and a suffix where the ids end
 * (default the end of the line), all plain text, not regular expressions; or a regular expression whose first group
 * is an id.
 *
 * <p>With the prefix rule, every occurrence of a prefix in a line starts a list of ids that runs to the next
 * occurrence of the suffix (or the line's end), split at the separator; each piece, trimmed, is one id. So with
 * prefix {@code #} and the default suffix, {@code "Fix upload #956239067176935401"} names one id, and
 * {@code "Fix #12 and #13"} names one candidate {@code "12 and #13"}, which is not an id: such a team sets the suffix
 * to a space. Candidates are only found here; the caller checks them against the project's id rule.
 */
public final class CommitIdRule {

    public static final int MAX_PREFIXES = 10;
    public static final String DEFAULT_SEPARATOR = ";";

    private final List<String> prefixes;
    private final String separator;
    private final String suffix;
    private final Pattern pattern;

    private CommitIdRule(List<String> prefixes, String separator, String suffix, Pattern pattern) {
        this.prefixes = prefixes;
        this.separator = separator;
        this.suffix = suffix;
        this.pattern = pattern;
    }

    /**
     * CodeArts Repo's rule.
     *
     * @param separator between ids; null or empty means {@value #DEFAULT_SEPARATOR}
     * @param suffix    where the ids end; null or empty means the end of the line
     * @throws IllegalArgumentException no prefix, more than {@value #MAX_PREFIXES}, or an empty one
     */
    public static CommitIdRule prefixes(List<String> prefixes, String separator, String suffix) {
        if (prefixes == null || prefixes.isEmpty()) {
            throw new IllegalArgumentException("needs at least one prefix");
        }
        if (prefixes.size() > MAX_PREFIXES) {
            throw new IllegalArgumentException("takes at most " + MAX_PREFIXES + " prefixes (as CodeArts Repo), not " + prefixes.size());
        }
        for (String p : prefixes) {
            if (p == null || p.isEmpty()) {
                throw new IllegalArgumentException("a prefix may not be empty");
            }
        }
        String sep = separator == null || separator.isEmpty() ? DEFAULT_SEPARATOR : separator;
        String suf = suffix == null || suffix.isEmpty() ? null : suffix;
        return new CommitIdRule(List.copyOf(prefixes), sep, suf, null);
    }

    /**
     * A regular expression whose first group is an id, e.g. {@code #(\d{18,19})}.
     *
     * @throws IllegalArgumentException it does not compile, or has no group
     */
    public static CommitIdRule pattern(String regex) {
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("is not a valid regular expression: " + e.getDescription());
        }
        if (p.matcher("").groupCount() < 1) {
            throw new IllegalArgumentException("needs a group, (...), around the id");
        }
        return new CommitIdRule(List.of(), null, null, p);
    }

    /** The candidate ids a message names, in the order it names them (repeats kept). */
    public List<String> idsIn(String message) {
        List<String> ids = new ArrayList<>();
        if (message == null) {
            return ids;
        }
        if (pattern != null) {
            Matcher m = pattern.matcher(message);
            while (m.find()) {
                String id = m.group(1);
                if (id != null && !id.isBlank()) {
                    ids.add(id.trim());
                }
            }
            return ids;
        }
        for (String line : message.split("\\R")) {
            idsInLine(line, ids);
        }
        return ids;
    }

    private void idsInLine(String line, List<String> ids) {
        int from = 0;
        while (from < line.length()) {
            int at = -1;
            String prefix = null;
            for (String p : prefixes) {
                int i = line.indexOf(p, from);
                // the earliest occurrence; at the same place, the longest prefix
                if (i >= 0 && (at < 0 || i < at || (i == at && p.length() > prefix.length()))) {
                    at = i;
                    prefix = p;
                }
            }
            if (at < 0) {
                return;
            }
            int start = at + prefix.length();
            int end = suffix == null ? -1 : line.indexOf(suffix, start);
            String list = end < 0 ? line.substring(start) : line.substring(start, end);
            for (String piece : list.split(Pattern.quote(separator), -1)) {
                if (!piece.isBlank()) {
                    ids.add(piece.trim());
                }
            }
            from = end < 0 ? line.length() : end + suffix.length();
        }
    }

    /** The rule in words, for log lines and messages. */
    public String describe() {
        if (pattern != null) {
            return "commitIdPattern " + pattern.pattern();
        }
        return "commitIdPrefixes " + prefixes + ", separator '" + separator + "', suffix "
                + (suffix == null ? "the end of the line" : "'" + suffix + "'");
    }
}
