package dev.breakwater.gateway.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTPS listener's certificates read from PEM pairs (keytool's PKCS#8 keys and OpenSSL's SEC 1
 * EC keys) and PKCS#12, in order, and refusals that name the file without the key.
 */
class ServerCertificatesTest {

    /** Made by {@code openssl ecparam -name prime256v1 -genkey -noout} and {@code openssl req -x509}. */
    private static final Path SEC1 = Path.of("src/test/resources/tls/ec-sec1-key.pem");
    private static final Path SEC1_CERT = Path.of("src/test/resources/tls/ec-sec1-cert.pem");
    /** The same with secp384r1: the curve is read from the key, not assumed. */
    private static final Path SEC1_384 = Path.of("src/test/resources/tls/ec384-sec1-key.pem");
    private static final Path SEC1_384_CERT = Path.of("src/test/resources/tls/ec384-sec1-cert.pem");

    @TempDir
    static Path dir;
    static TestCertificates.ServerPem first;
    static TestCertificates.ServerPem second;

    @BeforeAll
    static void make() throws Exception {
        first = TestCertificates.get().serverPem("unit-first", "a.example.test", "*.a.example.test");
        second = TestCertificates.get().serverPem("unit-second", "b.example.test");
    }

    private static HttpsOptions.CertificateSource pairs(List<Path> certificates, List<Path> keys) {
        return new HttpsOptions.CertificateSource(certificates, keys, null, null);
    }

    @Test
    void pemPairsBecomeEntriesInTheirOrderWithTheFirstAsDefault() throws Exception {
        ServerCertificates read = ServerCertificates.read(pairs(List.of(first.certificate(), second.certificate()),
                List.of(first.key(), second.key())));
        assertEquals("cert0", read.defaultAlias());
        assertEquals(List.of("cert0", "cert1"), read.served().stream().map(ServedCertificate::alias).toList());
        assertEquals(List.of("a.example.test", "*.a.example.test"), read.served().get(0).dnsNames());
        assertTrue(read.served().get(1).subject().startsWith("CN=b.example.test"));
        PrivateKey key = (PrivateKey) read.keyStore().getKey("cert1", read.keyPassword().toCharArray());
        assertEquals("EC", key.getAlgorithm());
        assertEquals(2, read.keyStore().getCertificateChain("cert0").length, "the chain is served with the certificate");
    }

    @Test
    void openSslSec1EcKeysAreRead() throws Exception {
        ServerCertificates read = ServerCertificates.read(pairs(List.of(SEC1_CERT, SEC1_384_CERT),
                List.of(SEC1, SEC1_384)));
        assertEquals(List.of("sec1.example.test"), read.served().get(0).dnsNames());
        X509Certificate p384 = (X509Certificate) read.keyStore().getCertificate("cert1");
        assertTrue(p384.getSubjectX500Principal().getName().startsWith("CN=sec1-384.example.test"));
        assertEquals("EC", read.keyStore().getKey("cert1", read.keyPassword().toCharArray()).getAlgorithm());
    }

    @Test
    void aPkcs12KeystoreGivesItsKeyEntries() throws Exception {
        ServerCertificates read = ServerCertificates.read(new HttpsOptions.CertificateSource(List.of(), List.of(),
                first.keystore(), TestCertificates.PASSWORD.toCharArray()));
        assertEquals(1, read.served().size(), "the CA's trusted entry is no certificate to serve");
        assertTrue(read.served().get(0).subject().startsWith("CN=a.example.test"));
    }

    @Test
    void refusalsNameTheFileAndTheProblem() throws Exception {
        CertificateFileException swapped = assertThrows(CertificateFileException.class, () -> ServerCertificates.read(
                pairs(List.of(first.key()), List.of(first.certificate()))));
        assertEquals("server.https.certificate file " + first.key() + ": the PEM text holds no CERTIFICATE block",
                swapped.getMessage());
        Path encrypted = Files.writeString(dir.resolve("encrypted.pem"),
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nTUlJQ1NlY3JldA==\n-----END ENCRYPTED PRIVATE KEY-----\n");
        String message = assertThrows(CertificateFileException.class, () -> ServerCertificates.read(
                pairs(List.of(first.certificate()), List.of(encrypted)))).getMessage();
        assertTrue(message.startsWith("server.https.key file " + encrypted + " (for " + first.certificate()
                + "): the private key in the PEM text is encrypted"), message);
        assertFalse(message.contains("TUlJQ1NlY3JldA"), message);
        Path large = Files.write(dir.resolve("large.pem"), new byte[ServerCertificates.MAX_FILE_BYTES + 1]);
        message = assertThrows(CertificateFileException.class, () -> ServerCertificates.read(
                pairs(List.of(large), List.of(first.key())))).getMessage();
        assertTrue(message.contains("large.pem: has " + (ServerCertificates.MAX_FILE_BYTES + 1) + " bytes"), message);
    }
}
