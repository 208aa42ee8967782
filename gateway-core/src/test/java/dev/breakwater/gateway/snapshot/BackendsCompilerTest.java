package dev.breakwater.gateway.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.backend.PoolBackend;
import dev.breakwater.gateway.backend.SingleBackend;
import dev.breakwater.gateway.config.BackendDefinition;
import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.routing.ApiRoute;
import dev.breakwater.gateway.tls.CertificateChecks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Backends in the configuration document: checked, compiled, and named by APIs and set-backend-service. */
class BackendsCompilerTest {

    private final SnapshotCompiler compiler = new SnapshotCompiler(PolicyTesting.REGISTRY, Clock.systemUTC());

    private ConfigSnapshot compile(String backends, String serviceUrl, String policy) throws ConfigException {
        String json = "{\"revision\": 1, \"namedValues\": [{\"id\": \"key\", \"value\": \"s3cret\", \"secret\": true}],"
                + " \"backends\": [" + backends + "], \"apis\": [{\"id\": \"a\", \"path\": \"a\", \"serviceUrl\": "
                + (serviceUrl == null ? "null" : "\"" + serviceUrl + "\"") + ", \"subscriptionRequired\": false"
                + (policy == null ? "" : ", \"policy\": \"" + policy.replace("\"", "\\\"") + "\"") + "}]}";
        return compiler.compile(json.getBytes(StandardCharsets.UTF_8), "test");
    }

    private String error(String backends, String serviceUrl, String policy) {
        return assertThrows(ConfigException.class, () -> compile(backends, serviceUrl, policy)).getMessage();
    }

    private static final String ORDERS = "{\"id\": \"orders\", \"url\": \"http://orders:8080/v1/\", \"credentials\": "
            + "{\"header\": {\"x-functions-key\": [\"{{key}}\"]}, \"query\": {\"code\": [\"c1\", \"c2\"]}, "
            + "\"authorization\": {\"scheme\": \"Bearer\", \"parameter\": \"{{key}}\"}}}";

    @Test
    void anApiWhoseServiceUrlNamesABackendUsesItWithItsCredentials() throws ConfigException {
        ApiRoute api = compile(ORDERS, "orders", null).routes().findApi("any", "/a/x");
        SingleBackend orders = assertInstanceOf(SingleBackend.class, api.backend());
        assertEquals("http://orders:8080/v1", api.serviceUrl());
        assertEquals(Map.of("x-functions-key", List.of("s3cret")), orders.headers(), "named values substituted");
        assertEquals(Map.of("code", List.of("c1", "c2")), orders.query());
        assertEquals("Bearer s3cret", orders.authorization());
        assertFalse(orders.toString().contains("s3cret"), "a backend never shows its credentials");
    }

    @Test
    void aBackendsTlsChecksAreOnUnlessItSaysFalse() throws ConfigException {
        String backends = "{\"id\": \"all\", \"url\": \"https://a\"}, {\"id\": \"same\", \"url\": \"https://b\", "
                + "\"tls\": {\"validateCertificateChain\": true, \"validateCertificateName\": true}}, "
                + "{\"id\": \"nochain\", \"url\": \"https://c\", \"tls\": {\"validateCertificateChain\": false}}, "
                + "{\"id\": \"noname\", \"url\": \"https://d\", \"tls\": {\"validateCertificateName\": false}}";
        String policy = "<policies><inbound><set-backend-service backend-id=\"%s\"/></inbound></policies>";
        for (String[] expected : new String[][] {{"all", "true", "true"}, {"same", "true", "true"},
                {"nochain", "false", "true"}, {"noname", "true", "false"}}) {
            ApiRoute api = compile(backends, expected[0], null).routes().findApi("any", "/a/x");
            SingleBackend backend = assertInstanceOf(SingleBackend.class, api.backend());
            assertEquals(new CertificateChecks(Boolean.parseBoolean(expected[1]), Boolean.parseBoolean(expected[2])),
                    backend.tls(), expected[0]);
        }
        compile(backends, null, String.format(policy, "nochain"));
    }

    @Test
    void aPlainServiceUrlIsNoBackendEntity() throws ConfigException {
        ApiRoute api = compile(ORDERS, "http://elsewhere:1", null).routes().findApi("any", "/a/x");
        assertNull(api.backend());
    }

