package dev.breakwater.gateway.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.snapshot.ActiveConfig;
import dev.breakwater.gateway.snapshot.ConfigSnapshot;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileConfigSourceTest {

    private static String document(long revision) {
        return "{\"revision\": " + revision + ", \"apis\": [{\"id\": \"a\", \"path\": \"a\", \"serviceUrl\": \"http://b\","
                + " \"subscriptionRequired\": false}]}";
    }

    private final ActiveConfig active = new ActiveConfig();

    private LocalFileConfigSource source(Path file) {
        return new LocalFileConfigSource(file, new SnapshotCompiler(PolicyTesting.REGISTRY, Clock.systemUTC()), active,
                Duration.ofHours(1));
    }

    @Test
    void appliesChangesAndRefusesBrokenEditsKeepingTheOldConfiguration(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, document(1));
        try (LocalFileConfigSource source = source(file)) {
            source.loadInitial();
            ConfigSnapshot first = active.current();
            assertEquals(1, first.revision());

            Files.writeString(file, "{\"revision\": 2, \"apis\": [{\"id\": \"a\", \"pth\": \"a\"}]}");
            source.check();
            assertEquals(first, active.current(), "the broken edit did not replace the served configuration");
            assertTrue(source.lastError().contains("unknown property 'pth'"), source.lastError());

            Files.writeString(file, document(3));
            source.check();
            assertEquals(3, active.current().revision());
            assertNull(source.lastError());

            ConfigSnapshot third = active.current();
            Files.delete(file);
            source.check();
            assertEquals(third, active.current(), "a vanished file leaves the configuration being served");
            assertTrue(source.lastError().contains("cannot read"), source.lastError());
        }
    }

    @Test
    void aBrokenFileAtStartIsAnError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{");
        try (LocalFileConfigSource source = source(file)) {
            assertThrows(ConfigException.class, source::loadInitial);
            assertNull(active.current(), "nothing is served");
        }
        try (LocalFileConfigSource source = source(dir.resolve("missing.json"))) {
            assertTrue(assertThrows(ConfigException.class, source::loadInitial).getMessage().contains("cannot read"));
        }
    }
}
