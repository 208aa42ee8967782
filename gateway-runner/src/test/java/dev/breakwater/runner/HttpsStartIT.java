package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.bootstrap.CannotStartException;
import dev.breakwater.gateway.settings.SettingsException;
import dev.breakwater.gateway.testing.TestCertificates;
import dev.breakwater.gateway.tls.HttpsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting the HTTPS listener: from a PKCS#12 keystore whose password only the environment gives,
 * and refusals that name the file and the problem without key bytes or passwords.
 */
class HttpsStartIT {

    private static final String DOCUMENT = document(1, null, api("orders", "orders", "http://127.0.0.1:9", null, ""));
    private static final String KEY_TEXT = "bm90IGEga2V5";

    @TempDir
    static Path dir;
    static TestCertificates.ServerPem first;
    static TestCertificates.ServerPem second;

    @BeforeAll
    static void make() throws Exception {
        first = TestCertificates.get().serverPem("start-first", "localhost");
        second = TestCertificates.get().serverPem("start-second", "other.example.test");
    }

    private static InProcessGateway start(Map<String, String> settings, Map<String, String> environment)
            throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.put(HttpsSettings.PORT, "0");
        return new InProcessGateway(Files.createTempDirectory(dir, "gw"), DOCUMENT, all, environment, Clock.systemUTC());
    }

    private static String refusal(Map<String, String> settings, Map<String, String> environment) {
        Exception e = assertThrows(Exception.class, () -> start(settings, environment).close());
        assertTrue(e instanceof CannotStartException || e instanceof SettingsException, e.toString());
        return e.getMessage();
    }

    private static Map<String, String> pem(Path certificate, Path key) {
        return Map.of(HttpsSettings.CERTIFICATE, certificate.toString(), HttpsSettings.KEY, key.toString());
    }

    @Test
    void servesAKeystoreOpenedByThePasswordInTheEnvironment() throws Exception {
        try (InProcessGateway gateway = start(Map.of(HttpsSettings.KEYSTORE, first.keystore().toString()),
                Map.of(HttpsSettings.KEYSTORE_PASSWORD_VARIABLE, TestCertificates.PASSWORD))) {
            String subject = TlsClients.served(TlsClients.trustingTestCa(), gateway.server.httpsPort(), null)
                    .getSubjectX500Principal().getName();
            assertTrue(subject.startsWith("CN=localhost"), subject);
            assertTrue(gateway.server.describe().stream().anyMatch(line -> line.startsWith("HTTPS listening on port "
                    + gateway.server.httpsPort())), gateway.server.describe().toString());
        }
    }

    @Test
    void keystoreWithAWrongPasswordIsRefusedWithoutThePassword() {
        String message = refusal(Map.of(HttpsSettings.KEYSTORE, first.keystore().toString()),
                Map.of(HttpsSettings.KEYSTORE_PASSWORD_VARIABLE, "wrong-secret-42"));
        assertTrue(message.contains(first.keystore().toString()) && message.contains("SERVER_HTTPS_KEYSTORE_PASSWORD"),
                message);
        assertFalse(message.contains("wrong-secret-42"), message);
    }

    @Test
    void keystoreWithoutThePasswordVariableIsRefused() {
        String message = refusal(Map.of(HttpsSettings.KEYSTORE, first.keystore().toString()), Map.of());
        assertTrue(message.contains("SERVER_HTTPS_KEYSTORE_PASSWORD"), message);
    }

    @Test
    void keyThatIsNotAKeyIsRefusedNamingTheFile() throws Exception {
        Path bad = dir.resolve("bad-key.pem");
        Files.writeString(bad, "-----BEGIN PRIVATE KEY-----\n" + KEY_TEXT + "\n-----END PRIVATE KEY-----\n");
        String message = refusal(pem(first.certificate(), bad), Map.of());
        assertTrue(message.startsWith("the HTTPS listener cannot serve its certificates: server.https.key file " + bad),
                message);
        assertTrue(message.contains("not an RSA, EC, EdDSA or DSA key"), message);
        assertFalse(message.contains(KEY_TEXT), message);
    }

    @Test
    void keyOfAnotherCertificateIsRefused() {
        String message = refusal(pem(first.certificate(), second.key()), Map.of());
        assertTrue(message.contains(second.key().toString()) && message.contains("belongs to none of the certificates"),
                message);
    }

    @Test
    void missingAndEmptyFilesAreRefusedNamingThem() throws Exception {
        Path missing = dir.resolve("missing.pem");
        String message = refusal(pem(missing, first.key()), Map.of());
        assertTrue(message.contains("server.https.certificate file " + missing + ": does not exist"), message);
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        message = refusal(pem(first.certificate(), empty), Map.of());
        assertTrue(message.contains("server.https.key file " + empty + ": holds no PEM private key"), message);
    }

    @Test
    void unpairedListsAndMissingCertificatesAreSettingErrors() {
        String message = refusal(Map.of(HttpsSettings.CERTIFICATE, first.certificate() + "," + second.certificate(),
                HttpsSettings.KEY, first.key().toString()), Map.of());
        assertEquals("settings 'server.https.certificate' and 'server.https.key' pair files in order, but list 2 and "
                + "1 files", message);
        message = refusal(Map.of(), Map.of());
        assertTrue(message.startsWith("setting 'server.https.port' needs certificates"), message);
        message = refusal(Map.of(HttpsSettings.PROTOCOLS, "TLSv1.1"), Map.of());
        assertTrue(message.contains("must list TLSv1.3 and/or TLSv1.2"), message);
        message = refusal(Map.of(HttpsSettings.CIPHER_SUITES, "TLS_NO_SUCH_SUITE"), Map.of());
        assertTrue(message.contains("'TLS_NO_SUCH_SUITE', a cipher suite this Java runtime does not offer"), message);
    }

    @Test
    void tlsVersionsAndCipherSuitesOfTheSettingsAreTheOnlyOnesAccepted() throws Exception {
        Map<String, String> settings = new HashMap<>(pem(first.certificate(), first.key()));
        settings.put(HttpsSettings.PROTOCOLS, "TLSv1.2");
        settings.put(HttpsSettings.CIPHER_SUITES, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        try (InProcessGateway gateway = start(settings, Map.of())) {
            int port = gateway.server.httpsPort();
            try (SSLSocket socket = TlsClients.connect(TlsClients.trustingTestCa(), port, null, null)) {
                assertEquals("TLSv1.2", socket.getSession().getProtocol());
                assertEquals("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", socket.getSession().getCipherSuite());
            }
            assertThrows(SSLException.class, () -> TlsClients.connect(TlsClients.trustingTestCa(), port, null,
                    "TLSv1.3").close(), "TLS 1.3 is not among server.https.protocols");
        }
    }
}