    @Test
    void setBackendServiceNamesABackendByConstantIdOrExpression() throws ConfigException {
        compile(ORDERS, null, "<policies><inbound><set-backend-service backend-id=\"orders\"/></inbound></policies>");
        compile(ORDERS, null, "<policies><inbound><set-backend-service backend-id=\"@(\"ord\" + \"ers\")\"/>"
                + "</inbound></policies>");
        assertTrue(error(ORDERS, null, "<policies><inbound><set-backend-service backend-id=\"billing\"/></inbound>"
                + "</policies>").contains("attribute 'backend-id': no backend 'billing'; defined: orders"));
        assertTrue(error(ORDERS, null, "<policies><inbound><set-backend-service backend-id=\"orders\" "
                + "base-url=\"http://x\"/></inbound></policies>").contains("only one"));
    }

    @Test
    void poolsNameTheirMembersByIdOrApimResourcePath() throws ConfigException {
        String pool = ORDERS + ", {\"id\": \"spare\", \"url\": \"http://spare\"}, {\"id\": \"lb\", \"pool\": "
                + "{\"services\": [{\"id\": \"/subscriptions/s/resourceGroups/g/providers/Microsoft.ApiManagement/"
                + "service/x/backends/orders\", \"priority\": 1, \"weight\": 3}, {\"id\": \"spare\", \"priority\": 2}]}}";
        ApiRoute api = compile(pool, "lb", null).routes().findApi("any", "/a/x");
        assertInstanceOf(PoolBackend.class, api.backend());
        assertNull(api.serviceUrl(), "a pool's URL is chosen per request");
        assertEquals("orders", api.backend().select().id(), "priority 1 first");
    }

    @Test
    void aPoolMemberIsWrittenAsItWasGiven() {
        BackendDefinition.PoolMember member = new BackendDefinition.PoolMember("/s/x/backends/orders", 1, 2);
        assertEquals("orders", member.backendId());
        String json = new String(new StrictJson().write(member), StandardCharsets.UTF_8);
        assertEquals("{\"id\":\"/s/x/backends/orders\",\"priority\":1,\"weight\":2}", json,
                "the derived id is not a property");
    }

    @Test
    void mistakesAreRefusedNamingTheBackend() {
        assertTrue(error("{\"id\": \"b\"}", null, null).contains("backends[0] 'b': url is required"));
        assertTrue(error("{\"id\": \"b\", \"url\": \"ftp://x\"}", null, null).contains("backends[0] 'b': url must be"));
        assertTrue(error("{\"id\": \"b\", \"url\": \"http://x\"}, {\"id\": \"b\", \"url\": \"http://y\"}", null, null)
                .contains("backends[1] 'b': id is used by another backend"));
        assertTrue(error("{\"id\": \"b\", \"url\": \"http://x\", \"credentials\": {\"header\": {\"k\": [\"{{nope}}\"]}}}",
                null, null).contains("refers to the named value 'nope', which does not exist"));
        assertTrue(error("{\"id\": \"p\", \"pool\": {\"services\": [{\"id\": \"ghost\"}]}}", null, null)
                .contains("backends[0] 'p'.pool.services[0]: no backend 'ghost'"));
        assertTrue(error("{\"id\": \"b\", \"url\": \"http://x\", \"circuitBreaker\": {\"rules\": [{\"failureCondition\": "
                + "{\"count\": 1, \"interval\": \"PT1M\", \"statusCodeRanges\": [{\"min\": 500, \"max\": 599}]}, "
                + "\"tripDuration\": \"soon\"}]}}", null, null).contains("'soon' is not an ISO-8601 duration"));
        assertTrue(error("{\"id\": \"b\", \"url\": \"http://x\", \"circuitBreaker\": {\"rules\": [{\"failureCondition\": "
                + "{\"count\": 1, \"interval\": \"PT1M\", \"errorReasons\": [\"Server errors\"]}, "
                + "\"tripDuration\": \"PT1M\"}]}}", null, null).contains("'Server errors' is not an error reason"));
        assertTrue(error("{\"id\": \"b\", \"url\": \"http://x\", \"unknown\": 1}", null, null).contains("unknown"));
        assertTrue(error("{\"id\": \"b\", \"url\": \"http://x\", \"credentials\": {\"header\": {\"Content-Length\": "
                + "[\"0\"]}}}", null, null).contains("header 'Content-Length' is managed by the gateway"),
                "a credential header cannot break the request's framing");
    }

    @Test
    void aSecretNeverAppearsInARefusal() {
        String message = error("{\"id\": \"b\", \"url\": \"http://x\", \"credentials\": {\"header\": "
                + "{\"k\": [\"{{key}}\\n\"]}}}", null, null);
        assertTrue(message.contains("line breaks"), message);
        assertFalse(message.contains("s3cret"), message);
    }
}
