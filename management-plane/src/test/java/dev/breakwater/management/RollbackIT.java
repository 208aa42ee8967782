package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.settings.GatewaySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A management plane whose store is put back to an older copy (a restore from backup) offers
 * its gateways older revisions, and later other content under revisions they already serve. A
 * connected gateway refuses both, keeps serving, and says why and what to do in its status and
 * in the management plane's (heartbeats a minute apart: the refusal is reported at once); it
 * takes the management plane's configuration again once the revision passes its own, or when
 * restarted.
 */
class RollbackIT {

    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final Map<String, String> SLOW_HEARTBEATS = Map.of(GatewaySettings.HEARTBEAT_INTERVAL, "60s");

    @TempDir
    Path dir;

    private static String hello(String body) {
        return "{\"path\": \"hello\", \"subscriptionRequired\": false, \"policy\": \"<policies><inbound><return-response>"
                + "<set-status code=\\\"200\\\"/><set-body>" + body + "</set-body></return-response></inbound></policies>\"}";
    }

    private static long put(ManagementPlaneFixture plane, String body) throws Exception {
        HttpResponse<String> write = plane.admin("PUT", "/admin/apis/hello", hello(body));
        assertEquals(200, write.statusCode(), write.body());
        return Long.parseLong(write.headers().firstValue("Breakwater-Revision").orElseThrow());
    }

    /** A plane with API "hello" assigned to gateway "gw", at revision 2 with body "old". */
    private ManagementPlaneFixture plane() throws Exception {
        ManagementPlaneFixture plane = new ManagementPlaneFixture(dir.resolve("data"));
        plane.admin("PUT", "/admin/gateways/gw", "{}");
        plane.admin("PUT", "/admin/apis/hello", hello("first"));
        plane.admin("PUT", "/admin/gateways/gw/apis/hello", null);
        assertEquals(4, put(plane, "old"));
        return plane;
    }

    private static void awaitBody(ManagedGateway gateway, String body) throws Exception {
        gateway.awaitResponse("/hello", response -> response.statusCode() == 200 && response.body().equals(body), BOUND);
    }

    @Test
    void anOlderRevisionAndOtherContentUnderTheSameRevisionAreRefusedUntilTheRevisionPassesOnward() throws Exception {
        try (ManagementPlaneFixture plane = plane()) {
            Path olderCopy = snapshotStore(plane);
            try (ManagedGateway gateway = new ManagedGateway(plane.url(), "gw", plane.token("gw", "primary"),
                    dir.resolve("backup"), SLOW_HEARTBEATS)) {
                put(plane, "newer");
                assertEquals(6, put(plane, "newest"));
                awaitBody(gateway, "newest");
                String instance = GatewayState.text(GatewayState.gatewayStatus(gateway), "instanceId");

                restoreStore(plane, olderCopy); // back to revision 4
                JsonNode refused = GatewayState.await(() -> GatewayState.gatewayStatus(gateway),
                        status -> String.valueOf(GatewayState.text(status, "lastError")).startsWith("rollback refused"),
                        BOUND, "the rollback refused in the gateway's status");
                assertEquals(6, refused.path("revision").asLong());
                String error = GatewayState.text(refused, "lastError");
                assertTrue(error.contains("offers revision 4, older than revision 6 served here"), error);
                assertTrue(error.contains("restart this gateway"), "says what to do: " + error);
                assertEquals("newest", gateway.get("/hello").body(), "still serving revision 6");
                JsonNode inPlane = GatewayState.await(() -> GatewayState.instanceInPlane(plane, "gw", instance),
                        node -> String.valueOf(GatewayState.text(node, "lastError")).startsWith("rollback refused"),
                        BOUND, "the refusal in the management plane's status");
                assertEquals(6, inPlane.path("revision").asLong());

                put(plane, "forked 5");
                assertEquals(6, put(plane, "forked 6")); // revision 6 again, other content
                JsonNode conflict = GatewayState.await(() -> GatewayState.gatewayStatus(gateway),
                        status -> String.valueOf(GatewayState.text(status, "lastError"))
                                .startsWith("conflicting revision refused"), BOUND, "the conflicting revision refused");
                assertTrue(GatewayState.text(conflict, "lastError").contains("offers revision 6 (sha256 "),
                        conflict.toString());
                GatewayState.await(() -> GatewayState.instanceInPlane(plane, "gw", instance),
                        node -> String.valueOf(GatewayState.text(node, "lastError")).startsWith("conflicting revision"),
                        BOUND, "the conflict in the management plane's status");
                assertEquals("newest", gateway.get("/hello").body(), "still serving the first revision 6");

                assertEquals(7, put(plane, "forked 7"));
                awaitBody(gateway, "forked 7");
                JsonNode applied = GatewayState.await(() -> GatewayState.instanceInPlane(plane, "gw", instance),
                        node -> node.path("revision").asLong() == 7, BOUND, "revision 7 in the management plane's status");
                assertNull(GatewayState.text(applied, "lastError"), applied.toString());
                assertNull(GatewayState.text(GatewayState.gatewayStatus(gateway), "lastError"));
            }
        }
    }

    @Test
    void aRestartedGatewayTakesTheRestoredManagementPlanesRevision() throws Exception {
        try (ManagementPlaneFixture plane = plane()) {
            Path olderCopy = snapshotStore(plane);
            String token = plane.token("gw", "primary");
            try (ManagedGateway gateway = new ManagedGateway(plane.url(), "gw", token, dir.resolve("backup"),
                    SLOW_HEARTBEATS)) {
                put(plane, "newer");
                awaitBody(gateway, "newer");
                restoreStore(plane, olderCopy);
                GatewayState.await(() -> GatewayState.gatewayStatus(gateway),
                        status -> String.valueOf(GatewayState.text(status, "lastError")).startsWith("rollback refused"),
                        BOUND, "the rollback refused");
            }
            try (ManagedGateway restarted = new ManagedGateway(plane.url(), "gw", token, dir.resolve("backup"),
                    SLOW_HEARTBEATS)) {
                awaitBody(restarted, "old");
                JsonNode status = GatewayState.gatewayStatus(restarted);
                assertEquals(4, status.path("revision").asLong());
                assertNull(GatewayState.text(status, "lastError"));
            }
        }
    }

    /** A copy of the store as it is now, taken while the management plane is stopped. */
    private Path snapshotStore(ManagementPlaneFixture plane) throws Exception {
        Path copy = dir.resolve("store-copy");
        plane.stop();
        copyTree(plane.dataDir, copy);
        plane.restart();
        return copy;
    }

    /** Stops the management plane, puts the copy back in place of its store, starts it again. */
    private static void restoreStore(ManagementPlaneFixture plane, Path copy) throws Exception {
        plane.stop();
        deleteTree(plane.dataDir);
        copyTree(copy, plane.dataDir);
        plane.restart();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
