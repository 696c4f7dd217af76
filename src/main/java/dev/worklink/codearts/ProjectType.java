package dev.worklink.codearts;

import java.util.Locale;
import java.util.regex.Pattern;

/** The two kinds of CodeArts Req project, whose work items have ids of different forms and different APIs. */
public enum ProjectType {
    /** IPD projects: work item ids of 18 or 19 digits; attachments under {@code /v1/ipdprojectservice}. */
    IPD(Pattern.compile("^[0-9]{18,19}$"), "18 or 19 digits"),
    /** Scrum projects: work item ids are positive integers (of at most 10 digits); attachments under {@code /v4/projects}. */
    SCRUM(Pattern.compile("^[1-9][0-9]{0,9}$"), "a positive integer of at most 10 digits");

    private final Pattern issueId;
    private final String rule;

    ProjectType(Pattern issueId, String rule) {
        this.issueId = issueId;
        this.rule = rule;
    }

    public boolean acceptsIssueId(String id) {
        return issueId.matcher(id).matches();
    }

    /** The rule an issue id must follow, in words. */
    public String issueIdRule() {
        return rule;
    }

    /**
     * The type for {@code projectType} = ipd, scrum or auto; auto decides by the ids: 18–19 digits means IPD,
     * anything else Scrum (whose rule then rejects ids of neither form, such as 17 digits).
     *
     * @throws IllegalArgumentException for any other value
     */
    public static ProjectType of(String value, Iterable<String> issueIds) {
        String v = value == null ? "auto" : value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "ipd":
                return IPD;
            case "scrum":
                return SCRUM;
            case "auto":
            case "":
                for (String id : issueIds) {
                    if (!IPD.acceptsIssueId(id)) {
                        return SCRUM;
                    }
                }
                return IPD;
            default:
                throw new IllegalArgumentException(value);
        }
    }
}
