package dev.worklink.http;

import java.io.IOException;

/** Maven runs offline ({@code mvn -o}) and a call would have needed the network. */
public class OfflineException extends IOException {
    public OfflineException(String label) {
        super("Maven is offline (-o), so the plugin cannot " + label
                + ". Run the build without -o, or add -Dworklink.dryRun=true to check the configuration without any network call.");
    }
}
