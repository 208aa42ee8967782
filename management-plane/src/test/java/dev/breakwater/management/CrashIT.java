package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.backup.BackupRestore;
import dev.breakwater.gateway.backup.ConfigBackup;
import dev.breakwater.gateway.backup.GatewayStore;
import dev.breakwater.gateway.policy.compile.PolicyRegistry;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.gateway.testing.JavaProcess;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a gateway at random moments while configuration changes stream in: after every
 * kill, the backup yields a complete generation, exactly as the management plane served that
 * revision; and a gateway restarted without its management plane serves it.
 */
class CrashIT {

    private static final int TRIALS = 20;
    private static final Path GATEWAY = Path.of("..", "gateway-runner", "target", "gateway-runner.jar")
            .toAbsolutePath().normalize();
    private static final Pattern MARKER = Pattern.compile("X-Marker\\\\\"><value>(\\d+)</value>");

    @TempDir
    Path dir;

    @Test
    void everyKillLeavesACompleteGenerationInTheBackup() throws Exception {
        Path backup = dir.resolve("backup");
        Map<Long, Integer> markerOfRevision = new ConcurrentHashMap<>();
        Random random = new Random(7);
        SnapshotCompiler compiler = new SnapshotCompiler(PolicyRegistry.builtIn(), Clock.systemUTC());
        try (ManagementPlaneFixture plane = new ManagementPlaneFixture(dir.resolve("plane"))) {
            plane.admin("PUT", "/admin/apis/echo", "{\"path\": \"echo\", \"serviceUrl\": \"http://127.0.0.1:9\","
                    + " \"subscriptionRequired\": false}");
            plane.admin("PUT", "/admin/gateways/gw", "{\"apis\": [\"echo\"]}");
            String token = plane.token("gw", "primary");
            AtomicBoolean streaming = new AtomicBoolean(true);
            Thread changes = new Thread(() -> streamChanges(plane, streaming, markerOfRevision), "changes");
            changes.start();
            try {
                for (int trial = 0; trial < TRIALS; trial++) {
                    try (JavaProcess gateway = start(token, plane.url(), backup)) {
                        gateway.awaitPort("gateway listening on port", Duration.ofSeconds(30));
                        Thread.sleep(50 + random.nextInt(1500));
                        gateway.kill();
                    }
                    try (GatewayStore.Opened store = GatewayStore.open(backup, null, Clock.systemUTC())) {
                        ConfigBackup restored = new ConfigBackup(store, 5, Clock.systemUTC());
                        BackupRestore.Result result = BackupRestore.newestValid(restored, compiler);
                        assertNotNull(result.snapshot(), "trial " + trial + ": " + result.whyNone());
                        assertTrue(result.generation().id() == restored.newestFirst().get(0).id(),
                                "trial " + trial + ": the newest generation is complete");
                        assertConsistent(result.generation(), markerOfRevision);
                    }
                }
            } finally {
                streaming.set(false);
                changes.join(10_000);
            }
            System.out.printf("crash test: %d kill -9 trials, %d changes streamed, 0 incomplete generations%n",
                    TRIALS, markerOfRevision.size());

            long started = System.nanoTime();
            try (JavaProcess gateway = start(token, unreachable(), backup)) {
                int port = gateway.awaitPort("gateway listening on port", Duration.ofSeconds(30));
                System.out.printf("start-up from the backup, management plane unreachable: %d ms to listening%n",
                        (System.nanoTime() - started) / 1_000_000);
                HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/status-0123456789abcdef")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ready.statusCode());
                assertTrue(gateway.output().contains("from the backup"), gateway.output());
            }
        }
    }

    private static void streamChanges(ManagementPlaneFixture plane, AtomicBoolean streaming, Map<Long, Integer> markers) {
        int marker = 0;
        while (streaming.get()) {
            marker++;
            try {
                HttpResponse<String> response = plane.adminXml("PUT", "/admin/apis/echo/policy",
                        "<policies><inbound><base/><set-header name=\"X-Marker\"><value>" + marker
                                + "</value></set-header></inbound></policies>");
                markers.put(Long.parseLong(response.headers().firstValue("Breakwater-Revision").orElseThrow()), marker);
                Thread.sleep(20);
            } catch (Exception e) {
                return;
            }
        }
    }

    /** The generation holds exactly what the management plane had at its revision. */
    private static void assertConsistent(ConfigBackup.Generation generation, Map<Long, Integer> markers) {
        Matcher matcher = MARKER.matcher(new String(generation.document(), StandardCharsets.UTF_8));
        Integer expected = markers.get(generation.revision());
        if (expected == null) {
            assertTrue(!matcher.find(), "revision " + generation.revision() + " came before the first marker");
            return;
        }
        assertTrue(matcher.find(), "revision " + generation.revision() + " has its marker");
        assertEquals(expected, Integer.parseInt(matcher.group(1)), "revision " + generation.revision());
    }

    private JavaProcess start(String token, String endpoint, Path backup) throws Exception {
        return JavaProcess.start(GATEWAY, dir, List.of("-Xmx128m"), Map.of("CONFIG_SERVICE_AUTH", token),
                "--server.http.port=0", "--server.http.host=127.0.0.1", "--server.admin.port=-1", "--gateway.name=gw",
                "--config.service.endpoint=" + endpoint, "--config.backup.path=" + backup,
                "--config.startup.timeout=20s", "--heartbeat.interval=60s");
    }

    private static String unreachable() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
