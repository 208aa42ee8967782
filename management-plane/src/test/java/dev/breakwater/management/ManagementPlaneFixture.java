package dev.breakwater.management;

import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.testing.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A real management plane in this JVM, on a loopback port, with its H2 store in a temp dir. */
final class ManagementPlaneFixture implements AutoCloseable {

    static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    final Path dataDir;
    final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> extra;
    private ManagementPlane plane;
    private int port;

    ManagementPlaneFixture(Path dataDir) throws Exception {
        this(dataDir, Map.of());
    }

    /** @param extra more settings, or overrides of these */
    ManagementPlaneFixture(Path dataDir, Map<String, String> extra) throws Exception {
        this.dataDir = dataDir;
        this.extra = Map.copyOf(extra);
        start(0);
    }

    private void start(int onPort) throws Exception {
        Map<String, String> values = new HashMap<>(Map.of(
                ManagementSettings.HTTP_PORT, String.valueOf(onPort),
                ManagementSettings.HTTP_HOST, "127.0.0.1",
                ManagementSettings.DATA_DIR, dataDir.toString(),
                ManagementSettings.ADMIN_TOKEN, ADMIN_TOKEN));
        values.putAll(extra);
        plane = ManagementPlane.start(Settings.resolve(ManagementSettings.ALL, Map.of(), Map.of(), Map.of(), values));
        port = plane.port();
    }

    int port() {
        return port;
    }

    /** The HTTPS listener's port, or -1 when it is off. */
    int httpsPort() {
        return plane.httpsPort();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops the management plane, as a crash or an upgrade would. */
    void stop() throws Exception {
        plane.close();
        plane = null;
    }

    /** Starts it again on the same port and data. */
    void restart() throws Exception {
        start(port);
    }

    /** Gateway long polls the management plane holds open now. */
    int heldPolls() {
        return plane.heldPolls();
    }

    HttpResponse<String> admin(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json, "application/json", "Bearer " + ADMIN_TOKEN);
    }

    HttpResponse<String> adminXml(String method, String path, String xml) throws IOException, InterruptedException {
        return send(method, path, xml, "application/xml", "Bearer " + ADMIN_TOKEN);
    }

    HttpResponse<String> send(String method, String path, String body, String contentType, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A new token for a gateway, signed with the given key. */
    String token(String gatewayId, String keyType) throws IOException, InterruptedException {
        HttpResponse<String> response = admin("POST", "/admin/gateways/" + gatewayId + "/tokens",
                "{\"keyType\": \"" + keyType + "\"}");
        if (response.statusCode() != 200) {
            throw new AssertionError("no token: " + response.statusCode() + " " + response.body());
        }
        return Json.text(Json.parse(response.body()), "value");
    }

    @Override
    public void close() throws Exception {
        if (plane != null) {
            plane.close();
        }
    }
}
