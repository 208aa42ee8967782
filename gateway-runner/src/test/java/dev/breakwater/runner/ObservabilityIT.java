package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static dev.breakwater.runner.Documents.operation;
import static dev.breakwater.runner.Documents.operations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breakwater.gateway.testing.JavaProcess;
import dev.breakwater.gateway.testing.TestBackend;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_33_0.Metrics;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner as an operator runs it, watched as an operator watches it: metrics over a real JMX
 * remote connection (as jconsole connects), /metrics parsed with the Prometheus client's own
 * classes, /status and /health, and the request log: JSON lines, no secrets.
 */
class ObservabilityIT {

    private static final Path JAR = Path.of("target", "gateway-runner.jar").toAbsolutePath();
    private static final int REQUESTS = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private JavaProcess start(Path config, int jmxPort, String... more) throws Exception {
        List<String> jvm = List.of("-Xmx128m", "-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort, "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1", "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false");
        List<String> arguments = new ArrayList<>(List.of("--server.http.port=0", "--server.http.host=127.0.0.1",
                "--server.admin.port=0", "--config.local.file=" + config));
        arguments.addAll(List.of(more));
        return JavaProcess.start(JAR, dir, jvm, Map.of(), arguments.toArray(String[]::new));
    }

    private HttpResponse<String> get(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsStatusAndRequestLogOfARunningGateway() throws Exception {
        try (TestBackend backend = new TestBackend()) {
            Path config = dir.resolve("config.json");
            String document = document(1, null, api("echo", "echo", backend.url(), null,
                    operations(operation("get-item", "GET", "/items/{id}", null))));
            // a real subscription: the key in the header is checked (a wrong one would be refused), then kept out of the log
            Files.writeString(config, document.substring(0, document.length() - 1) + ", \"subscriptions\": [{\"id\": "
                    + "\"s\", \"scope\": \"/apis\", \"primaryKey\": \"SECRET-KEY-3-0123456789\"}]}");
            try (JavaProcess gateway = start(config, freePort())) {
                int port = gateway.awaitPort("gateway listening on port", Duration.ofSeconds(30));
                int adminPort = gateway.awaitPort("admin listening on port", Duration.ofSeconds(5));
                for (int i = 0; i < REQUESTS; i++) {
                    assertEquals(200, get(port, "/echo/items/" + i + "?subscription-key=SECRET-KEY-1&x=" + i,
                            "Authorization", "Bearer SECRET-TOKEN-2", "Ocp-Apim-Subscription-Key", "SECRET-KEY-3-0123456789")
                            .statusCode());
                }
                assertJmx(gatewayJmxPort(gateway));
                assertPrometheus(adminPort);
                assertStatus(adminPort);
                assertRequestLog(gateway.output());
            }
        }
    }

    private static int gatewayJmxPort(JavaProcess gateway) {
        String command = gateway.process.info().arguments().map(List::of).orElseThrow().stream()
                .filter(argument -> argument.startsWith("-Dcom.sun.management.jmxremote.port=")).findFirst().orElseThrow();
        return Integer.parseInt(command.substring(command.indexOf('=') + 1));
    }

    private static void assertJmx(int jmxPort) throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
        try (JMXConnector connector = JMXConnectorFactory.connect(url)) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            assertEquals((long) REQUESTS, server.getAttribute(
                    new ObjectName("breakwater:type=api,api=echo,name=requests"), "Count"));
            assertEquals((long) REQUESTS, server.getAttribute(
                    new ObjectName("breakwater:type=operation,api=echo,operation=get-item,name=requests"), "Count"));
            assertEquals((long) REQUESTS, server.getAttribute(
                    new ObjectName("breakwater:type=api,api=echo,name=responses.2xx"), "Count"));
            ObjectName status = new ObjectName("breakwater:type=Gateway");
            assertEquals(Boolean.TRUE, server.getAttribute(status, "Ready"));
            assertEquals(1L, server.getAttribute(status, "Revision"));
            assertTrue(String.valueOf(server.invoke(status, "syncNow", null, null)).startsWith("standalone"));
            assertFalse(server.queryNames(new ObjectName("breakwater:type=jvm,*"), null).isEmpty(), "JVM metrics");
            assertFalse(server.queryNames(new ObjectName("breakwater:type=jetty,*"), null).isEmpty(), "thread pool");
        }
    }

