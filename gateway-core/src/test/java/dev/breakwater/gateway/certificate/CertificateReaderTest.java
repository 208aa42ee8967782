package dev.breakwater.gateway.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.testing.TestCertificates;
import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Certificates made by keytool, read from PKCS#12 and PEM, and what is refused, with messages free of secrets. */
class CertificateReaderTest {

    static TestCertificates certificates;

    @BeforeAll
    static void make() throws Exception {
        certificates = TestCertificates.get();
    }

    @Test
    void aPkcs12FileGivesTheCertificateItsChainAndKey() throws Exception {
        ClientCertificate certificate = CertificateReader.fromData("orders", certificates.clientData(),
                TestCertificates.PASSWORD);
        assertEquals("orders", certificate.id());
        assertEquals(certificates.clientThumbprint(), certificate.thumbprint());
        assertEquals(TestCertificates.CLIENT_SUBJECT, certificate.subject());
        assertTrue(certificate.hasPrivateKey());
        assertEquals(2, certificate.chain().size(), "the client's certificate, then the CA's");
        assertEquals("certificate " + certificate.thumbprint() + " 'orders'", certificate.toString());
    }

    @Test
    void theSameCertificateAsPemHasTheSameThumbprintAndIdentityWhateverTheOrderOfItsBlocks() throws Exception {
        ClientCertificate fromPkcs12 = CertificateReader.fromData("a", certificates.clientData(),
                TestCertificates.PASSWORD);
        String pem = certificates.clientPem(); // the key first, then the chain
        ClientCertificate fromPem = CertificateReader.fromPem("b", "a comment OpenSSL would ignore\n" + pem);
        assertEquals(fromPkcs12.thumbprint(), fromPem.thumbprint());
        assertEquals(fromPkcs12.identity(), fromPem.identity());
        assertTrue(fromPem.hasPrivateKey());
        String caFirst = certificates.caCertificatePem() + pem.replace(certificates.caCertificatePem(), "");
        assertEquals(fromPkcs12.thumbprint(), CertificateReader.fromPem("c", caFirst).thumbprint(),
                "the certificate is the one the key belongs to");
    }

    @Test
    void anRsaKeyInPkcs1IsRead() throws Exception {
        String pem = certificates.otherClientPem();
        String pkcs8 = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27, pem.indexOf("-----END PRIVATE KEY-----"));
        byte[] pkcs1 = Der.pkcs1Of(Base64.getMimeDecoder().decode(pkcs8));
        String rsa = "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1)
                + "\n-----END RSA PRIVATE KEY-----\n";
        String converted = pem.substring(0, pem.indexOf("-----BEGIN PRIVATE KEY-----")) + rsa
                + pem.substring(pem.indexOf("-----END PRIVATE KEY-----") + 26);
        ClientCertificate certificate = CertificateReader.fromPem("rsa", converted);
        assertTrue(certificate.hasPrivateKey());
        assertEquals("RSA", certificate.privateKey().getAlgorithm());
        assertEquals(certificates.otherClientThumbprint(), certificate.thumbprint());
    }

    @Test
    void aCertificateAloneHasNoPrivateKey() throws Exception {
        ClientCertificate ca = CertificateReader.fromPem("ca", certificates.caCertificatePem());
        assertFalse(ca.hasPrivateKey());
        assertNull(ca.privateKey());
        assertEquals("CN=Breakwater Test CA", ca.subject());
    }

    @Test
    void aWrongPasswordIsRefusedWithoutRepeatingIt() throws Exception {
        UnreadableCertificateException wrong = assertThrows(UnreadableCertificateException.class,
                () -> CertificateReader.fromData("x", certificates.clientData(), "not-the-pass-0x7f"));
        assertEquals("the PKCS#12 data does not open with its password", wrong.getMessage());
        assertEquals("the PKCS#12 data does not open with no password", assertThrows(
                UnreadableCertificateException.class,
                () -> CertificateReader.fromData("x", certificates.clientData(), null)).getMessage());
    }

    @Test
    void whatIsNotACertificateIsRefusedSayingWhat() throws Exception {
        assertEquals("data is not valid base64", message(() -> CertificateReader.fromData("x", "not base64!", null)));
        assertEquals("the data is not a PKCS#12 (.pfx) file, or is damaged",
                message(() -> CertificateReader.fromData("x", Base64.getEncoder().encodeToString(new byte[100]), "p")));
        assertEquals("the PEM text holds no CERTIFICATE block", message(() -> CertificateReader.fromPem("x", "hello")));
        String pem = certificates.clientPem();
        String keyOnly = pem.substring(0, pem.indexOf("-----END PRIVATE KEY-----") + 26);
        assertEquals("the PEM text holds no CERTIFICATE block", message(() -> CertificateReader.fromPem("x", keyOnly)));
        String otherCertificate = keyOnly + certificates.caCertificatePem();
        assertEquals("the private key belongs to none of the certificates in the PEM text",
                message(() -> CertificateReader.fromPem("x", otherCertificate)));
        assertTrue(message(() -> CertificateReader.fromPem("x", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n"
                + "-----END ENCRYPTED PRIVATE KEY-----\n" + certificates.caCertificatePem()))
                .startsWith("the private key in the PEM text is encrypted"));
        assertEquals("a block of the PEM text has no END line", message(() -> CertificateReader.fromPem("x",
                certificates.caCertificatePem() + "-----BEGIN CERTIFICATE-----\nAAAA\n")));
        assertTrue(message(() -> CertificateReader.fromPkcs12("x", new byte[CertificateReader.MAX_BYTES + 1], null))
                .contains("at most 65536 are read"));
    }

    @Test
    void thumbprintsAreReadAsPeopleWriteThem() throws Exception {
        String thumbprint = certificates.clientThumbprint();
        StringBuilder spaced = new StringBuilder();
        for (int i = 0; i < thumbprint.length(); i += 2) {
            spaced.append(i == 0 ? "" : ":").append(thumbprint, i, i + 2);
        }
        assertEquals(thumbprint, Thumbprints.normalize(spaced.toString().toLowerCase()));
        assertNull(Thumbprints.normalize("ABC"));
        Certificates all = new Certificates(java.util.List.of(CertificateReader.fromPem("one",
                certificates.clientPem())));
        assertEquals("one", all.byThumbprint(" " + thumbprint.toLowerCase() + " ").id());
        assertNull(all.byId("two"));
        assertEquals("defined: one", all.ids());
        assertTrue(Files.exists(certificates.caPem));
    }

    private static String message(Read read) {
        return assertThrows(UnreadableCertificateException.class, read::run).getMessage();
    }

    private interface Read {
        void run() throws Exception;
    }
}
