package dev.breakwater.management.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.NamedValueDefinition;
import dev.breakwater.gateway.config.SubscriptionDefinition;
import dev.breakwater.gateway.secrets.SecretException;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.gateway.db.H2Database;
import dev.breakwater.management.db.H2StoreDatabase;
import dev.breakwater.management.db.StoreMigrations;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.gateway.testing.Json;
import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.management.model.GatewayDefinition;
import java.nio.file.Path;
import java.time.Clock;
import dev.breakwater.gateway.config.ConfigDocument;
import dev.breakwater.gateway.secrets.SecretCipher;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real H2 file: changes survive a reopen, refused changes leave nothing behind. */
class ConfigStoreTest {

    private static final byte[] STORE_KEY = new byte[SecretCipher.KEY_BYTES];

    @TempDir
    Path dir;
    private final List<Long> announced = new CopyOnWriteArrayList<>();
    private LongConsumer onNewRevision = announced::add;

    private ConfigStore open(H2Database database) throws Exception {
        return open(database, 1 << 20);
    }

    private ConfigStore open(H2Database database, long maxDocumentBytes) throws Exception {
        H2StoreDatabase store = new H2StoreDatabase(database);
        StoreMigrations.migrate(store);
        return ConfigStore.open(store, new SecretCipher(STORE_KEY),
                new SnapshotCompiler(PolicyTesting.REGISTRY, Clock.systemUTC()), new StrictJson(), Clock.systemUTC(),
                maxDocumentBytes, revision -> onNewRevision.accept(revision));
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
            assertTrue(refused.getMessage().contains("<nope> at line 1: not a policy this gateway knows"), refused.getMessage());
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

    @Test
    void aChangeThatChangesNothingMakesNoRevisionAndWakesNoOne() throws Exception {
        try (H2Database database = H2Database.open(dir, "store")) {
            ConfigStore store = open(database);
            assertEquals(1, store.change(current -> Edits.withApi(current, api("a", null))));
            ConfigStore.State before = store.state();
            assertEquals(1, store.change(current -> Edits.withApi(current, api("a", null))), "the same API again");
            assertEquals(1, store.change(current -> Edits.withGlobalPolicy(current, null)), "removing what is not there");
            assertEquals(List.of(1L), announced, "nothing announced, so no long poll is woken");
            assertSame(before, store.state());
            assertEquals(1, rows(database, "SELECT COUNT(*) FROM config_revisions"), "no revision stored");
        }
    }

    @Test
    void aNewRevisionIsAnnouncedAfterTheWriteLockIsReleased() throws Exception {
        try (H2Database database = H2Database.open(dir, "store")) {
            ConfigStore store = open(database);
            // The announcement of revision 1 waits (bounded) for a second writer: under the write lock it never could.
            CompletableFuture<Long> second = new CompletableFuture<>();
            AtomicBoolean secondWroteMeanwhile = new AtomicBoolean();
            onNewRevision = revision -> {
                announced.add(revision);
                if (revision == 1) {
                    new Thread(() -> {
                        try {
                            second.complete(store.change(current -> Edits.withApi(current, api("b", null))));
                        } catch (Exception e) {
                            second.completeExceptionally(e);
                        }
                    }).start();
                    try {
                        second.get(10, TimeUnit.SECONDS);
                        secondWroteMeanwhile.set(true);
                    } catch (Exception timedOutOrFailed) {
                        // the assertion below says so
                    }
                }
            };
            store.change(current -> Edits.withApi(current, api("a", null)));
            assertTrue(secondWroteMeanwhile.get(), "a second writer wrote while revision 1 was being announced");
            assertEquals(2, second.get(10, TimeUnit.SECONDS));
            assertEquals(List.of(1L, 2L), announced, "revision 2 announced while revision 1 still was");
            RevisionWatch watch = new RevisionWatch(0);
            watch.advance(2);
            watch.advance(1);
            assertFalse(watch.awaitChange(1, () -> { }), "a late older announcement does not move the revision back");
        }
    }

    @Test
    void eachGatewayIsServedItsOwnDocumentRenderedWithTheRevision() throws Exception {
        try (H2Database database = H2Database.open(dir, "store")) {
            ConfigStore store = open(database);
            store.change(current -> Edits.withApi(Edits.withApi(current, api("a", null)), api("b", null)));
            store.change(current -> Edits.withGateway(Edits.withGateway(current,
                    new GatewayDefinition("east", null, List.of("a"))), new GatewayDefinition("west", null, List.of("a"))));
            byte[] east = store.state().served().get("east");
            ConfigDocument served = new StrictJson().read(east);
            assertEquals(2, served.revision());
            assertEquals(List.of("a"), served.apis().stream().map(ApiDefinition::id).toList());
            assertSame(east, store.state().served().get("west"), "gateways with the same APIs share one rendering");
            assertArrayEquals(new StrictJson().write(new ConfigDocument(2, null, List.of(api("a", null)))), east);
        }
    }

    @Test
    void aDocumentLargerThanOneImportMayBeIsRefused() throws Exception {
        try (H2Database database = H2Database.open(dir, "store")) {
            ConfigStore store = open(database, 300);
            ConfigException refused = assertThrows(ConfigException.class, () -> store.change(current ->
                    Edits.withApi(current, api("a", "<policies>" + "<inbound/>".repeat(40) + "</policies>"))));
            assertTrue(refused.getMessage().contains("server.request.max.size"), refused.getMessage());
            assertEquals(0, store.state().revision());
        }
    }

    @Test
    void gatewayKeysAreStoredEncrypted() throws Exception {
        try (H2Database database = H2Database.open(dir, "store")) {
            ConfigStore store = open(database);
            store.change(current -> Edits.withGateway(current, new GatewayDefinition("gw", null, null)));
            GatewayKeys keys = store.state().keys().get("gw");
            try (Connection connection = database.connection(); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT primary_key, secondary_key FROM gateway_keys")) {
                row.next();
                assertTrue(SecretCipher.isSealed(row.getString(1)) && SecretCipher.isSealed(row.getString(2)));
                assertFalse(row.getString(1).contains(keys.primary()) || row.getString(2).contains(keys.secondary()));
            }
        }
    }

    @Test
    void secretNamedValuesAreSealedInTheStoredRevisionAndOpenedAfterAReopen() throws Exception {
        NamedValueDefinition secret = new NamedValueDefinition("db-password", "db-password", "hunter2-secret-value", true);
        NamedValueDefinition plain = new NamedValueDefinition("region", "Region", "eu-west-plain-value", false);
        try (H2Database database = H2Database.open(dir, "store")) {
            ConfigStore store = open(database);
            assertEquals(1, store.change(current -> Edits.withNamedValue(Edits.withNamedValue(current, secret), plain)));
            assertEquals(1, store.change(current -> Edits.withNamedValue(current, secret)), "the same again: no revision");
            String stored = storedDocument(database);
            assertFalse(stored.contains("hunter2-secret-value"), stored);
            assertTrue(stored.contains("\"value\":\"" + SecretCipher.PREFIX), stored);
            assertTrue(stored.contains("eu-west-plain-value"), "only secrets are sealed: " + stored);
            assertEquals(List.of(secret, plain), store.state().document().namedValues(), "in memory, in clear");
        }
        try (H2Database database = H2Database.open(dir, "store")) {
            assertEquals(List.of(secret, plain), open(database).state().document().namedValues(), "opened again");
            // a sealed value moved to another named value's place does not open there
            String moved = storedDocument(database).replace("\"id\":\"db-password\"", "\"id\":\"other\"");
            database.inTransaction(connection -> {
                try (var update = connection.prepareStatement("UPDATE config_revisions SET document = ?")) {
                    update.setString(1, moved);
                    update.executeUpdate();
                }
            });
            SecretException altered = assertThrows(SecretException.class, () -> open(database));
            assertEquals("named_values/other does not open with this key", altered.getMessage());
        }
    }

    @Test
    void subscriptionKeysAreSealedAtRestAndServedAsTheSameHashesAfterAReopen() throws Exception {
        SubscriptionDefinition subscription = new SubscriptionDefinition("s1", null, "/apis", null, null,
                "primary-key-in-clear-01", "secondary-key-in-clear-02", null, null, null, null, null, null);
        byte[] served;
        try (H2Database database = H2Database.open(dir, "store")) {
            ConfigStore store = open(database);
            store.change(current -> Edits.withGateway(SubscriptionEdits.withSubscription(Edits.withApi(current,
                    api("a", null)), subscription), new GatewayDefinition("gw", null, List.of("a"))));
            String stored = storedDocument(database);
            assertFalse(stored.contains("key-in-clear"), stored);
            JsonNode sealed = Json.parse(stored)
                    .get("subscriptions").get(0);
            assertTrue(SecretCipher.isSealed(sealed.get("primaryKey").asText()), stored);
            assertTrue(SecretCipher.isSealed(sealed.get("secondaryKey").asText()), stored);
            served = store.state().served().get("gw");
            assertFalse(new String(served, java.nio.charset.StandardCharsets.UTF_8).contains("key-in-clear"));
            assertEquals(subscription, store.state().document().subscriptions().get(0), "in memory, in clear");
            try (Connection connection = database.connection(); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT sealed FROM subscription_key_salt")) {
                assertTrue(row.next());
                assertTrue(SecretCipher.isSealed(row.getString(1)), "the salt is sealed like the other secrets");
            }
        }
        try (H2Database database = H2Database.open(dir, "store")) {
            ConfigStore store = open(database);
            assertEquals(subscription, store.state().document().subscriptions().get(0), "opened again");
            assertArrayEquals(served, store.state().served().get("gw"), "one salt per store: the same hashes");
        }
    }

    private static String storedDocument(H2Database database) throws Exception {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT document FROM config_revisions ORDER BY revision DESC")) {
            row.next();
            return row.getString(1);
        }
    }

    private static long rows(H2Database database, String count) throws Exception {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(count)) {
            result.next();
            return result.getLong(1);
        }
    }
}