    private void assertPrometheus(int adminPort) throws Exception {
        String text = get(adminPort, "/metrics").body();
        assertTrue(text.contains("api_echo_requests_count " + REQUESTS), text);
        assertTrue(text.contains("api_echo_operation_get_item_requests_count " + REQUESTS), text);
        assertTrue(text.contains("api_echo_responses_2xx_total " + REQUESTS), text);

        HttpResponse<byte[]> protobuf = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + adminPort + "/metrics"))
                .header("Accept", "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; "
                        + "encoding=delimited").build(), HttpResponse.BodyHandlers.ofByteArray());
        ByteArrayInputStream in = new ByteArrayInputStream(protobuf.body());
        long count = -1;
        Metrics.MetricFamily family;
        while ((family = Metrics.MetricFamily.parseDelimitedFrom(in)) != null) {
            if (family.getName().equals("api_echo_requests")) {
                count = family.getMetric(0).getSummary().getSampleCount();
            }
        }
        assertEquals(REQUESTS, count, "the protobuf exposition parses and counts every request");
    }

    private void assertStatus(int adminPort) throws Exception {
        JsonNode status = JSON.readTree(get(adminPort, "/status").body());
        assertEquals("standalone", status.get("mode").asText());
        assertTrue(status.get("ready").asBoolean());
        assertEquals(1, status.get("revision").asLong());
        assertEquals(200, get(adminPort, "/health").statusCode());
    }

    private static void assertRequestLog(String output) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line)); // every request log line is JSON on its own
            }
        }
        assertEquals(REQUESTS, lines.size(), output);
        JsonNode first = lines.get(0);
        assertEquals("echo", first.get("api").asText());
        assertEquals("get-item", first.get("operation").asText());
        assertEquals(200, first.get("status").asInt());
        assertEquals(200, first.get("backendStatus").asInt());
        assertEquals("/echo/items/0?subscription-key=REDACTED&x=0", first.get("url").asText());
        for (String field : List.of("time", "requestId", "method", "totalMs", "backendMs", "clientIp", "bytesIn",
                "bytesOut")) {
            assertTrue(first.has(field), field + " in " + first);
        }
        assertTrue(first.get("bytesOut").asLong() > 0);
        for (String secret : List.of("SECRET-KEY-1", "SECRET-TOKEN-2", "SECRET-KEY-3")) {
            assertFalse(output.contains(secret), secret + " appears in the log");
        }
    }

    @Test
    void sampledOutRequestsAreNotLogged() throws Exception {
        try (TestBackend backend = new TestBackend()) {
            Path config = dir.resolve("config.json");
            Files.writeString(config, document(1, null, api("echo", "echo", backend.url(), null, "")));
            try (JavaProcess gateway = start(config, freePort(), "--log.requests.sample=0")) {
                int port = gateway.awaitPort("gateway listening on port", Duration.ofSeconds(30));
                for (int i = 0; i < 5; i++) {
                    assertEquals(200, get(port, "/echo/x").statusCode());
                }
                // Positive control: once the gateway has stopped, everything it would log has been written.
                gateway.process.destroy(); // SIGTERM
                assertEquals(0, gateway.awaitExit(Duration.ofSeconds(30)), gateway.output());
                assertTrue(gateway.output().contains("stopping"), "the output was captured to the end: " + gateway.output());
                assertFalse(gateway.output().lines().anyMatch(line -> line.startsWith("{")), gateway.output());
            }
        }
    }
}
