package dev.worklink.mojo;

import java.util.Locale;

/** The {@code projectType} parameter of attach: an IPD or a Scrum project, or decided by the work item ids. */
public enum ProjectTypeChoice {
    /** IPD: work item ids of 18 or 19 digits. */
    IPD,
    /** Scrum: work item ids are positive integers. */
    SCRUM,
    /** By the ids: 18 or 19 digits mean IPD, others Scrum. */
    AUTO;

    /** The choice named by {@code text} in any case; {@code AUTO} when blank; null when it names none. */
    static ProjectTypeChoice of(String text) {
        if (text == null || text.isBlank()) {
            return AUTO;
        }
        for (ProjectTypeChoice c : values()) {
            if (c.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                return c;
            }
        }
        return null;
    }
}
