package dev.breakwater.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * What a test asks of a gateway and of its management plane about it, parsed from JSON: the
 * gateway's own {@code /status}, and its instance in {@code /admin/gateways/{id}/status}; and
 * waiting (bounded) until either shows a condition.
 */
final class GatewayState {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayState() {
    }

    static JsonNode gatewayStatus(ManagedGateway gateway) throws IOException, InterruptedException {
        return JSON.readTree(gateway.status());
    }

    /** The instance's entry in the management plane's status of the gateway, or a missing node. */
    static JsonNode instanceInPlane(ManagementPlaneFixture plane, String gatewayId, String instanceId)
            throws IOException, InterruptedException {
        HttpResponse<String> response = plane.admin("GET", "/admin/gateways/" + gatewayId + "/status", null);
        if (response.statusCode() != 200) {
            throw new AssertionError("status of " + gatewayId + ": " + response.statusCode() + " " + response.body());
        }
        for (JsonNode instance : JSON.readTree(response.body()).path("instances")) {
            if (instance.path("instanceId").asText().equals(instanceId)) {
                return instance;
            }
        }
        return JSON.missingNode();
    }

    /** Text of a field, or {@code null} when absent or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @FunctionalInterface
    interface Probe {
        JsonNode read() throws IOException, InterruptedException;
    }

    /** Reads until the condition holds, at most {@code timeout}; returns the node that satisfied it. */
    static JsonNode await(Probe probe, Predicate<JsonNode> condition, Duration timeout, String what)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last;
        do {
            last = probe.read();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(what + " not seen within " + timeout + "; last: " + last);
    }
}
