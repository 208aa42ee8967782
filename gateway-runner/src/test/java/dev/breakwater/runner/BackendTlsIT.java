package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.testing.MutualTlsBackend;
import dev.breakwater.gateway.testing.TestCertificates;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backends over TLS through the real runner, with real HTTPS backends whose certificates the tests
 * make: a private CA trusted through a {@code ca} certificate of the configuration (forwarded
 * requests and send-request), refused once a revision drops it; a backend entity that turns off
 * the chain or the name check, for itself only; a backend that requires a client certificate; the
 * TLS versions of {@code backend.tls.protocols}. No {@code backend.tls.trust} here: only the
 * configuration makes the test CA trusted.
 */
class BackendTlsIT {

    @TempDir
    static Path dir;
    @TempDir
    static Path tls12Dir;
    static TestCertificates made;
    /** A certificate from the test CA, for 127.0.0.1. */
    static MutualTlsBackend privateCa;
    static MutualTlsBackend selfSigned;
    /** From the test CA, for wrong.example only. */
    static MutualTlsBackend wrongName;
    static MutualTlsBackend needsCertificate;
    static InProcessGateway gateway;

    private static String inbound(String elements) {
        return "<policies><inbound>" + elements + "<base/></inbound></policies>";
    }

    private static String callout(String url, String children) {
        return "<send-request response-variable-name=\"r\" timeout=\"10\"><set-url>" + url + "</set-url>" + children
                + "</send-request><return-response response-variable-name=\"r\"/>";
    }

    private static String backend(String id, String url, String tls) {
        return "{\"id\": \"" + id + "\", \"url\": \"" + url + "\"" + (tls == null ? "" : ", \"tls\": " + tls) + "}";
    }

    /** The document; {@code withCa} puts the test CA among its certificates as a CA certificate. */
    private static String document(long revision, boolean withCa) throws Exception {
        List<String> certificates = new ArrayList<>();
        if (withCa) {
            certificates.add("{\"id\": \"root\", \"ca\": true, \"pem\": " + json(made.caCertificatePem().replace("\r", "")) + "}");
        }
        certificates.add("{\"id\": \"orders\", \"data\": \"" + made.clientData() + "\", \"password\": \""
                + TestCertificates.PASSWORD + "\"}");
        String backends = String.join(", ",
                backend("self-signed-unchecked", selfSigned.url(), "{\"validateCertificateChain\": false}"),
                backend("self-signed", selfSigned.url(), "{\"validateCertificateChain\": true}"),
                backend("wrong-name-unchecked", wrongName.url(), "{\"validateCertificateName\": false}"),
                backend("wrong-name", wrongName.url(), null));
        String apis = String.join(", ",
                api("private", "private", privateCa.url() + "/svc", null, ""),
                api("unchecked", "unchecked", "self-signed-unchecked", null, ""),
                api("by-url", "by-url", selfSigned.url(), null, ""),
                api("checked", "checked", "self-signed", null, ""),
                api("chosen", "chosen", privateCa.url(), inbound("<set-backend-service backend-id=\"@(context.Request"
                        + ".Headers.GetValueOrDefault(&quot;X-Backend&quot;, &quot;self-signed&quot;))\"/>"), ""),
                api("any-name", "any-name", "wrong-name-unchecked", null, ""),
                api("named", "named", "wrong-name", null, ""),
                api("mtls", "mtls", needsCertificate.url(), inbound("<authentication-certificate certificate-id=\"orders\"/>"),
                        ""),
                api("mtls-none", "mtls-none", needsCertificate.url(), null, ""),
                api("callout", "callout", null, inbound(callout(privateCa.url() + "/called", "")), ""),
                api("callout-mtls", "callout-mtls", null, inbound(callout(needsCertificate.url() + "/called",
                        "<authentication-certificate certificate-id=\"orders\"/>")), ""),
                api("callout-self-signed", "callout-self-signed", null, inbound(callout(selfSigned.url() + "/x", "")),
                        ""));
        return "{\"revision\": " + revision + ", \"certificates\": [" + String.join(", ", certificates)
                + "], \"backends\": [" + backends + "], \"apis\": [" + apis + "]}";
    }

