package dev.worklink.files;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as users write them: {@code 52428800}, {@code 50MB}, {@code 1 GB}, {@code 512KB}. Units are binary (1 KB = 1024 bytes). */
public final class FileSize {

    private static final Pattern FORM = Pattern.compile("^\\s*(\\d+)\\s*(B|KB|K|KIB|MB|M|MIB|GB|G|GIB)?\\s*$", Pattern.CASE_INSENSITIVE);

    private FileSize() {}

    /** @throws IllegalArgumentException when the text is not a size */
    public static long parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size: write bytes (52428800) or a number with KB, MB or GB (50MB)");
        }
        long number = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        long factor = switch (unit.charAt(0)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Math.multiplyExact(number, factor);
    }
}
