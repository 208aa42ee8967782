package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** What an operator sees when starting the management plane's jar: version, busy port, typo, banner. */
class ManagementPlaneFirstRunIT {

    private static final Path JAR = Path.of("target", "management-plane.jar").toAbsolutePath();
    private static final Duration EXIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private JavaProcess run(String... arguments) throws Exception {
        return JavaProcess.start(JAR, dir, List.of("-Xmx128m"), Map.of("ADMIN_TOKEN", "first-run-admin-token"), arguments);
    }

    @Test
    void versionPrintsTheBuildsVersion() throws Exception {
        try (JavaProcess plane = run("--version")) {
            assertEquals(0, plane.awaitExit(EXIT));
            assertEquals("Breakwater management plane " + Version.current(), plane.output().strip());
        }
    }

    @Test
    void aBusyPortNamesTheSettingAndNothingIsCreated() throws Exception {
        Path data = dir.resolve("data");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             JavaProcess plane = run("--server.http.host=127.0.0.1", "--server.http.port=" + taken.getLocalPort(),
                     "--data.dir=" + data)) {
            assertEquals(1, plane.awaitExit(EXIT));
            String output = plane.output();
            assertTrue(output.contains("management plane: cannot start: the management plane's listener cannot bind 127.0.0.1:"
                    + taken.getLocalPort() + " (server.http.port): address already in use"), output);
            assertFalse(output.contains("Exception"), output);
            assertFalse(Files.exists(data), "no data directory for a management plane that cannot start");
        }
    }

    @Test
    void aTypoIsNamedWithTheManagementPlanesOwnHelp() throws Exception {
        try (JavaProcess plane = run("--server.http.prot=1")) {
            assertEquals(2, plane.awaitExit(EXIT));
            String output = plane.output();
            assertTrue(output.contains("unknown setting 'server.http.prot' on the command line; did you mean "
                    + "'server.http.port'?"), output);
            assertTrue(output.contains("java -jar management-plane.jar --help"), output);
            assertFalse(output.contains("runner"), "no pointer to the gateway runner:\n" + output);
        }
    }

    @Test
    void theBannerSaysVersionListenerAndData() throws Exception {
        Path data = dir.resolve("data");
        try (JavaProcess plane = run("--server.http.host=127.0.0.1", "--server.http.port=0", "--data.dir=" + data)) {
            int port = plane.awaitPort("management plane listening on port", Duration.ofSeconds(30));
            String output = plane.output();
            String banner = output.substring(output.indexOf("Breakwater management plane " + Version.current() + " started"));
            for (String line : List.of("management plane listening on port " + port + " (address 127.0.0.1; server.http.port",
                    "data: " + data.toAbsolutePath().normalize(), "admin token: the setting admin.token",
                    "configuration revision: 0", "settings file: none")) {
                assertTrue(banner.contains("\n  " + line), "banner line '" + line + "' missing:\n" + output);
            }
        }
    }
}
