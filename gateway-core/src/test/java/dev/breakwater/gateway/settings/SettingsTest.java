package dev.breakwater.gateway.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    private static final List<Setting> KNOWN = List.of(new Setting("server.http.port", "8080", "port"),
            new Setting("config.local.file", null, "file"), new Setting("sync.interval", "10s", "interval"));

    @Test
    void commandLineThenSystemThenEnvironmentThenFileThenDefault() throws SettingsException {
        Map<String, String> file = Map.of("server.http.port", "1", "config.local.file", "from-file");
        Map<String, String> env = Map.of("SERVER_HTTP_PORT", "2", "CONFIG_LOCAL_FILE", "from-env");
        Map<String, String> system = Map.of("server.http.port", "3");
        assertEquals("4", Settings.resolve(KNOWN, file, env, system, Map.of("server.http.port", "4")).get("server.http.port"));
        assertEquals("3", Settings.resolve(KNOWN, file, env, system, Map.of()).get("server.http.port"));
        assertEquals("2", Settings.resolve(KNOWN, file, env, Map.of(), Map.of()).get("server.http.port"));
        assertEquals("1", Settings.resolve(KNOWN, file, Map.of(), Map.of(), Map.of()).get("server.http.port"));
        assertEquals("8080", Settings.resolve(KNOWN, Map.of(), Map.of(), Map.of(), Map.of()).get("server.http.port"));
        assertEquals("from-env", Settings.resolve(KNOWN, file, env, system, Map.of()).get("config.local.file"));
    }

    @Test
    void typosAreErrorsNotIgnored() {
        assertTrue(assertThrows(SettingsException.class, () -> Settings.resolve(KNOWN, Map.of("server.http.prot", "1"),
                Map.of(), Map.of(), Map.of())).getMessage().contains("unknown setting 'server.http.prot' in the settings file"));
        assertThrows(SettingsException.class, () -> Settings.resolve(KNOWN, Map.of(), Map.of(), Map.of(), Map.of("nope", "1")));
    }

    @Test
    void typedValuesAreChecked() throws SettingsException {
        Settings settings = Settings.resolve(KNOWN, Map.of(), Map.of(), Map.of(), Map.of("server.http.port", "70000"));
        assertTrue(assertThrows(SettingsException.class, () -> settings.integer("server.http.port", 0, 65535))
                .getMessage().contains("from 0 to 65535, not '70000'"));
        assertEquals(Duration.ofSeconds(10), settings.duration("sync.interval"));
        assertNull(settings.get("config.local.file"));
        assertTrue(assertThrows(SettingsException.class, () -> settings.require("config.local.file"))
                .getMessage().contains("CONFIG_LOCAL_FILE"));
    }

    @Test
    void readsPropertiesFilesAsUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gateway.properties");
        Files.writeString(file, "# comment\nconfig.local.file = /tmp/é.json\n");
        assertEquals(Map.of("config.local.file", "/tmp/é.json"), Settings.readFile(file));
        assertThrows(SettingsException.class, () -> Settings.readFile(dir.resolve("missing.properties")));
    }

    @Test
    void durations() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofMinutes(5), Durations.parse(" 5m "));
        assertEquals(Duration.ofHours(1), Durations.parse("1h"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("10"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("-1s"));
    }

    @Test
    void commandLine() throws SettingsException {
        CommandLine line = CommandLine.parse("--config", "a.properties", "--server.http.port=9", "--x.y=a=b");
        assertEquals(Path.of("a.properties"), line.settingsFile());
        assertEquals(Map.of("server.http.port", "9", "x.y", "a=b"), line.values());
        assertTrue(CommandLine.parse("--help").help());
        assertThrows(SettingsException.class, () -> CommandLine.parse("--config"));
        assertThrows(SettingsException.class, () -> CommandLine.parse("stray"));
        String help = CommandLine.help("usage", GatewaySettings.ALL);
        for (Setting setting : GatewaySettings.ALL) {
            assertTrue(help.contains(setting.name()), setting.name());
        }
    }
}
