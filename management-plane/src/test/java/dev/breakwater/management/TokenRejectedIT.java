package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.testing.JavaProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway runner whose token the management plane refuses says so once, clearly, without a
 * stack trace, keeps retrying until its start-up timeout, then gives up with one line saying
 * what to do; the token never appears in its log.
 */
class TokenRejectedIT {

    private static final Path GATEWAY = Path.of("..", "gateway-runner", "target", "gateway-runner.jar")
            .toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void rejectedTokenIsLoggedOnceAndTheStartGivesUp() throws Exception {
        try (ManagementPlaneFixture plane = new ManagementPlaneFixture(dir.resolve("data"))) {
            plane.admin("PUT", "/admin/gateways/gw-1", "{}");
            String token = plane.token("gw-1", "primary");
            plane.admin("POST", "/admin/gateways/gw-1/keys/primary/regenerate", null);
            try (JavaProcess gateway = JavaProcess.start(GATEWAY, dir, List.of("-Xmx128m"), Map.of("CONFIG_SERVICE_AUTH", token),
                    "--server.http.port=0", "--server.http.host=127.0.0.1", "--gateway.name=gw-1",
                    "--config.service.endpoint=" + plane.url(), "--config.sync.interval=1s", "--server.admin.port=-1",
                    "--config.backup.path=" + dir.resolve("backup"), "--config.startup.timeout=5s")) {
                assertEquals(1, gateway.awaitExit(Duration.ofSeconds(30)), "no configuration, no start");
                String log = gateway.output();
                assertTrue(log.contains("no configuration from the management plane at " + plane.url()), log);
                assertTrue(log.contains("the backup in"), "says there is no backup to start from:\n" + log);
                assertEquals(1, log.split("gateway token rejected", -1).length - 1, log);
                assertFalse(log.contains("\tat "), "no stack trace:\n" + log);
                assertFalse(log.contains(token.substring(token.lastIndexOf('&') + 1)), "the token is not logged");
            }
        }
    }
}
