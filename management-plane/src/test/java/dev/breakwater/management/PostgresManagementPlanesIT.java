package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;
import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.PostgresServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two management planes on one real PostgreSQL: a change made through one reaches a gateway
 * long-polling the other by NOTIFY (the safety-net re-read is an hour, so nothing else explains
 * it), and so does a regenerated gateway key; both serve the same revisions; concurrent writes through both make distinct consecutive
 * revisions, none lost; Flyway keeps the schema; the password comes from the environment and a
 * wrong one is a clear start error that does not show it; with the database down writes answer
 * 503 and reads are served from memory, and writing resumes when it returns.
 */
class PostgresManagementPlanesIT {

    private static final Duration BOUND = Duration.ofSeconds(20);
    private static PostgresServer postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.startOnFreePort();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private ManagementPlaneFixture plane(String name, String url) throws Exception {
        return new ManagementPlaneFixture(dir.resolve(name), PostgresStores.settings(postgres, url, "1h"));
    }

    private static String hello(String body) {
        return "{\"path\": \"hello\", \"subscriptionRequired\": false, \"policy\": \"<policies><inbound><return-response>"
                + "<set-status code=\\\"200\\\"/><set-body>" + body + "</set-body></return-response></inbound></policies>\"}";
    }

    private static long revision(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("Breakwater-Revision").orElseThrow());
    }

    @Test
    void aChangeThroughOneReachesAGatewayLongPollingTheOther() throws Exception {
        String url = postgres.createDatabase("notify");
        try (ManagementPlaneFixture a = plane("a", url); ManagementPlaneFixture b = plane("b", url)) {
            assertEquals(201, a.admin("PUT", "/admin/apis/hello", hello("first")).statusCode());
            assertEquals(201, a.admin("PUT", "/admin/gateways/gw", "{\"apis\": [\"hello\"]}").statusCode());
            String token = a.token("gw", "primary"); // signed with a key A made: B must have it from the database
            Await.until("B knows gateway gw", BOUND, () -> b.admin("GET", "/admin/gateways/gw", null).statusCode() == 200);
            try (ManagedGateway gateway = new ManagedGateway(b.url(), "gw", token, dir.resolve("backup"))) {
                gateway.awaitResponse("/hello", r -> r.statusCode() == 200 && r.body().equals("first"), BOUND);
                Await.until("the gateway's long poll is held by B", BOUND, () -> b.heldPolls() > 0);

                long started = System.nanoTime();
                HttpResponse<String> change = a.admin("PUT", "/admin/apis/hello", hello("second"));
                assertEquals(200, change.statusCode(), change.body());
                long answered = System.nanoTime();
                gateway.awaitResponse("/hello", r -> r.statusCode() == 200 && r.body().equals("second"), BOUND);
                long served = System.nanoTime();
                System.out.printf("change through A served by a gateway long-polling B: %d ms after A answered "
                        + "(%d ms after the request to A)%n", (served - answered) / 1_000_000, (served - started) / 1_000_000);
                assertEquals(revision(change), revision(b.admin("GET", "/admin/config", null)),
                        "both serve the same revision");
            }
            // a key regenerated through A: B refuses the old token and accepts one signed with the new key
            assertEquals(2, a.admin("POST", "/admin/gateways/gw/keys/primary/regenerate", null).statusCode() / 100);
            String renewed = a.token("gw", "primary");
            Await.until("B refuses the old key and accepts the new one", BOUND,
                    () -> configuration(b, token) == 401 && configuration(b, renewed) == 200);
        }
    }

    private static int configuration(ManagementPlaneFixture plane, String token) throws Exception {
        return plane.send("GET", "/gateway/v1/gateways/gw/configuration", null, null, token).statusCode();
    }

    @Test
    void concurrentWritesThroughBothMakeDistinctConsecutiveRevisionsNoneLost() throws Exception {
        String url = postgres.createDatabase("concurrent");
        int writersPerPlane = 2;
        int writesEach = 10;
        try (ManagementPlaneFixture a = plane("a", url); ManagementPlaneFixture b = plane("b", url)) {
            long start = revision(a.admin("PUT", "/admin/namedValues/seed", "{\"displayName\": \"seed\", \"value\": \"0\"}"));
            ConcurrentLinkedQueue<Long> revisions = new ConcurrentLinkedQueue<>();
            ExecutorService writers = Executors.newFixedThreadPool(2 * writersPerPlane);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 2 * writersPerPlane; w++) {
                ManagementPlaneFixture through = w % 2 == 0 ? a : b;
                String writer = "w" + w;
                done.add(writers.submit(() -> {
                    go.await();
                    for (int i = 0; i < writesEach; i++) {
                        String id = writer + "-" + i;
                        HttpResponse<String> put = through.admin("PUT", "/admin/namedValues/" + id,
                                "{\"displayName\": \"" + id + "\", \"value\": \"" + i + "\"}");
                        assertEquals(201, put.statusCode(), put.body());
                        revisions.add(revision(put));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> writer : done) {
                writer.get();
            }
            writers.shutdown();
            int total = 2 * writersPerPlane * writesEach;
            List<Long> sorted = revisions.stream().sorted().toList();
            List<Long> expected = new ArrayList<>();
            for (long r = start + 1; r <= start + total; r++) {
                expected.add(r);
            }
            assertEquals(expected, sorted, "distinct, consecutive revisions");
            Await.until("both serve the newest revision", BOUND, () ->
                    revision(a.admin("GET", "/admin/config", null)) == start + total
                            && revision(b.admin("GET", "/admin/config", null)) == start + total);
            String throughA = a.admin("GET", "/admin/config", null).body();
            assertEquals(Json.parse(throughA), Json.parse(b.admin("GET", "/admin/config", null).body()),
                    "the same document on both");
            Set<String> kept = PostgresStores.namedValueIds(throughA);
            for (int w = 0; w < 2 * writersPerPlane; w++) {
                for (int i = 0; i < writesEach; i++) {
                    assertTrue(kept.contains("w" + w + "-" + i), "w" + w + "-" + i + " kept: " + kept);
                }
            }
        }
    }

    @Test
    void flywayKeepsTheSchemaAndThePasswordComesFromTheEnvironment() throws Exception {
        String url = postgres.createDatabase("environment");
        Map<String, String> values = PostgresStores.settings(postgres, url, "30s");
        values.remove(ManagementSettings.STORE_PASSWORD);
        values.putAll(Map.of(ManagementSettings.HTTP_PORT, "0", ManagementSettings.HTTP_HOST, "127.0.0.1",
                ManagementSettings.DATA_DIR, dir.resolve("env").toString(),
                ManagementSettings.ADMIN_TOKEN, ManagementPlaneFixture.ADMIN_TOKEN));
        try (ManagementPlane plane = ManagementPlane.start(Settings.resolve(ManagementSettings.ALL, Map.of(),
                Map.of("STORE_PASSWORD", postgres.password()), Map.of(), values))) {
            assertTrue(plane.describe().toString().contains("store: " + url), plane.describe().toString());
        }
        assertEquals("1,2,3,4", postgres.psql("environment",
                "SELECT string_agg(version, ',' ORDER BY installed_rank) FROM flyway_schema_history WHERE success"));

        String wrong = "not-the-password-" + System.nanoTime();
        SettingsException refused = assertThrows(SettingsException.class, () -> ManagementPlane.start(Settings.resolve(
                ManagementSettings.ALL, Map.of(), Map.of("STORE_PASSWORD", wrong), Map.of(), values)));
        System.out.println("wrong store password: " + refused.getMessage());
        assertTrue(refused.getMessage().contains("cannot open the store " + url + " as user '" + postgres.user() + "'"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("password authentication failed"), refused.getMessage());
        assertFalse(refused.getMessage().contains(wrong), "the password is not shown");
        assertFalse(refused.getMessage().contains(postgres.password()), "nor the right one");

        Map<String, String> withoutKey = new HashMap<>(values);
        withoutKey.remove(ManagementSettings.STORE_KEY);
        SettingsException noKey = assertThrows(SettingsException.class, () -> ManagementPlane.start(Settings.resolve(
                ManagementSettings.ALL, Map.of(), Map.of("STORE_PASSWORD", postgres.password()), Map.of(), withoutKey)));
        assertTrue(noKey.getMessage().contains("'store.encryption.key' is required with store.type=postgresql"),
                noKey.getMessage());
    }

    /** The policy of API hello as a plane serves it to an admin. */
    private static String helloPolicy(ManagementPlaneFixture plane) throws Exception {
        HttpResponse<String> read = plane.admin("GET", "/admin/apis/hello", null);
        assertEquals(200, read.statusCode(), read.body());
        return Json.text(Json.parse(read.body()), "policy");
    }

    @Test
    void withTheDatabaseDownWritesAnswer503ReadsServeFromMemoryAndWritingResumes() throws Exception {
        String url = postgres.createDatabase("outage");
        try (ManagementPlaneFixture a = plane("a", url); ManagementPlaneFixture b = plane("b", url)) {
            assertEquals(201, a.admin("PUT", "/admin/apis/hello", hello("before")).statusCode());
            Await.until("B knows API hello", BOUND, () -> b.admin("GET", "/admin/apis/hello", null).statusCode() == 200);
            postgres.stop();
            try {
                HttpResponse<String> write = a.admin("PUT", "/admin/apis/hello", hello("during"));
                assertTrue(Json.error(write.body(), 503).contains("store (database) cannot be reached"), write.body());
                assertTrue(helloPolicy(a).contains("before"));
                assertTrue(helloPolicy(b).contains("before"));
            } finally {
                postgres.start();
            }
            Await.until("writes succeed once PostgreSQL is back", BOUND,
                    () -> a.admin("PUT", "/admin/apis/hello", hello("after")).statusCode() == 200);
            assertTrue(helloPolicy(a).contains("after"));
            // B's listener lost its connection; only its reconnect (re-read, then LISTEN) explains this,
            // the safety-net re-read being an hour away
            Await.until("B's listener reconnected and brought in A's change", BOUND,
                    () -> helloPolicy(b).contains("after"));
        }
        assertFalse(PostgresStores.listenerRunning(), "closing the planes stopped their store listeners");
    }
}
