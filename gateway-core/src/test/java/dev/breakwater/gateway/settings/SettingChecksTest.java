package dev.breakwater.gateway.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every setting is checked when the settings are resolved, whatever the mode would read. */
class SettingChecksTest {

    private static Settings gateway(Map<String, String> commandLine) throws SettingsException {
        return Settings.resolve(GatewaySettings.ALL, Map.of(), Map.of(), Map.of(), commandLine);
    }

    private static String refusal(Map<String, String> commandLine) {
        return assertThrows(SettingsException.class, () -> gateway(commandLine)).getMessage();
    }

    @Test
    void aStandaloneGatewayRefusesAMalformedSyncIntervalItWouldNeverRead() {
        assertEquals("setting 'config.sync.interval' must be a duration such as 500ms, 10s, 5m, 1h or 7d, not '10'",
                refusal(Map.of("config.local.file", "config.json", "config.sync.interval", "10")));
    }

    @Test
    void everyKindOfValueIsChecked() {
        assertTrue(refusal(Map.of("server.http.port", "80800")).contains("from 0 to 65535, not '80800'"));
        assertTrue(refusal(Map.of("server.admin.port", "-2")).contains("from -1 to 65535"));
        assertTrue(refusal(Map.of("metrics.enabled", "yes")).contains("must be true or false, not 'yes'"));
        assertTrue(refusal(Map.of("log.requests.sample", "2")).contains("from 0.0 to 1.0"));
        assertTrue(refusal(Map.of("heartbeat.interval", "0s")).contains("must be at least 1s, not '0s'"));
        assertTrue(refusal(Map.of("config.sync.wait", "2h")).contains("must be at most 1h"));
        assertTrue(refusal(Map.of("config.service.endpoint", "mp:9090")).contains("http:// or https:// URL"));
        assertTrue(refusal(Map.of("gateway.name", "a/b")).contains("a gateway id"));
    }

    @Test
    void theCounterStoreIsLocalOrRedisOrTheGatewayDoesNotStart() throws SettingsException {
        assertEquals("setting 'counters.store' must be one of 'local', 'redis', not 'memcached'",
                refusal(Map.of("counters.store", "memcached")));
        assertEquals("local", gateway(Map.of()).get(GatewaySettings.COUNTERS_STORE));
        assertEquals("setting 'counters.redis.unavailable' must be one of 'local', 'refuse', not 'open'",
                refusal(Map.of("counters.redis.unavailable", "open")));
        assertEquals("500ms", gateway(Map.of()).get(GatewaySettings.REDIS_TIMEOUT));
    }

    @Test
    void aRedisUrlIsCheckedWithoutRepeatingIt() {
        String message = refusal(Map.of("redis.url", "http://:s3cr3t@redis-host:6379"));
        assertTrue(message.contains("redis:// or rediss:// URL"), message);
        assertFalse(message.contains("s3cr3t"), message);
    }

    @Test
    void aSecretIsNeverRepeatedInTheMessage() {
        String message = refusal(Map.of("config.service.auth", "Bearer s3cr3t-value"));
        assertTrue(message.contains("starting with 'GatewayKey '"), message);
        assertFalse(message.contains("s3cr3t"), message);
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        String message = refusal(Map.of("config.sync.interval", "10", "backend.max.connections", "0"));
        assertTrue(message.startsWith("2 settings are wrong:"), message);
        assertTrue(message.contains("'config.sync.interval'") && message.contains("'backend.max.connections'"), message);
    }

    @Test
    void aTypoNamesTheSettingMeantAndNotAnotherProgramsHelp() {
        String message = refusal(Map.of("server.http.prot", "1"));
        assertEquals("unknown setting 'server.http.prot' on the command line; did you mean 'server.http.port'?", message);
        String unlike = refusal(Map.of("completely.different", "1"));
        assertFalse(unlike.contains("did you mean"), unlike);
    }

    @Test
    void defaultsAndGoodValuesPass() throws SettingsException {
        Settings settings = gateway(Map.of("config.sync.interval", "1s", "config.service.endpoint", "https://mp.example:9090/",
                "config.service.auth", "GatewayKey g&209901010000&abc", "gateway.name", "edge-1.eu"));
        assertEquals(Duration.ofSeconds(1), settings.duration("config.sync.interval"));
        assertEquals(8080, settings.integer("server.http.port", 0, 65535));
        assertNull(SettingCheck.duration(Duration.ZERO).problem("0s"));
    }

    @Test
    void durationsAreWrittenAsAnOperatorWould() {
        assertEquals("1s", Durations.format(Duration.ofSeconds(1)));
        assertEquals("90s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("2m", Durations.format(Duration.ofMinutes(2)));
        assertEquals("1h", Durations.format(Duration.ofHours(1)));
        assertEquals("10ms", Durations.format(Duration.ofMillis(10)));
        assertEquals("7d", Durations.format(Duration.ofDays(7)));
    }
}
