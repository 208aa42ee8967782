package dev.breakwater.management.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.gateway.db.H2Database;
import dev.breakwater.management.db.H2StoreDatabase;
import dev.breakwater.management.db.StoreMigrations;
import dev.breakwater.gateway.status.GatewayStatus;
import dev.breakwater.gateway.sync.Heartbeat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heartbeats kept per instance: a gateway that shares its counters and cache in Redis reports
 * whether Redis answers it, and the management plane shows that; a default gateway's heartbeat
 * leaves both out, so a management plane of an earlier version still reads it.
 */
class HeartbeatStoreTest {

    @TempDir
    Path dir;

    private final StrictJson json = new StrictJson();

    private static Heartbeat heartbeat(String instance, GatewayStatus.Counters counters, GatewayStatus.Cache cache) {
        return new Heartbeat("edge", instance, "host", "1.0", 3, null, null, 10, 60, null, counters, cache);
    }

    @Test
    void sharedStoresAreReportedAndShownAndAGatewayOfItsOwnLeavesThemOut() throws Exception {
        Heartbeat alone = heartbeat("a", null, null);
        String aloneJson = new String(json.write(alone), StandardCharsets.UTF_8);
        assertFalse(aloneJson.contains("counters") || aloneJson.contains("cache"), aloneJson);
        Heartbeat outOfReach = heartbeat("b", new GatewayStatus.Counters("redis", false),
                new GatewayStatus.Cache("redis", false));
        String outOfReachJson = new String(json.write(outOfReach), StandardCharsets.UTF_8);
        assertEquals(outOfReach, json.read(outOfReachJson.getBytes(StandardCharsets.UTF_8), Heartbeat.class));
        try (H2Database database = H2Database.open(dir, "store")) {
            H2StoreDatabase h2 = new H2StoreDatabase(database);
            StoreMigrations.migrate(h2);
            HeartbeatStore store = new HeartbeatStore(h2);
            store.record("edge", alone, Instant.parse("2026-12-01T00:00:00Z"), aloneJson);
            store.record("edge", outOfReach, Instant.parse("2026-12-01T00:00:00Z"), outOfReachJson);
            List<HeartbeatStore.Instance> instances = store.instances("edge");
            assertNull(instances.get(0).counters());
            assertNull(instances.get(0).cache());
            assertEquals("redis", instances.get(1).counters().store());
            assertFalse(instances.get(1).counters().available());
            assertTrue(instances.get(1).cache() != null && !instances.get(1).cache().available());
        }
    }
}
