package dev.breakwater.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.testing.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real runner's Jetty with a gateway, in this JVM, on a loopback ephemeral port, serving a
 * configuration document from a temp file that tests may rewrite.
 */
final class InProcessGateway implements AutoCloseable {

    final Path configFile;
    final GatewayServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Where the test client connects: the listener's address, in brackets for IPv6. */
    private final String trafficHost;

    InProcessGateway(Path dir, String configJson, Map<String, String> extraSettings) throws Exception {
        this(dir, configJson, extraSettings, Clock.systemUTC());
    }

    /** A gateway reading this clock (a test moves it to be minutes later at once). */
    InProcessGateway(Path dir, String configJson, Map<String, String> extraSettings, Clock clock) throws Exception {
        this(dir, configJson, extraSettings, Map.of(), clock);
    }

    /** A gateway that sees these environment variables (secrets read only from the environment). */
    InProcessGateway(Path dir, String configJson, Map<String, String> extraSettings, Map<String, String> environment,
                     Clock clock) throws Exception {
        configFile = dir.resolve("config.json");
        Files.writeString(configFile, configJson);
        Map<String, String> values = new HashMap<>(Map.of(
                GatewaySettings.HTTP_PORT, "0",
                GatewaySettings.HTTP_HOST, "127.0.0.1",
                GatewaySettings.ADMIN_PORT, "0",
                GatewaySettings.JMX_ENABLED, "false",
                GatewaySettings.LOCAL_FILE, configFile.toString(),
                GatewaySettings.LOCAL_FILE_POLL, "50ms"));
        values.putAll(extraSettings);
        trafficHost = clientHost(values.get(GatewaySettings.HTTP_HOST));
        server = GatewayServer.start(Settings.resolve(GatewaySettings.ALL, Map.of(), environment, Map.of(), values),
                clock);
    }

    InProcessGateway(Path dir, String configJson) throws Exception {
        this(dir, configJson, Map.of());
    }

    /** The host a client reaches a listener on: its address, loopback for a wildcard one. */
    private static String clientHost(String listenHost) {
        return switch (listenHost) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "0:0:0:0:0:0:0:0" -> "[::1]";
            default -> listenHost.indexOf(':') >= 0 ? "[" + listenHost + "]" : listenHost;
        };
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://" + trafficHost + ":" + server.port() + pathAndQuery);
    }

    /** The HTTPS listener at {@code localhost} (a name its test certificates hold). */
    URI httpsUri(String pathAndQuery) {
        return URI.create("https://localhost:" + server.httpsPort() + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The admin listener's {@code /status}, parsed. */
    JsonNode status() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.adminPort() + "/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("/status answered " + response.statusCode() + ": " + response.body());
        }
        return Json.parse(response.body());
    }

    /** Replaces the configuration file and waits (bounded) until the gateway serves that revision. */
    void reconfigure(String configJson, long revision) throws IOException, InterruptedException {
        Files.writeString(configFile, configJson);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.gateway().activeConfig().current().revision() != revision) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("revision " + revision + " was not applied within 10 s");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
