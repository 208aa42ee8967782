package dev.breakwater.management;

import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.runner.GatewayServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/** A real gateway on the runner's Jetty, in this JVM, synced from a management plane. */
final class ManagedGateway implements AutoCloseable {

    final GatewayServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ManagedGateway(String managementPlaneUrl, String name, String token, Path backupDir) throws Exception {
        this(managementPlaneUrl, name, token, backupDir, Map.of());
    }

    /** @param extra more settings, or overrides of these */
    ManagedGateway(String managementPlaneUrl, String name, String token, Path backupDir, Map<String, String> extra)
            throws Exception {
        Map<String, String> values = new HashMap<>(Map.of(
                GatewaySettings.HTTP_PORT, "0",
                GatewaySettings.HTTP_HOST, "127.0.0.1",
                GatewaySettings.ADMIN_PORT, "0",
                GatewaySettings.GATEWAY_NAME, name,
                GatewaySettings.SERVICE_ENDPOINT, managementPlaneUrl,
                GatewaySettings.SERVICE_AUTH, token,
                GatewaySettings.SYNC_INTERVAL, "1s",
                GatewaySettings.HEARTBEAT_INTERVAL, "1s",
                GatewaySettings.BACKUP_PATH, backupDir.toString(),
                GatewaySettings.STARTUP_TIMEOUT, "15s"));
        values.put(GatewaySettings.JMX_ENABLED, "false"); // several gateways share this JVM's MBean server
        values.putAll(extra);
        server = GatewayServer.start(Settings.resolve(GatewaySettings.ALL, Map.of(), Map.of(), Map.of(), values));
    }

    /** The admin listener's {@code /status}, as JSON text. */
    String status() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + "/status")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls (bounded) until a response satisfies the condition; returns it. */
    HttpResponse<String> awaitResponse(String path, Predicate<HttpResponse<String>> condition, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no matching response from " + path + " within " + timeout + "; last: "
                + (last == null ? "none" : last.statusCode() + " " + last.headers().map() + " " + last.body()));
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
