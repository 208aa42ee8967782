package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack of issue 8: {@code /admin;x/...} issued gateway tokens and {@code /gateway;/...}
 * served configurations and stored heartbeats without any token. Every other spelling of a
 * protected path, sent byte for byte over a socket, is refused (400, 401 or 404, always in
 * the JSON error format) and changes nothing.
 */
class AuthBypassIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET_VALUE = "named-value-secret-0d4e";
    private static final String HEARTBEAT = "{\"gatewayName\": \"quickstart\", \"instanceId\": \"attacker\","
            + " \"heartbeatIntervalSeconds\": 60, \"revision\": 1}";

    /** A request of the attack, on its canonical path. */
    private record Target(String method, String path, String body) {
    }

    private static final List<Target> TARGETS = List.of(
            new Target("POST", "/admin/gateways/quickstart/tokens", "{}"),
            new Target("GET", "/admin/config", null),
            new Target("GET", "/gateway/v1/gateways/quickstart/configuration", null),
            new Target("POST", "/gateway/v1/gateways/quickstart/heartbeat", HEARTBEAT),
            new Target("POST", "/admin/namedValues/backend-key/listValue", null));

    @TempDir
    Path dir;
    ManagementPlaneFixture plane;

    @BeforeEach
    void start() throws Exception {
        plane = new ManagementPlaneFixture(dir);
        assertEquals(201, plane.admin("PUT", "/admin/gateways/quickstart", "{}").statusCode());
        assertEquals(201, plane.admin("PUT", "/admin/namedValues/backend-key",
                "{\"value\": \"" + SECRET_VALUE + "\", \"secret\": true}").statusCode());
    }

    @AfterEach
    void stop() throws Exception {
        plane.close();
    }

    @Test
    void everyOtherSpellingOfAProtectedPathIsRefusedAndChangesNothing() throws Exception {
        String configBefore = plane.admin("GET", "/admin/config", null).body();
        int sent = 0;
        for (Target target : TARGETS) {
            for (String variant : variants(target.path())) {
                RawHttp.Answer answer = send(target, variant, Map.of());
                assertTrue(Set.of(400, 401, 404).contains(answer.status()),
                        target.method() + " " + variant + " answered " + answer.status() + " " + answer.body());
                assertIsError(answer, target.method() + " " + variant);
                assertFalse(answer.body().contains("GatewayKey quickstart&"), "no token issued: " + answer.body());
                assertFalse(answer.body().contains(SECRET_VALUE), "no secret read: " + answer.body());
                sent++;
            }
        }
        assertTrue(sent > 200, "variants sent: " + sent);
        assertEquals(configBefore, plane.admin("GET", "/admin/config", null).body(), "revision and content unchanged");
        JsonNode status = JSON.readTree(plane.admin("GET", "/admin/gateways/quickstart/status", null).body());
        assertEquals(0, status.get("instances").size(), "no heartbeat stored: " + status);
    }

    @Test
    void anAmbiguousPathIsRefusedEvenWithTheRightToken() throws Exception {
        String admin = "Bearer " + ManagementPlaneFixture.ADMIN_TOKEN;
        for (String path : List.of("/admin;x/config", "/admin/config;a=b", "/admin/./config", "/admin/config/")) {
            RawHttp.Answer answer = RawHttp.send(plane.port(), "GET", path, Map.of("Authorization", admin), null);
            assertEquals(400, answer.status(), path + ": " + answer.body());
            assertIsError(answer, path);
        }
        assertEquals(200, RawHttp.send(plane.port(), "GET", "/admin/config", Map.of("Authorization", admin), null)
                .status(), "the plain path works");
    }

    @Test
    void thePlainPathsNeedTheirTokensAndWorkWithThem() throws Exception {
        for (Target target : TARGETS) {
            RawHttp.Answer refused = send(target, target.path(), Map.of());
            assertEquals(401, refused.status(), target.path());
            assertIsError(refused, target.path());
        }
        String gatewayToken = plane.token("quickstart", "primary");
        Map<String, String> gateway = Map.of("Authorization", gatewayToken);
        assertEquals(200, send(TARGETS.get(2), TARGETS.get(2).path(), gateway).status());
        assertEquals(204, send(TARGETS.get(3), TARGETS.get(3).path(), gateway).status());
        JsonNode status = JSON.readTree(plane.admin("GET", "/admin/gateways/quickstart/status", null).body());
        assertEquals("attacker", status.get("instances").get(0).get("instanceId").asText(), "the real heartbeat counts");
        RawHttp.Answer otherGateway = RawHttp.send(plane.port(), "GET", "/gateway/v1/gateways/other/configuration",
                gateway, null);
        assertEquals(401, otherGateway.status(), "a token is for its own gateway only");
    }

    @Test
    void pathsOutsideBothApisAreNotFound() throws Exception {
        for (String path : List.of("/", "/gateway", "/gateway/v1/gateways/quickstart", "/Admin/config", "/ADMIN/config",
                "/status", "/gateway/v2/gateways/quickstart/configuration")) {
            RawHttp.Answer answer = RawHttp.send(plane.port(), "GET", path,
                    Map.of("Authorization", "Bearer " + ManagementPlaneFixture.ADMIN_TOKEN), null);
            assertEquals(404, answer.status(), path + ": " + answer.body());
            assertIsError(answer, path);
        }
    }

    private RawHttp.Answer send(Target target, String path, Map<String, String> headers) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(headers);
        if (target.body() != null) {
            all.put("Content-Type", "application/json");
        }
        return RawHttp.send(plane.port(), target.method(), path, all,
                target.body() == null ? null : target.body().getBytes(StandardCharsets.UTF_8));
    }

    /** The management plane's error format, whoever answered (Jetty, the guard, Jersey). */
    private static void assertIsError(RawHttp.Answer answer, String what) throws Exception {
        JsonNode error = JSON.readTree(answer.body());
        assertEquals(answer.status(), error.get("statusCode").asInt(), what + ": " + answer.body());
        assertFalse(error.get("message").asText().isBlank(), what);
    }

    /** Every other way to write the path: parameters, encoded and doubled separators, dot segments, case. */
    static Set<String> variants(String path) {
        List<String> segments = List.of(path.substring(1).split("/"));
        Set<String> variants = new LinkedHashSet<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            for (String changed : List.of(segment + ";x", segment + ";", segment + ";a=b", segment + "%3Bx",
                    segment + "%3b", capitalised(segment), segment.toUpperCase(Locale.ROOT))) {
                variants.add(join(replaced(segments, i, changed)));
            }
            for (String inserted : List.of(".", "x/..", "%2e", "x/%2E%2E", "", "x/%2e%2e")) {
                variants.add(join(inserted(segments, i, inserted)));
            }
        }
        for (int i = 1; i < segments.size(); i++) {
            for (String separator : List.of("%2F", "%2f", "%5C", "%5c", "\\")) {
                List<String> merged = new ArrayList<>(segments.subList(0, i - 1));
                merged.add(segments.get(i - 1) + separator + segments.get(i));
                merged.addAll(segments.subList(i + 1, segments.size()));
                variants.add(join(merged));
            }
        }
        variants.add(path + "/");
        variants.add(path + "/.");
        variants.add("/" + path);
        variants.remove(path);
        return variants;
    }

    private static String capitalised(String segment) {
        return segment.substring(0, 1).toUpperCase(Locale.ROOT) + segment.substring(1);
    }

    private static List<String> replaced(List<String> segments, int at, String segment) {
        List<String> copy = new ArrayList<>(segments);
        copy.set(at, segment);
        return copy;
    }

    private static List<String> inserted(List<String> segments, int at, String segment) {
        List<String> copy = new ArrayList<>(segments);
        copy.add(at, segment);
        return copy;
    }

    private static String join(List<String> segments) {
        return "/" + String.join("/", segments);
    }
}
