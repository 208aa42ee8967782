package dev.breakwater.war;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.testing.Json;
import dev.breakwater.gateway.testing.TestBackend;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.catalina.Context;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built WAR, unchanged, in an embedded Tomcat 10.1 whose web application sees only Tomcat,
 * the JDK and what the WAR ships ({@link IsolatingClassLoader}): it proxies, refuses to deploy
 * with a bad configuration, and survives a stop and start of its context.
 */
class TomcatDeploymentIT {

    private static TestBackend backend;

    @TempDir
    Path tempDir;
    private final TomcatLog log = new TomcatLog();
    private Tomcat tomcat;
    private Context context;
    private AutoCloseable settings;

    @BeforeAll
    static void startBackend() throws Exception {
        backend = new TestBackend();
    }

    @AfterAll
    static void stopBackend() throws Exception {
        backend.close();
    }

    @BeforeEach
    void captureLog() {
        log.attach();
    }

    @AfterEach
    void stopTomcat() throws Exception {
        try {
            if (tomcat != null) {
                tomcat.stop();
                tomcat.destroy();
            }
        } finally {
            log.detach();
            if (settings != null) {
                settings.close();
            }
        }
    }

    @Test
    void proxiesThroughTomcat() throws Exception {
        deploy(WarFixtures.settingsFile(tempDir, "gateway-config.json", backend.url(), Map.of()));
        assertTrue(context.getState().isAvailable(), () -> "state " + context.getState());
        // The WAR's META-INF/context.xml was read: a servlet failing to start fails the deployment.
        assertEquals(Boolean.TRUE, ((StandardContext) context).getFailCtxIfServletStartFails(),
                "failCtxIfServletStartFails");

        ProxyChecks.assertProxies(gatewayUrl());
        ProxyChecks.assertUnknownPathIsJson404(gatewayUrl());
        ProxyChecks.assertReady(gatewayUrl());
    }

    @Test
    void keepsProxyingAfterTheContextIsStoppedAndStartedAgain() throws Exception {
        deploy(WarFixtures.settingsFile(tempDir, "gateway-config.json", backend.url(), Map.of()));
        ProxyChecks.assertProxies(gatewayUrl());

        context.stop();
        assertNotEquals(200, ProxyChecks.readinessStatus(gatewayUrl()), "a stopped context must not answer ready");

        context.start();
        assertTrue(context.getState().isAvailable(), () -> "state " + context.getState());
        ProxyChecks.assertProxies(gatewayUrl());
        ProxyChecks.assertReady(gatewayUrl());
    }

    @Test
    void redeployingLeavesNoStaleMBeans() throws Exception {
        deploy(WarFixtures.settingsFile(tempDir, "gateway-config.json", backend.url(), Map.of()));
        ProxyChecks.assertProxies(gatewayUrl());
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName all = new ObjectName("breakwater.gw:*");
        assertTrue(server.isRegistered(new ObjectName("breakwater.gw:type=Gateway")), "the status MBean, named by context");
        assertTrue(server.isRegistered(new ObjectName("breakwater.gw:type=api,api=orders,name=requests")),
                () -> "per-API metrics: " + server.queryNames(all, null));
        context.stop();
        assertEquals(0, server.queryNames(all, null).size(), () -> "stale: " + server.queryNames(all, null));

        context.start();
        ProxyChecks.assertProxies(gatewayUrl());
        assertTrue(server.isRegistered(new ObjectName("breakwater.gw:type=Gateway")), "registered again");
        assertEquals(1L, server.getAttribute(new ObjectName("breakwater.gw:type=api,api=orders,name=requests"), "Count"),
                "the new deployment counts from zero, in MBeans of its own");
        assertFalse(log.text().contains("InstanceAlreadyExists"), log::text);
    }

