package dev.worklink.auth;

import java.util.Map;

/**
 * A {@code <server>} of settings.xml, already decrypted, without any Maven type.
 *
 * @param configuration the simple child elements of {@code <configuration>}, by element name
 * @param source        where it was found, for messages: "the server 'codearts' in Maven settings"
 */
public record ServerEntry(String id, String username, String password, Map<String, String> configuration, String source) {

    public ServerEntry {
        configuration = Map.copyOf(configuration);
    }

    public String config(String name) {
        String value = configuration.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "ServerEntry[" + id + ", user " + username + ", configuration keys " + configuration.keySet() + "]";
    }
}
