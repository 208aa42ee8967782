package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.bootstrap.Version;
import dev.breakwater.gateway.testing.JavaProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user meets when starting the jar: the version, what to give it, a port in use,
 * a malformed setting, and the banner that says what started where.
 */
class RunnerFirstRunIT {

    private static final Path JAR = Path.of("target", "gateway-runner.jar").toAbsolutePath();
    private static final Duration EXIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private JavaProcess run(String... arguments) throws Exception {
        return JavaProcess.start(JAR, dir, List.of("-Xmx128m"), Map.of(), arguments);
    }

    private Path config() throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, document(1, null, api("a", "a", "http://127.0.0.1:9", null, "")));
        return config;
    }

    /** Output without a Java exception's class name or stack: the message alone must say it. */
    private static void assertNoInternals(String output) {
        assertFalse(output.contains("Exception") || output.contains("\tat "), "library internals shown:\n" + output);
    }

    @Test
    void versionPrintsTheBuildsVersion() throws Exception {
        try (JavaProcess runner = run("--version")) {
            assertEquals(0, runner.awaitExit(EXIT));
            assertNotEquals("development", Version.current());
            assertEquals("Breakwater gateway " + Version.current(), runner.output().strip());
        }
    }

    @Test
    void withoutArgumentsItExplainsTheConfigFileTheTwoModesAndHelp() throws Exception {
        try (JavaProcess runner = run()) {
            assertEquals(2, runner.awaitExit(EXIT));
            String output = runner.output();
            for (String expected : List.of("--config FILE", "standalone", "config.local.file", "managed",
                    "config.service.endpoint", "gateway.name", "CONFIG_SERVICE_AUTH", "--help", "--version")) {
                assertTrue(output.contains(expected), expected + " is not explained:\n" + output);
            }
            assertNoInternals(output);
        }
    }

    @Test
    void aBusyTrafficPortNamesTheListenerAndItsSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             JavaProcess runner = run("--config.local.file=" + config(), "--server.http.host=127.0.0.1",
                     "--server.http.port=" + taken.getLocalPort(), "--server.admin.port=0")) {
            assertEquals(1, runner.awaitExit(EXIT));
            String output = runner.output();
            assertTrue(output.contains("gateway: cannot start: the traffic listener cannot bind 127.0.0.1:"
                    + taken.getLocalPort() + " (server.http.port): address already in use"), output);
            assertTrue(output.contains("choose another port with server.http.port"), output);
            assertNoInternals(output);
        }
    }

    @Test
    void aBusyAdminPortNamesTheAdminListenerAndItsSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             JavaProcess runner = run("--config.local.file=" + config(), "--server.http.host=127.0.0.1",
                     "--server.http.port=0", "--server.admin.port=" + taken.getLocalPort())) {
            assertEquals(1, runner.awaitExit(EXIT));
            String output = runner.output();
            assertTrue(output.contains("the admin listener cannot bind 127.0.0.1:" + taken.getLocalPort()
                    + " (server.admin.port): address already in use"), output);
            assertNoInternals(output);
        }
    }

    @Test
    void aMalformedSettingOfTheOtherModeStopsAStandaloneGateway() throws Exception {
        try (JavaProcess runner = run("--config.local.file=" + config(), "--server.http.port=0",
                "--server.admin.port=-1", "--config.sync.interval=10")) {
            assertEquals(2, runner.awaitExit(EXIT));
            String output = runner.output();
            assertTrue(output.contains("setting 'config.sync.interval' must be a duration such as 500ms, 10s, 5m, 1h "
                    + "or 7d, not '10'"), output);
            assertTrue(output.contains("gateway-runner.jar --help"), output);
        }
    }

    @Test
    void aManagedGatewayMissingItsTokenCreatesNothing() throws Exception {
        Path backup = dir.resolve("backup");
        try (JavaProcess runner = run("--config.service.endpoint=http://127.0.0.1:9", "--gateway.name=g",
                "--config.backup.path=" + backup, "--server.http.port=0", "--server.admin.port=-1")) {
            assertEquals(2, runner.awaitExit(EXIT));
            assertTrue(runner.output().contains("setting 'config.service.auth' is required"), runner.output());
            assertFalse(Files.exists(backup), "no backup directory for a gateway that cannot start");
        }
    }

    @Test
    void anUnreachableManagementPlaneIsSaidInWordsNotExceptionNames() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort(); // nothing listens there once closed
        }
        try (JavaProcess runner = JavaProcess.start(JAR, dir, List.of("-Xmx128m"),
                Map.of("CONFIG_SERVICE_AUTH", "GatewayKey g&209901010000&eA=="), "--server.http.port=0",
                "--server.admin.port=-1", "--gateway.name=g", "--config.service.endpoint=http://127.0.0.1:" + closed,
                "--config.backup.enabled=false", "--config.startup.timeout=1s")) {
            assertEquals(1, runner.awaitExit(EXIT));
            String output = runner.output();
            assertTrue(output.contains("no configuration from the management plane at http://127.0.0.1:" + closed), output);
            assertTrue(output.contains("the management plane cannot be reached: connection refused"), output);
            assertFalse(output.contains("java.net") || output.contains("Exception"), output);
        }
    }

    @Test
    void theBannerSaysVersionModeListenersAndSettingsFile() throws Exception {
        Path settings = dir.resolve("gateway.properties");
        Files.writeString(settings, "config.local.file=" + config().toString().replace("\\", "/")
                + "\nserver.http.host=127.0.0.1\nserver.http.port=0\nserver.admin.port=0\nmetrics.jmx.enabled=false\n");
        try (JavaProcess runner = run("--config", settings.toString())) {
            int port = runner.awaitPort("gateway listening on port", Duration.ofSeconds(30));
            int adminPort = runner.awaitPort("admin listening on port", Duration.ofSeconds(5));
            String output = runner.output();
            String banner = output.substring(output.indexOf("Breakwater gateway " + Version.current() + " started"));
            for (String line : List.of("gateway listening on port " + port + " (address 127.0.0.1; server.http.port",
                    "admin listening on port " + adminPort + " (address 127.0.0.1; server.admin.port",
                    "mode: standalone", "configuration file: " + dir.resolve("config.json").toRealPath(),
                    "serving: revision 1 (1 APIs)", "settings file: " + settings.toAbsolutePath().normalize())) {
                assertTrue(banner.contains("\n  " + line), "banner line '" + line + "' missing:\n" + output);
            }
        }
    }
}
