package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestBackend;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fail static: a gateway keeps serving without its management plane, starts from its backup
 * when the management plane does not answer, refuses to start when it has neither, and
 * catches up on reconnect. Every cell of the README's start-up table.
 */
class FailStaticIT {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    ManagementPlaneFixture plane;
    TestBackend backend;
    Path backup;
    String token;

    @BeforeEach
    void start() throws Exception {
        plane = new ManagementPlaneFixture(dir.resolve("plane"));
        backend = new TestBackend();
        backup = dir.resolve("backup");
        plane.admin("PUT", "/admin/apis/echo", api("one"));
        plane.admin("PUT", "/admin/gateways/gw", "{\"apis\": [\"echo\"]}");
        token = plane.token("gw", "primary");
    }

    @AfterEach
    void stop() throws Exception {
        plane.close();
        backend.close();
    }

    private String api(String version) {
        return "{\"path\": \"echo\", \"serviceUrl\": \"" + backend.url() + "\", \"subscriptionRequired\": false,"
                + " \"policy\": \"<policies><inbound><base/><set-header name=\\\"X-Version\\\"><value>" + version
                + "</value></set-header></inbound></policies>\"}";
    }

    private static String version(HttpResponse<String> response) {
        try {
            return Echo.parse(response.body()).firstHeader("X-Version");
        } catch (Exception e) {
            return null;
        }
    }

    private ManagedGateway gateway(String endpoint, Map<String, String> extra) throws Exception {
        return new ManagedGateway(endpoint, "gw", token, backup, extra);
    }

    private static String unreachable() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    /** Runs a gateway against the management plane until it has backed up the current revision. */
    private void fillBackup() throws Exception {
        try (ManagedGateway gateway = gateway(plane.url(), Map.of())) {
            gateway.awaitResponse("/echo/x", response -> response.statusCode() == 200, BOUND);
        }
    }

    @Test
    void withAValidBackupItStartsAndServesWithoutTheManagementPlane() throws Exception {
        fillBackup();
        Instant started = Instant.now();
        try (ManagedGateway gateway = gateway(unreachable(), Map.of())) {
            HttpResponse<String> response = gateway.get("/echo/x");
            assertEquals(200, response.statusCode());
            assertEquals("one", version(response));
            assertEquals(200, gateway.get("/status-0123456789abcdef").statusCode(), "ready");
            JsonNode status = Json.parse(gateway.status());
            assertEquals("managed", Json.text(status, "mode"));
            assertTrue(Json.bool(status, "ready"));
            Instant since = Json.recentInstant(status, "servingFromBackupSince", Duration.ofMinutes(1));
            assertFalse(since.isBefore(started), "since this gateway started (" + started + "): " + status);
            assertEquals(2, Json.integer(status, "revision"));
            assertEquals(2, Json.integer(status, "backupRevision"));
            assertFalse(Json.bool(status, "connected"));
            assertTrue(Json.text(status, "lastError").contains("cannot be reached"), status.toString());
        }
    }

    @Test
    void withoutABackupItDoesNotStart() throws Exception {
        ConfigException disabled = assertThrows(ConfigException.class, () -> gateway(unreachable(),
                Map.of(GatewaySettings.BACKUP_ENABLED, "false", GatewaySettings.STARTUP_TIMEOUT, "2s")));
        assertTrue(disabled.getMessage().contains("the backup is disabled (config.backup.enabled=false)"),
                disabled.getMessage());
        assertTrue(disabled.getMessage().contains("cannot be reached"), disabled.getMessage());

        ConfigException empty = assertThrows(ConfigException.class, () -> gateway(unreachable(),
                Map.of(GatewaySettings.STARTUP_TIMEOUT, "2s")));
        assertTrue(empty.getMessage().contains("is empty"), empty.getMessage());
    }

    @Test
    void anUnreadableBackupIsSetAsideNotDeleted() throws Exception {
        Files.createDirectories(backup);
        Files.write(backup.resolve("config-backup.mv.db"), "this is not an H2 file".repeat(500).getBytes());
        ConfigException refused = assertThrows(ConfigException.class, () -> gateway(unreachable(),
                Map.of(GatewaySettings.STARTUP_TIMEOUT, "2s")));
        assertTrue(refused.getMessage().contains("is empty"), refused.getMessage());
        try (Stream<Path> files = Files.list(backup)) {
            assertTrue(files.anyMatch(file -> file.getFileName().toString().startsWith("config-backup.mv.db.unreadable-")),
                    "the unreadable file was kept under another name");
        }
        fillBackup(); // a new backup works
        try (ManagedGateway gateway = gateway(unreachable(), Map.of())) {
            assertEquals(200, gateway.get("/echo/x").statusCode());
        }
    }