    @Test
    void adminEndpointsUnderAPathNeedTheToken() throws Exception {
        deploy(WarFixtures.settingsFile(tempDir, "gateway-config.json", backend.url(),
                Map.of("server.admin.path", "/_admin", "server.admin.token", "war-admin-token")));
        var http = java.net.http.HttpClient.newHttpClient();
        var status = java.net.http.HttpRequest.newBuilder(java.net.URI.create(gatewayUrl() + "/_admin/status"));
        assertEquals(401, http.send(status.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
        var answer = http.send(status.header("Authorization", "Bearer war-admin-token").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        var parsed = Json.parse(answer.body());
        assertEquals("standalone", Json.text(parsed, "mode"));
        assertTrue(Json.bool(parsed, "ready"), answer.body());
        var metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(gatewayUrl() + "/_admin/metrics"))
                .header("Authorization", "Bearer war-admin-token").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(metrics.body().contains("jvm_memory_heap_used"), metrics.body());
    }

    @Test
    void aBrokenConfigurationDocumentFailsTheDeployment() throws Exception {
        deploy(WarFixtures.settingsFile(tempDir, "broken-config.json", backend.url(), Map.of()));

        assertDeploymentFailed("unknown property 'servceUrl'");
    }

    @Test
    void aMisspeltSettingFailsTheDeployment() throws Exception {
        deploy(WarFixtures.settingsFile(tempDir, "gateway-config.json", backend.url(),
                Map.of("proxy.max.thread", "16")));

        assertDeploymentFailed("unknown setting 'proxy.max.thread'");
    }

    @Test
    void aManagedGatewayNeedsAnExplicitBackupPathInAContainer() throws Exception {
        deploy(WarFixtures.managedSettingsFile(tempDir, Map.of("config.service.endpoint", "http://127.0.0.1:9",
                "gateway.name", "gw", "config.service.auth", "GatewayKey gw&209901010000&eA==")));

        assertDeploymentFailed("setting 'config.backup.path' is required");
    }

    @Test
    void aManagedGatewayWithNeitherManagementPlaneNorBackupFailsTheDeployment() throws Exception {
        deploy(WarFixtures.managedSettingsFile(tempDir, Map.of("config.service.endpoint", "http://127.0.0.1:9",
                "gateway.name", "gw", "config.service.auth", "GatewayKey gw&209901010000&eA==",
                "config.backup.enabled", "false", "config.startup.timeout", "2s")));

        assertDeploymentFailed("no configuration from the management plane at http://127.0.0.1:9 within 2 s");
    }

    private void assertDeploymentFailed(String reason) throws Exception {
        assertFalse(context.getState().isAvailable(), () -> "state " + context.getState());
        assertEquals(404, ProxyChecks.readinessStatus(gatewayUrl()), "nothing may answer in a failed context");
        String expected = "Breakwater gateway cannot start in context '" + WarFixtures.CONTEXT_PATH + "': ";
        assertTrue(log.hasFailure(expected, reason), () -> "no failure '" + expected + "..." + reason
                + "' in the log:\n" + log.text());
    }

    /** Starts Tomcat on a loopback ephemeral port with the WAR at {@code /gw}, configured by the settings file. */
    private void deploy(Path settingsFile) throws Exception {
        Path base = tempDir.resolve("tomcat");
        Files.createDirectories(base.resolve("webapps")); // where Tomcat unpacks the WAR
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        // Tomcat's embedded defaults declare a JSP servlet, whose Jasper is not on the test class
        // path (Tomcat would log SEVERE for it); the gateway's /* mapping takes every request anyway.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        context = tomcat.addWebapp(WarFixtures.CONTEXT_PATH, WarFixtures.war().toString());
        context.setParentClassLoader(new IsolatingClassLoader(getClass().getClassLoader()));
        // Read by the listener at every start of the context, so it stays set until the test ends.
        settings = WarFixtures.useSettings(settingsFile);
        tomcat.start(); // a failing web application does not fail start(): its context is left unavailable
    }

    private String gatewayUrl() {
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + WarFixtures.CONTEXT_PATH;
    }
}
