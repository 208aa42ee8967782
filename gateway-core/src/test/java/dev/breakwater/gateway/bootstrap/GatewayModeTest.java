package dev.breakwater.gateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mode is decided, and everything it needs checked, before a gateway creates anything. */
class GatewayModeTest {

    @TempDir
    Path dir;

    private static Settings settings(Map<String, String> values) throws SettingsException {
        return Settings.resolve(GatewaySettings.ALL, Map.of(), Map.of(), Map.of(), values);
    }

    @Test
    void neitherModeExplainsBoth() {
        String message = assertThrows(SettingsException.class, () -> GatewayMode.of(settings(Map.of()))).getMessage();
        assertTrue(message.startsWith("nothing to serve: set config.local.file for standalone mode"), message);
        assertTrue(message.contains("config.service.endpoint with gateway.name and config.service.auth for managed mode"),
                message);
    }

    @Test
    void bothModesAtOnceIsAnError() {
        String message = assertThrows(SettingsException.class, () -> GatewayMode.of(settings(Map.of(
                "config.local.file", "c.json", "config.service.endpoint", "http://127.0.0.1:1")))).getMessage();
        assertTrue(message.endsWith("not both"), message);
    }

    @Test
    void aManagedGatewayWithoutItsTokenStopsBeforeItsBackupDirectoryExists() throws Exception {
        Path backup = dir.resolve("backup");
        Map<String, String> values = new HashMap<>(Map.of("config.service.endpoint", "http://127.0.0.1:1",
                "gateway.name", "g", "config.backup.path", backup.toString(), "metrics.jmx.enabled", "false"));
        String message = assertThrows(SettingsException.class, () -> Gateway.start(settings(values))).getMessage();
        assertTrue(message.startsWith("setting 'config.service.auth' is required"), message);
        assertFalse(Files.exists(backup), "nothing was created");
    }

    @Test
    void modes() throws SettingsException {
        GatewayMode standalone = GatewayMode.of(settings(Map.of("config.local.file", "c.json")));
        assertEquals("standalone", standalone.name());
        assertNull(standalone.backup());
        GatewayMode managed = GatewayMode.of(settings(Map.of("config.service.endpoint", "http://127.0.0.1:1",
                "gateway.name", "g", "config.service.auth", "GatewayKey g&1&x", "config.backup.enabled", "false")));
        assertEquals("managed", managed.name());
        assertNull(managed.backup(), "backup disabled");
    }

    @Test
    void theVersionIsTheBuildsNotAPlaceholder() {
        assertTrue(Version.current().matches("\\d+\\.\\d+\\.\\d+.*"), Version.current());
    }
}
