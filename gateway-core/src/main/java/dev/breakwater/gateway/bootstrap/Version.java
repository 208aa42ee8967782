package dev.breakwater.gateway.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Breakwater's version, the Maven project version written into {@code version.properties} at
 * build time. It travels with gateway-core, so the runner, the management plane and the WAR
 * (whose manifest knows nothing of it) all report the same, real version.
 */
public final class Version {

    private static final String UNKNOWN = "development";
    private static final String CURRENT = read();

    private Version() {
    }

    /** The version, or {@code development} when the classes were not built by Maven. */
    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/breakwater/gateway/version.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").trim();
            // Unfiltered (an IDE copying the resource as it is): still the placeholder.
            return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
