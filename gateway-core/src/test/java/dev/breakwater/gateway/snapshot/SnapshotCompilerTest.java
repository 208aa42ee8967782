package dev.breakwater.gateway.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.ConfigLimits;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.routing.ApiRoute;
import dev.breakwater.gateway.routing.RouteMatch;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SnapshotCompilerTest {

    private final SnapshotCompiler compiler = new SnapshotCompiler(PolicyTesting.REGISTRY,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    private ConfigSnapshot compile(String apis) throws ConfigException {
        return compile(null, apis);
    }

    private ConfigSnapshot compile(String globalPolicy, String apis) throws ConfigException {
        String json = "{\"revision\": 3, " + (globalPolicy == null ? "" : "\"policy\": \"" + globalPolicy + "\", ")
                + "\"apis\": [" + apis + "]}";
        return compiler.compile(json.getBytes(StandardCharsets.UTF_8), "test");
    }

    private String error(String apis) {
        return assertThrows(ConfigException.class, () -> compile(apis)).getMessage();
    }

    private static String api(String id, String path, String extra) {
        return "{\"id\": \"" + id + "\", \"path\": \"" + path + "\", \"serviceUrl\": \"http://b:1/base/\", "
                + "\"subscriptionRequired\": false" + extra + "}";
    }

    @Test
    void compilesRoutesWithOperations() throws ConfigException {
        ConfigSnapshot snapshot = compile(api("shop", "/shop/v1/", ", \"operations\": ["
                + "{\"id\": \"one\", \"method\": \"GET\", \"urlTemplate\": \"/items/{id}\"},"
                + "{\"id\": \"new\", \"method\": \"GET\", \"urlTemplate\": \"/items/new\"}]"));
        assertEquals(3, snapshot.revision());
        assertEquals(64, snapshot.sha256().length());
        ApiRoute api = snapshot.routes().findApi("any", "/shop/v1/items/new");
        assertEquals("/shop/v1", api.prefix());
        assertEquals("http://b:1/base", api.serviceUrl());
        assertEquals("new", api.match("GET", "/items/new").operation().id(), "the literal template wins");
        RouteMatch one = api.match("GET", "/items/7");
        assertEquals("one", one.operation().id());
        assertEquals("7", one.templateValues().get("id"));
        assertNull(api.match("POST", "/items/7"), "no operation for this method");
    }

    @Test
    void apiWithoutOperationsTakesEverything() throws ConfigException {
        ApiRoute api = compile(api("all", "", "")).routes().findApi("h", "/anything");
        assertNotNull(api.match("PATCH", "/anything").pipeline());
    }

    @Test
    void badDefinitionsAreRefusedWithWhere() {
        assertTrue(error(api("a", "x", "") + "," + api("a", "y", "")).contains("apis[1] 'a': id is used by another API"));
        assertTrue(error(api("a b", "x", "")).contains("id is required"));
        assertTrue(error("{\"id\": \"a\", \"path\": \"x\", \"serviceUrl\": \"http://b\", \"subscriptionRequired\": false, \"subscriptionKeyParameterNames\": {\"header\": \"Content-Length\"}}").contains("subscriptionKeyParameterNames.header"));
        assertTrue(error("{\"id\": \"a\", \"path\": \"x\", \"subscriptionRequired\": false}").contains("no serviceUrl"));
        assertTrue(error("{\"id\": \"a\", \"path\": \"x\", \"serviceUrl\": \"mailto:x\", \"subscriptionRequired\": false}")
                .contains("serviceUrl must be an absolute http"));
        assertTrue(error(api("a", "x/../y", "")).contains("dot or invalid segment"));
        assertTrue(error(api("a", "x", ", \"hostnames\": [\"bad host\"]")).contains("not a valid host name"));
        assertTrue(error(api("a", "x", "") + "," + api("b", "/x/", "")).contains("both serve path '/x/'"));
    }

    @Test
    void badOperationsAreRefusedWithWhere() {
        assertTrue(error(api("a", "x", ", \"operations\": [{\"id\": \"o\", \"method\": \"get\", \"urlTemplate\": \"/\"}]"))
                .contains("apis[0] 'a'.operations[0] 'o': method is required, in upper case"));
        assertTrue(error(api("a", "x", ", \"operations\": [{\"id\": \"o\", \"method\": \"GET\", \"urlTemplate\": \"/{x}\"},"
                + "{\"id\": \"p\", \"method\": \"GET\", \"urlTemplate\": \"/{y}\"}]")).contains("same requests as operation 'o'"));
        assertTrue(error(api("a", "x", ", \"operations\": [{\"id\": \"o\", \"method\": \"GET\", \"urlTemplate\": \"x\"}]"))
                .contains("urlTemplate must start with '/'"));
    }

    @Test
    void policyErrorsSayWhichDocument() {
        assertTrue(error(api("a", "x", ", \"policy\": \"<policies><inbound><nope/></inbound></policies>\""))
                .startsWith("API 'a' policy: <nope> at line 1: not a policy this gateway knows"));
        assertTrue(error(api("a", "x", ", \"policy\": \"<policies>\""))
                .startsWith("apis[0] 'a'.policy: malformed XML"));
        assertTrue(assertThrows(ConfigException.class, () -> compile("<policies><inbound><nope/></inbound></policies>", ""))
                .getMessage().startsWith("global policy: <nope>"), "the global policy is checked even with no API");
    }

    /** A policy of exactly {@code bytes} UTF-8 bytes, with a multi-byte character in it, padded by an XML comment. */
    static String policyOf(int bytes) {
        String start = "<policies><inbound><base/></inbound></policies><!-- é";
        String end = " -->";
        int used = start.getBytes(StandardCharsets.UTF_8).length + end.length();
        return start + "x".repeat(bytes - used) + end;
    }

    @Test
    void aPolicyDocumentMayHaveAtMost256KiB() throws ConfigException {
        String fits = policyOf(ConfigLimits.MAX_POLICY_BYTES);
        assertEquals(ConfigLimits.MAX_POLICY_BYTES, fits.getBytes(StandardCharsets.UTF_8).length);
        assertNotNull(compile(api("a", "a", ", \"policy\": \"" + fits + "\"")));
        String message = error(api("a", "a", ", \"policy\": \"" + policyOf(ConfigLimits.MAX_POLICY_BYTES + 1) + "\""));
        assertEquals("apis[0] 'a'.policy: the policy document has 262145 bytes; one may have at most 262144 (256 KiB)",
                message);
    }
}
