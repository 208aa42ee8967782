package dev.breakwater.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.certificate.CertificateReader;
import dev.breakwater.gateway.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backends' trust: a PEM file of CAs is read, and host names stay verified with or without a client certificate. */
class BackendTrustTest {

    @TempDir
    Path dir;

    @Test
    void hostNamesAreVerifiedOnEveryTlsContext() throws Exception {
        TestCertificates made = TestCertificates.get();
        BackendTrust trust = BackendTrust.withPemFile(made.caPem);
        assertEquals("HTTPS", trust.sslContextFactory().getEndpointIdentificationAlgorithm());
        assertEquals("HTTPS", trust.sslContextFactory(CertificateReader.fromPem("c", made.clientPem()))
                .getEndpointIdentificationAlgorithm());
        assertEquals("HTTPS", BackendTrust.jvmDefault().sslContextFactory().getEndpointIdentificationAlgorithm());
    }

    @Test
    void aFileThatIsNotAPemFileOfCertificatesIsRefusedSayingWhy() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BackendTrust.withPemFile(missing)).getMessage()
                .startsWith("cannot read " + missing.toAbsolutePath()));
        Path text = Files.writeString(dir.resolve("text.pem"), "not a certificate");
        assertEquals(text.toAbsolutePath() + " is not a PEM file of certificates",
                assertThrows(IllegalArgumentException.class, () -> BackendTrust.withPemFile(text)).getMessage());
    }
}
