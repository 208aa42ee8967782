package dev.breakwater.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.metrics.RequestCounters;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.snapshot.ActiveConfig;
import dev.breakwater.gateway.snapshot.SnapshotCompiler;
import dev.breakwater.gateway.testing.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** Before a configuration is served the gateway is not ready and says so; then it is. */
class NotYetServingTest {

    @Test
    void readinessIs503UntilASnapshotIsServed() throws Exception {
        ActiveConfig config = new ActiveConfig();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.setAttribute("org.eclipse.jetty.server.Executor", server.getThreadPool());
        ServletHolder gateway = new ServletHolder(new GatewayServlet(config, new RequestCounters(), ProxyOptions.defaults()));
        gateway.setAsyncSupported(true);
        context.addServlet(gateway, "/*");
        context.addServlet(new ServletHolder(new ReadinessServlet(config)), ReadinessServlet.PATH);
        server.setHandler(context);
        server.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + connector.getLocalPort();
            assertEquals(503, get(client, base + ReadinessServlet.PATH).statusCode());
            HttpResponse<String> early = get(client, base + "/any/api");
            assertEquals(503, early.statusCode());
            Json.error(early.body(), 503);

            config.swap(new SnapshotCompiler(PolicyTesting.REGISTRY, Clock.systemUTC()).compile(
                    "{\"revision\": 1}".getBytes(StandardCharsets.UTF_8), "test"));
            assertEquals(200, get(client, base + ReadinessServlet.PATH).statusCode());
            assertEquals(404, get(client, base + "/any/api").statusCode(), "served, and this API is not in it");
        } finally {
            server.stop();
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
