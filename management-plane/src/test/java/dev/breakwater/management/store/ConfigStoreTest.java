package dev.breakwater.management.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.gateway.db.H2Database;
import dev.breakwater.gateway.db.SchemaMigrator;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.management.model.GatewayDefinition;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real H2 file: changes survive a reopen, refused changes leave nothing behind. */
class ConfigStoreTest {

    @TempDir
    Path dir;
    private final List<Long> announced = new ArrayList<>();

    private ConfigStore open(H2Database database) throws Exception {
        new SchemaMigrator("sql/management", List.of("V1__initial.sql")).migrate(database);
        return ConfigStore.open(database, new SnapshotCompiler(PolicyTesting.REGISTRY, Clock.systemUTC()),
                new StrictJson(), Clock.systemUTC(), announced::add);
    }

    private static ApiDefinition api(String id, String policy) {
        return new ApiDefinition(id, null, id, "http://backend", false, null, policy, null);
    }

    @Test
    void changesAreStoredAsRevisionsAndSurviveAReopen() throws Exception {
        GatewayKeys keys;
        try (H2Database database = H2Database.open(dir, "store")) {
            ConfigStore store = open(database);
            assertEquals(1, store.change(current -> Edits.withApi(current, api("a", null))));
            assertEquals(2, store.change(current -> Edits.withGateway(current, new GatewayDefinition("gw", null, List.of("a")))));
            keys = store.state().keys().get("gw");
            assertEquals(List.of(1L, 2L), announced, "every new revision is announced");
        }
        try (H2Database database = H2Database.open(dir, "store")) {
            ConfigStore store = open(database);
            assertEquals(2, store.state().revision());
            assertEquals("a", store.state().document().apis().get(0).id());
            assertEquals(keys, store.state().keys().get("gw"), "keys survive too");
        }
    }

    @Test
    void aDocumentTheGatewayCannotCompileIsRefusedAndNothingChanges() throws Exception {
        try (H2Database database = H2Database.open(dir, "store")) {
            ConfigStore store = open(database);
            store.change(current -> Edits.withApi(current, api("a", null)));
            ConfigException refused = assertThrows(ConfigException.class, () -> store.change(current ->
                    Edits.withApi(current, api("a", "<policies><inbound><nope/></inbound></policies>"))));
            assertTrue(refused.getMessage().contains("<nope> at line 1: unknown policy"), refused.getMessage());
            assertEquals(1, store.state().revision());
            assertThrows(ConfigException.class, () -> store.change(current ->
                    Edits.withGateway(current, new GatewayDefinition("gw", null, List.of("missing")))));
            assertThrows(MissingException.class, () -> store.change(current -> {
                Edits.existingApi(current, "missing");
                return current;
            }));
        }
        try (H2Database database = H2Database.open(dir, "store")) {
            assertEquals(1, open(database).state().revision(), "nothing refused was stored");
        }
    }

    @Test
    void deletingAGatewayDeletesItsKeysAndRegeneratingReplacesOne() throws Exception {
        try (H2Database database = H2Database.open(dir, "store")) {
            ConfigStore store = open(database);
            store.change(current -> Edits.withGateway(current, new GatewayDefinition("gw", null, null)));
            GatewayKeys before = store.state().keys().get("gw");
            store.regenerateKey("gw", "secondary");
            GatewayKeys after = store.state().keys().get("gw");
            assertEquals(before.primary(), after.primary());
            assertNotEquals(before.secondary(), after.secondary());
            store.change(current -> Edits.withoutGateway(current, "gw"));
            assertTrue(store.state().keys().isEmpty());
        }
    }
}
