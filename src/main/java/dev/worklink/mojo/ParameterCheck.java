package dev.worklink.mojo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Collects every broken input rule of a goal before any network call, so the user sees them all at once, each
 * naming the parameter, its property, the value and the rule.
 */
final class ParameterCheck {

    private final List<String> problems = new ArrayList<>();

    /** The goal's properties that are not {@code worklink.<name>} (project-image's {@code worklink.superoffice.*}). */
    private final java.util.Map<String, String> properties;

    ParameterCheck() {
        this(java.util.Map.of());
    }

    /** @param properties parameter name to property, for the parameters whose property is not {@code worklink.<name>} */
    ParameterCheck(java.util.Map<String, String> properties) {
        this.properties = properties;
    }

    /** The property of the parameter {@code name}. */
    String property(String name) {
        return properties.getOrDefault(name, "worklink." + name);
    }

    /** A problem with the parameter {@code name} (its property, {@code worklink.<name>} unless the goal says otherwise). */
    ParameterCheck fail(String name, Object value, String rule) {
        problems.add("parameter " + name + " (" + property(name) + ")" + (value == null ? " is not set" : " = '" + value + "'") + ": " + rule);
        return this;
    }

    /** A problem that is not about one parameter. */
    ParameterCheck fail(String message) {
        problems.add(message);
        return this;
    }

    boolean required(String name, String value, String rule) {
        if (value == null || value.isBlank()) {
            fail(name, null, "is required; " + rule);
            return false;
        }
        return true;
    }

    boolean matches(String name, String value, Pattern pattern, String rule) {
        if (!required(name, value, rule)) {
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            fail(name, value, rule);
            return false;
        }
        return true;
    }

    /** Whether the file of parameter {@code name} is a regular file this build can read; {@code hint} follows "is not a file". */
    boolean readableFile(String name, Path file, String hint) {
        if (!Files.isRegularFile(file)) {
            fail(name, file, "is not a file" + hint);
            return false;
        }
        if (!Files.isReadable(file)) {
            fail(name, file, "cannot be read");
            return false;
        }
        return true;
    }

    boolean ok() {
        return problems.isEmpty();
    }

    /** Throws one failure listing every problem found. */
    void throwIfAny(String goal) throws MojoFailureException {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("worklink:").append(goal).append(" was not run: ");
        if (problems.size() == 1) {
            sb.append(problems.get(0));
        } else {
            sb.append(problems.size()).append(" problems in its configuration:");
            for (String p : problems) {
                sb.append("\n  - ").append(p);
            }
        }
        sb.append("\nNothing was sent.");
        throw new MojoFailureException(sb.toString());
    }

    /**
     * The values of a list parameter, trimmed, blanks dropped. Maven splits a {@code -D} value on commas; an element
     * configured in the POM as {@code <issueIds>1,2</issueIds>} is split here too.
     */
    static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                out.addAll(split(v));
            }
        }
        return out;
    }

    static List<String> split(String commaSeparated) {
        List<String> out = new ArrayList<>();
        if (commaSeparated == null) {
            return out;
        }
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