    @Test
    void aTruncatedBackupNeverLeavesTheGatewayWithAStackTraceOnly() throws Exception {
        fillBackup();
        Path file = backup.resolve("config-backup.mv.db");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 3));
        try (ManagedGateway gateway = gateway(unreachable(), Map.of(GatewaySettings.STARTUP_TIMEOUT, "2s"))) {
            assertEquals("one", version(gateway.get("/echo/x")), "what H2 could recover is a complete generation");
        } catch (ConfigException refused) {
            assertTrue(refused.getMessage().contains("nothing to start from"), refused.getMessage());
        }
    }

    @Test
    void anOlderGenerationIsUsedWhenTheNewestIsDamaged() throws Exception {
        try (ManagedGateway gateway = gateway(plane.url(), Map.of())) {
            gateway.awaitResponse("/echo/x", response -> "one".equals(version(response)), BOUND);
            plane.admin("PUT", "/admin/apis/echo", api("two"));
            gateway.awaitResponse("/echo/x", response -> "two".equals(version(response)), BOUND);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + backup.resolve("config-backup"),
                "breakwater", "")) {
            connection.createStatement().executeUpdate("UPDATE generations SET document = X'7B7D' "
                    + "WHERE id = (SELECT MAX(id) FROM generations)");
        }
        try (ManagedGateway gateway = gateway(unreachable(), Map.of())) {
            assertEquals("one", version(gateway.get("/echo/x")), "the damaged newest generation was passed over");
        }
    }

    @Test
    void aConfigurationCutOffHalfWayIsNeverAppliedButAnEmptyOneIsWhenItIsReal() throws Exception {
        fillBackup();
        try (Relay relay = new Relay(port(plane.url()))) {
            relay.truncateAnswersAfter(220); // the headers and the start of the document
            try (ManagedGateway gateway = gateway(relay.url(), Map.of())) {
                assertEquals("one", version(gateway.get("/echo/x")), "the backup, not a half document");
                relay.restore();
                plane.admin("DELETE", "/admin/gateways/gw/apis/echo", null);
                gateway.awaitResponse("/echo/x", response -> response.statusCode() == 404, BOUND);
                JsonNode status = Json.parse(gateway.status());
                assertEquals(3, Json.integer(status, "revision"), "zero APIs, because the management plane says so");
                assertTrue(Json.bool(status, "connected"));
                Json.absent(status, "servingFromBackupSince");
            }
        }
    }

    private static long gauge(ManagedGateway gateway, String name) {
        return (Long) gateway.server.gateway().registry().getGauges().get(name).getValue();
    }

    private static int port(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    @Test
    void aRunningGatewayRidesOutAnOutageAndCatchesUpAtOnce() throws Exception {
        try (Relay relay = new Relay(port(plane.url()));
             ManagedGateway gateway = gateway(relay.url(), Map.of())) {
            gateway.awaitResponse("/echo/x", response -> "one".equals(version(response)), BOUND);
            Instant cut = Instant.now();
            relay.cut();
            plane.admin("PUT", "/admin/apis/echo", api("changed-while-cut-off"));
            plane.admin("PUT", "/admin/apis/more", "{\"path\": \"more\", \"serviceUrl\": \"" + backend.url()
                    + "\", \"subscriptionRequired\": false}");
            plane.admin("PUT", "/admin/gateways/gw/apis/more", null);
            // Traffic goes on, with what it had, across several failed pulls.
            long failuresBefore = gauge(gateway, "sync.pullFailures");
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (gauge(gateway, "sync.pullFailures") < failuresBefore + 2) {
                assertTrue(System.nanoTime() < deadline, "the gateway did not retry its pull");
                assertEquals("one", version(gateway.get("/echo/x")), "traffic goes on, with what it had");
            }
            JsonNode disconnected = Json.parse(gateway.status());
            assertFalse(Json.bool(disconnected, "connected"), disconnected.toString());
            Instant since = Json.recentInstant(disconnected, "disconnectedSince", Duration.ofMinutes(1));
            assertFalse(since.isBefore(cut), "disconnected since the cut at " + cut + ": " + disconnected);
            assertTrue(Json.integer(disconnected, "disconnectedSeconds") >= 0, disconnected.toString());
            assertTrue(Json.text(disconnected, "lastError").startsWith("pull: "), disconnected.toString());
            assertEquals(2, Json.integer(disconnected, "revision"), "still the revision it had");

            relay.restore();
            long restored = System.nanoTime();
            gateway.awaitResponse("/echo/x", response -> "changed-while-cut-off".equals(version(response)), BOUND);
            System.out.printf("catch-up after the network returned (sync interval 1 s, so back-off up to 6 s): %d ms%n",
                    (System.nanoTime() - restored) / 1_000_000);
            gateway.awaitResponse("/more/x", response -> response.statusCode() == 200, BOUND);
            JsonNode reconnected = Json.parse(gateway.status());
            assertTrue(Json.bool(reconnected, "connected"), reconnected.toString());
            Json.absent(reconnected, "disconnectedSince");
            Json.absent(reconnected, "lastError");
            assertEquals(5, Json.integer(reconnected, "revision"), reconnected.toString());
            assertEquals(5, Json.integer(reconnected, "backupRevision"), "the catch-up was backed up: " + reconnected);
            Json.recentInstant(reconnected, "lastSync", Duration.ofMinutes(1));
            assertTrue(gauge(gateway, "sync.pullFailures") > 0, "the outage shows in the metrics");
            assertEquals(5L, gauge(gateway, "sync.revision"));
            assertTrue(gauge(gateway, "backup.generations") >= 2, "generations kept");
            long lastWrite = gauge(gateway, "backup.lastWrite");
            assertTrue(lastWrite >= cut.getEpochSecond() && lastWrite <= Instant.now().getEpochSecond(),
                    "the backup was written after the cut: " + lastWrite);
        }
    }
}
