package dev.breakwater.war;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.bootstrap.Gateway;
import dev.breakwater.gateway.testing.TestBackend;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built WAR, unchanged, in an embedded Jetty 12 (ee10), as a standalone Jetty would deploy
 * it: webapp classes isolated from the server's, the WAR's own Jetty client beside the server.
 */
class JettyDeploymentIT {

    @TempDir
    Path tempDir;
    private TestBackend backend;
    private Server server;
    private ServerConnector connector;
    private WebAppContext webapp;
    private AutoCloseable settings;

    @BeforeEach
    void deploy() throws Exception {
        backend = new TestBackend();
        Path settingsFile = WarFixtures.settingsFile(tempDir, "gateway-config.json", backend.url(), Map.of());

        server = new Server();
        connector = WarFixtures.onLoopback(new ServerConnector(server));
        webapp = WarFixtures.webapp(tempDir);
        server.setHandler(webapp);
        settings = WarFixtures.useSettings(settingsFile);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (server != null) {
                server.stop();
            }
        } finally {
            backend.close();
            if (settings != null) {
                settings.close();
            }
        }
    }

    @Test
    void proxiesThroughJetty() throws Exception {
        assertTrue(webapp.isAvailable(), "the web application is available");
        // The gateway that serves is the WAR's copy, not the test class path's.
        assertNotSame(Gateway.class, webapp.getClassLoader().loadClass(Gateway.class.getName()));

        String gatewayUrl = "http://127.0.0.1:" + connector.getLocalPort() + WarFixtures.CONTEXT_PATH;
        ProxyChecks.assertProxies(gatewayUrl);
        ProxyChecks.assertUnknownPathIsJson404(gatewayUrl);
        ProxyChecks.assertReady(gatewayUrl);
    }
}
