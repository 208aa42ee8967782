package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.breakwater.gateway.settings.GatewaySettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management plane knows what a gateway serves right after it starts, and right after
 * each change, though heartbeats are a minute apart: a heartbeat follows every applied document.
 */
class FirstHeartbeatIT {

    /** Far below the heartbeat interval: only a heartbeat sent on the event can meet it. */
    private static final Duration SOON = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static String hello(String body) {
        return "{\"path\": \"hello\", \"subscriptionRequired\": false, \"policy\": \"<policies><inbound><return-response>"
                + "<set-status code=\\\"200\\\"/><set-body>" + body + "</set-body></return-response></inbound></policies>\"}";
    }

    private static long revision(HttpResponse<String> write) {
        return Long.parseLong(write.headers().firstValue("Breakwater-Revision").orElseThrow());
    }

    @Test
    void theAppliedRevisionShowsInTheManagementPlaneWithinSecondsWithAMinuteBetweenHeartbeats() throws Exception {
        try (ManagementPlaneFixture plane = new ManagementPlaneFixture(dir.resolve("data"))) {
            plane.admin("PUT", "/admin/apis/hello", hello("one"));
            long first = revision(plane.admin("PUT", "/admin/gateways/gw", "{\"apis\": [\"hello\"]}"));
            try (ManagedGateway gateway = new ManagedGateway(plane.url(), "gw", plane.token("gw", "primary"),
                    dir.resolve("backup"), Map.of(GatewaySettings.HEARTBEAT_INTERVAL, "60s"))) {
                String instance = GatewayState.text(GatewayState.gatewayStatus(gateway), "instanceId");
                JsonNode reported = GatewayState.await(() -> GatewayState.instanceInPlane(plane, "gw", instance),
                        node -> node.path("revision").asLong(-2) == first, SOON, "revision " + first + " in the status");
                assertNotNull(GatewayState.text(reported, "lastConfigPull"), reported.toString());
                assertEquals(true, reported.path("connected").asBoolean(), reported.toString());

                long second = revision(plane.admin("PUT", "/admin/apis/hello", hello("two")));
                GatewayState.await(() -> GatewayState.instanceInPlane(plane, "gw", instance),
                        node -> node.path("revision").asLong(-2) == second, SOON, "revision " + second + " in the status");
            }
        }
    }
}
