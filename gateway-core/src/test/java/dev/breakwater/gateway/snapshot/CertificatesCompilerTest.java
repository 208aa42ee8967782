package dev.breakwater.gateway.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Certificates in the configuration document: read when compiled, and a document refused for a bad one. */
class CertificatesCompilerTest {

    private static final String WRONG = "wrong-password-5e1f";
    static TestCertificates made;

    private final SnapshotCompiler compiler = new SnapshotCompiler(PolicyTesting.REGISTRY, Clock.systemUTC());

    @BeforeAll
    static void make() throws Exception {
        made = TestCertificates.get();
    }

    private ConfigSnapshot compile(String certificates, String policy) throws ConfigException {
        String json = "{\"revision\": 1, \"certificates\": [" + certificates + "], \"apis\": [{\"id\": \"a\", \"path\": "
                + "\"a\", \"serviceUrl\": \"https://orders\", \"subscriptionRequired\": false"
                + (policy == null ? "" : ", \"policy\": " + StrictJsonText.of(policy)) + "}]}";
        return compiler.compile(json.getBytes(StandardCharsets.UTF_8), "test");
    }

    private String error(String certificates, String policy) {
        return assertThrows(ConfigException.class, () -> compile(certificates, policy)).getMessage();
    }

    private static String data(String id, String data, String password) {
        return "{\"id\": \"" + id + "\", \"data\": \"" + data + "\"" + (password == null ? ""
                : ", \"password\": \"" + password + "\"") + "}";
    }

    private static String pem(String id, String pem) {
        return "{\"id\": \"" + id + "\", \"pem\": " + StrictJsonText.of(pem) + "}";
    }

    private static final String USES_ORDERS = "<policies><inbound><authentication-certificate certificate-id=\"orders\"/>"
            + "<base/></inbound></policies>";

    @Test
    void aPolicyNamesACertificateOfTheDocumentGivenAsPkcs12OrPem() throws Exception {
        compile(data("orders", made.clientData(), TestCertificates.PASSWORD), USES_ORDERS);
        compile(pem("orders", made.clientPem()) + ", " + pem("ca", made.caCertificatePem()), USES_ORDERS);
        compile("{\"id\": \"orders\", \"data\": \"" + made.clientData() + "\", \"password\": \"" + TestCertificates.PASSWORD
                + "\", \"thumbprint\": \"" + made.clientThumbprint().toLowerCase() + "\"}", USES_ORDERS);
    }

    @Test
    void anUnknownCertificateIdRefusesTheDocument() throws Exception {
        assertTrue(error(data("billing", made.otherClientData(), TestCertificates.PASSWORD), USES_ORDERS)
                .contains("attribute 'certificate-id': no certificate 'orders'; defined: billing"));
    }

    @Test
    void aCertificateThatCannotBeReadRefusesTheDocumentNamingItButNeverItsSecrets() throws Exception {
        String wrong = error(data("orders", made.clientData(), WRONG), null);
        assertEquals("certificates[0] 'orders': the PKCS#12 data does not open with its password", wrong);
        assertFalse(wrong.contains(WRONG));
        assertEquals("certificates[1] 'b': the data is not a PKCS#12 (.pfx) file, or is damaged",
                error(pem("a", made.caCertificatePem()) + ", " + data("b", "AAAAAAAA", null), null));
        assertEquals("certificates[0] 'x': one of data (base64 PKCS#12, with its password) and pem is required, "
                + "and only one", error("{\"id\": \"x\"}", null));
        assertEquals("certificates[0] 'x': password goes with data (PKCS#12); a pem key is read unencrypted",
                error("{\"id\": \"x\", \"pem\": \"p\", \"password\": \"" + WRONG + "\"}", null));
        assertEquals("certificates[1] 'x': id is used by another certificate",
                error(pem("x", made.caCertificatePem()) + ", " + pem("x", made.caCertificatePem()), null));
        assertTrue(error("{\"id\": \"x\", \"data\": \"" + made.clientData() + "\", \"password\": \""
                + TestCertificates.PASSWORD + "\", \"thumbprint\": \"" + "00".repeat(20) + "\"}", null)
                .endsWith("not " + "00".repeat(20) + " as given"));
        String keyOnly = made.clientPem().substring(0, made.clientPem().indexOf("-----END PRIVATE KEY-----") + 26);
        String noCertificate = error(pem("k", keyOnly), null);
        assertEquals("certificates[0] 'k': the PEM text holds no CERTIFICATE block", noCertificate);
    }

    private static String ca(String id, String pem) {
        return "{\"id\": \"" + id + "\", \"ca\": true, \"pem\": " + StrictJsonText.of(pem) + "}";
    }

    @Test
    void caCertificatesAreTheSnapshotsTrustedCertificatesAndNoOthers() throws Exception {
        ConfigSnapshot snapshot = compile(ca("root", made.caCertificatePem()) + ", "
                + data("orders", made.clientData(), TestCertificates.PASSWORD), USES_ORDERS);
        assertEquals(1, snapshot.trusted().certificates().size());
        assertEquals("CN=Breakwater Test CA", snapshot.trusted().byId("root").get(0).getSubjectX500Principal().getName());
        assertTrue(snapshot.trusted().byId("orders").isEmpty(), "a client certificate is not trusted as a CA");
        assertTrue(compile(pem("orders", made.clientPem()), USES_ORDERS).trusted().isEmpty());
        // the same CA under another id is the same trust: TLS clients are kept by it
        assertEquals(snapshot.trusted().identity(), compile(ca("other-id", made.caCertificatePem()), null)
                .trusted().identity());
    }

    @Test
    void aCaCertificateIsPemWithoutAKeyAndNoPolicyPresentsIt() throws Exception {
        assertEquals("certificates[0] 'root': a CA certificate (ca: true) holds CERTIFICATE blocks only, no private key",
                error(ca("root", made.clientPem()), null));
        assertEquals("certificates[0] 'root': a CA certificate (ca: true) is given as pem, with CERTIFICATE blocks only",
                error("{\"id\": \"root\", \"ca\": true, \"data\": \"" + made.clientData() + "\", \"password\": \""
                        + TestCertificates.PASSWORD + "\"}", null));
        assertTrue(error(ca("orders", made.caCertificatePem()), USES_ORDERS).contains("has no private key: it cannot "
                + "authenticate the gateway"));
    }

    /** JSON string literals for the tests' documents. */
    private static final class StrictJsonText {
        static String of(String text) {
            return new String(new StrictJson().write(text), StandardCharsets.UTF_8);
        }
    }
}
