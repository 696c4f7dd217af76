package dev.worklink.superoffice;

import java.util.Locale;

/** The SuperOffice entities that carry an image through {@code PUT /api/v1/{Entity}/{id}/Image}. */
public enum ImageOwner {
    PROJECT("Project"),
    CONTACT("Contact"),
    PERSON("Person");

    private final String pathName;

    ImageOwner(String pathName) {
        this.pathName = pathName;
    }

    /** The entity as the WebAPI path spells it: {@code Project}, {@code Contact}, {@code Person}. */
    public String pathName() {
        return pathName;
    }

    /**
     * The entity named by the user, ignoring case.
     *
     * @throws IllegalArgumentException when it is none of the three
     */
    public static ImageOwner of(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            for (ImageOwner owner : values()) {
                if (owner.pathName.toLowerCase(Locale.ROOT).equals(n)) {
                    return owner;
                }
            }
        }
        throw new IllegalArgumentException("must be Project, Contact or Person");
    }

    @Override
    public String toString() {
        return pathName;
    }
}
