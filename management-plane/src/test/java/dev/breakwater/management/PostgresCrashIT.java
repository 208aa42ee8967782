package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.JavaProcess;
import dev.breakwater.gateway.testing.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a management plane (its own process) on a shared PostgreSQL while writes stream
 * through it: every write it answered 2xx is there afterwards, read through the other instance,
 * and through the killed one restarted.
 */
class PostgresCrashIT {

    private static final Path PLANE = Path.of("target", "management-plane.jar").toAbsolutePath();
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final int TRIALS = 3;

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyAnsweredWriteSurvivesAKillOfTheInstanceThatAnsweredIt() throws Exception {
        try (PostgresServer postgres = PostgresServer.startOnFreePort()) {
            String url = postgres.createDatabase("crash");
            try (ManagementPlaneFixture survivor = new ManagementPlaneFixture(dir.resolve("b"),
                    PostgresStores.settings(postgres, url, "1h"))) {
                Map<String, Long> answered = new ConcurrentHashMap<>();
                for (int trial = 0; trial < TRIALS; trial++) {
                    try (JavaProcess victim = start(postgres, url)) {
                        String victimUrl = "http://127.0.0.1:" + victim.awaitPort("management plane listening on port", BOUND);
                        AtomicBoolean streaming = new AtomicBoolean(true);
                        int killAfter = answered.size() + 10 + 7 * trial; // a different point of the stream each trial
                        int before = answered.size();
                        String prefix = "t" + trial + "-";
                        Thread writes = new Thread(() -> stream(victimUrl, prefix, streaming, answered), "writes");
                        writes.start();
                        try {
                            Await.until("writes answered through the victim", BOUND,
                                    () -> answered.size() >= killAfter || !writes.isAlive());
                            victim.kill();
                        } finally {
                            streaming.set(false);
                            writes.join(BOUND.toMillis());
                        }
                        assertTrue(answered.size() > before, "trial " + trial + ": writes were answered: "
                                + victim.output());
                    }
                    long newest = answered.values().stream().mapToLong(Long::longValue).max().orElseThrow();
                    Await.until("the survivor serves revision " + newest, BOUND,
                            () -> revision(survivor.admin("GET", "/admin/config", null)) >= newest);
                    assertAllPresent(survivor.admin("GET", "/admin/config", null).body(), answered, "the survivor");
                }
                try (JavaProcess restarted = start(postgres, url)) {
                    String restartedUrl = "http://127.0.0.1:" + restarted.awaitPort("management plane listening on port", BOUND);
                    assertAllPresent(get(restartedUrl, "/admin/config").body(), answered, "the killed one, restarted");
                }
                System.out.printf("kill -9 of a management plane on PostgreSQL: %d trials, %d answered writes, none lost%n",
                        TRIALS, answered.size());
            }
        }
    }

    private static void assertAllPresent(String config, Map<String, Long> answered, String where) {
        Set<String> present = PostgresStores.namedValueIds(config);
        List<String> missing = new ArrayList<>();
        for (String id : answered.keySet()) {
            if (!present.contains(id)) {
                missing.add(id + " (revision " + answered.get(id) + ")");
            }
        }
        assertEquals(List.of(), missing, "answered writes missing in " + where);
    }

    /** Writes named values one after another until stopped or the victim is gone; records those answered 2xx. */
    private void stream(String url, String prefix, AtomicBoolean streaming, Map<String, Long> answered) {
        for (int i = 0; streaming.get() && i < 10_000; i++) {
            String id = prefix + i;
            try {
                HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(url + "/admin/namedValues/" + id))
                        .header("Authorization", "Bearer " + ManagementPlaneFixture.ADMIN_TOKEN)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\": \"" + id + "\", \"value\": \"" + i + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (put.statusCode() / 100 == 2) {
                    answered.put(id, revision(put));
                }
            } catch (Exception gone) {
                return; // killed: this write was never answered
            }
        }
    }

    private HttpResponse<String> get(String url, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + ManagementPlaneFixture.ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long revision(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("Breakwater-Revision").orElseThrow());
    }

    private JavaProcess start(PostgresServer postgres, String url) throws Exception {
        return JavaProcess.start(PLANE, dir, List.of("-Xmx128m"), Map.of("STORE_PASSWORD", postgres.password()),
                "--server.http.port=0", "--server.http.host=127.0.0.1", "--data.dir=" + dir.resolve("a"),
                "--admin.token=" + ManagementPlaneFixture.ADMIN_TOKEN, "--store.type=postgresql", "--store.url=" + url,
                "--store.user=" + postgres.user(), "--store.encryption.key=" + PostgresStores.STORE_KEY,
                "--store.poll.interval=1h");
    }
}
