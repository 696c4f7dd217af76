package dev.worklink.superoffice;

import java.util.Locale;

/** How the plugin authenticates to SuperOffice, chosen by the server's {@code <configuration><scheme>}. */
public enum SuperOfficeScheme {
    /** {@code Authorization: Basic base64(user:password)}; on-site installations only. */
    BASIC("Basic", "Basic"),
    /** {@code Authorization: SOTicket <ticket>}: the server's {@code <password>} is a ready ticket. */
    SO_TICKET("SOTicket", "SOTicket"),
    /** {@code Authorization: Bearer <access token>}: the server's {@code <password>} is an OAuth access token. */
    BEARER("Bearer", "Bearer"),
    /** An Online system user: the plugin signs the system user token and exchanges it for a ticket, sent as SOTicket. */
    SYSTEM_USER("SystemUser", "SOTicket");

    private final String configName;
    private final String authorizationScheme;

    SuperOfficeScheme(String configName, String authorizationScheme) {
        this.configName = configName;
        this.authorizationScheme = authorizationScheme;
    }

    /** As written in {@code <configuration><scheme>}. */
    public String configName() {
        return configName;
    }

    /** The scheme word of the {@code Authorization} header it sends. */
    public String authorizationScheme() {
        return authorizationScheme;
    }

    /** The scheme named in settings.xml, ignoring case; null when it is none of them. */
    public static SuperOfficeScheme of(String name) {
        if (name == null) {
            return null;
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (SuperOfficeScheme s : values()) {
            if (s.configName.toLowerCase(Locale.ROOT).equals(n)) {
                return s;
            }
        }
        return null;
    }
}
