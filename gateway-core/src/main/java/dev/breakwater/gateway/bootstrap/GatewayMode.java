package dev.breakwater.gateway.bootstrap;

import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;

/**
 * Where a gateway's configuration comes from, decided from the settings before anything is
 * created (no backup directory, no thread, no listener): a management plane (managed) or a
 * local file (standalone). Everything the chosen mode needs is checked here, so a gateway that
 * cannot start says so at once, naming what to set.
 *
 * @param endpoint  the management plane's URL (managed), else {@code null}
 * @param localFile the configuration document (standalone), else {@code null}
 * @param backup    the backup directory (managed with the backup enabled), else {@code null}
 */
public record GatewayMode(String endpoint, String localFile, String backup) {

    /** The mode the settings ask for, with everything it needs. */
    public static GatewayMode of(Settings settings) throws SettingsException {
        String endpoint = settings.get(GatewaySettings.SERVICE_ENDPOINT);
        String localFile = settings.get(GatewaySettings.LOCAL_FILE);
        if (endpoint != null && localFile != null) {
            throw new SettingsException("set config.service.endpoint (managed mode) or config.local.file "
                    + "(standalone mode), not both");
        }
        if (endpoint == null && localFile == null) {
            throw new SettingsException("nothing to serve: set config.local.file for standalone mode (a configuration "
                    + "document, re-read when it changes), or config.service.endpoint with gateway.name and "
                    + "config.service.auth for managed mode (the configuration comes from a management plane)");
        }
        if (localFile != null) {
            return new GatewayMode(null, localFile, null);
        }
        settings.require(GatewaySettings.GATEWAY_NAME);
        settings.require(GatewaySettings.SERVICE_AUTH);
        String backup = settings.bool(GatewaySettings.BACKUP_ENABLED) ? settings.require(GatewaySettings.BACKUP_PATH)
                : null;
        return new GatewayMode(endpoint, null, backup);
    }

    public boolean managed() {
        return endpoint != null;
    }

    /** {@code managed} or {@code standalone}, as status and the banner say it. */
    public String name() {
        return managed() ? "managed" : "standalone";
    }
}