    @BeforeAll
    static void start() throws Exception {
        made = TestCertificates.get();
        privateCa = new MutualTlsBackend(made, made.serverStore, false);
        selfSigned = new MutualTlsBackend(made, made.selfSignedStore, false);
        wrongName = new MutualTlsBackend(made, made.wrongNameStore, false);
        needsCertificate = new MutualTlsBackend(made);
        gateway = new InProcessGateway(dir, document(1, true), Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        for (MutualTlsBackend backend : List.of(privateCa, selfSigned, wrongName, needsCertificate)) {
            backend.close();
        }
    }

    private static void assertAnswered(HttpResponse<String> response, String path) {
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().endsWith(" path=" + path), response.body());
    }

    @Test
    void aBackendFromAPrivateCaIsTrustedThroughACaCertificateAndRefusedOnceARevisionDropsIt() throws Exception {
        assertAnswered(gateway.get("/private/items"), "/svc/items");
        assertAnswered(gateway.get("/callout/x"), "/called");
        try {
            gateway.reconfigure(document(2, false), 2);
            HttpResponse<String> refused = gateway.get("/private/items");
            assertEquals(502, refused.statusCode(), "the test CA is not among the JVM's: " + refused.body());
            assertEquals(500, gateway.get("/callout/x").statusCode(), "send-request fails: on-error");
        } finally {
            gateway.reconfigure(document(3, true), 3);
        }
        assertAnswered(gateway.get("/private/items"), "/svc/items");
        assertAnswered(gateway.get("/callout/x"), "/called");
    }

    @Test
    void aBackendThatDoesNotValidateTheChainReachesASelfSignedServiceAndOnlyThatBackend() throws Exception {
        int answered = selfSigned.answered();
        assertAnswered(gateway.get("/unchecked/items"), "/items");
        assertAnswered(gateway.send(java.net.http.HttpRequest.newBuilder(gateway.uri("/chosen/items"))
                .header("X-Backend", "self-signed-unchecked")), "/items");
        assertEquals(answered + 2, selfSigned.answered());
        // the same service by URL, or through an entity that validates: refused
        assertEquals(502, gateway.get("/by-url/items").statusCode());
        assertEquals(502, gateway.get("/checked/items").statusCode());
        assertEquals(502, gateway.get("/chosen/items").statusCode(), "set-backend-service to the checked entity");
        assertEquals(500, gateway.get("/callout-self-signed/x").statusCode(), "a call-out validates");
        assertEquals(answered + 2, selfSigned.answered(), "no request reached it without validation off");
    }

    @Test
    void aBackendThatDoesNotCheckTheNameReachesACertificateForAnotherName() throws Exception {
        assertAnswered(gateway.get("/any-name/items"), "/items");
        assertEquals(502, gateway.get("/named/items").statusCode(), "wrong.example is not 127.0.0.1");
    }

    @Test
    void aBackendThatRequiresAClientCertificateGetsTheOneThePolicyChose() throws Exception {
        HttpResponse<String> presented = gateway.get("/mtls/items");
        assertEquals(200, presented.statusCode(), presented.body());
        assertEquals("subject=" + TestCertificates.CLIENT_SUBJECT + " path=/items", presented.body());
        assertEquals(502, gateway.get("/mtls-none/items").statusCode());
        HttpResponse<String> callout = gateway.get("/callout-mtls/x");
        assertEquals(200, callout.statusCode(), callout.body());
        assertEquals("subject=" + TestCertificates.CLIENT_SUBJECT + " path=/called", callout.body(),
                "send-request's authentication-certificate");
    }

    @Test
    void theTlsVersionsAreThoseOfTheSetting() throws Exception {
        assertEquals("TLSv1.3", gateway.get("/private/items").headers().firstValue("X-Tls-Protocol").orElse(null));
        try (InProcessGateway tls12 = new InProcessGateway(tls12Dir, document(1, true),
                Map.of(GatewaySettings.BACKEND_TLS_PROTOCOLS, "TLSv1.2"))) {
            HttpResponse<String> forwarded = tls12.get("/private/items");
            assertEquals(200, forwarded.statusCode(), forwarded.body());
            assertEquals("TLSv1.2", forwarded.headers().firstValue("X-Tls-Protocol").orElse(null));
            assertEquals("TLSv1.2", tls12.get("/callout/x").headers().firstValue("X-Tls-Protocol").orElse(null));
            assertEquals("TLSv1.2", tls12.get("/unchecked/x").headers().firstValue("X-Tls-Protocol").orElse(null));
        }
    }
}
