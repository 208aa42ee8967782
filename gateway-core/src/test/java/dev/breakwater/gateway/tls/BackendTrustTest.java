package dev.breakwater.gateway.tls;

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
        assertEquals("HTTPS", trust.sslContextFactory(new UpstreamTls(null, null, CertificateReader.fromPem("c", made.clientPem())))
                .getEndpointIdentificationAlgorithm());
        assertEquals("HTTPS", BackendTrust.jvmDefault().sslContextFactory().getEndpointIdentificationAlgorithm());
    }

    @Test
    void aBackendsChecksAndTheTlsVersionsAreWhatTheContextDoes() throws Exception {
        BackendTrust trust = BackendTrust.jvmDefault().withProtocols(java.util.List.of("TLSv1.3"));
        assertEquals(java.util.List.of("TLSv1.3"), java.util.List.of(trust.sslContextFactory().getIncludeProtocols()));
        assertEquals(null, trust.sslContextFactory(new UpstreamTls(null, new CertificateChecks(true, false), null))
                .getEndpointIdentificationAlgorithm());
        assertEquals("HTTPS", trust.sslContextFactory(new UpstreamTls(null, new CertificateChecks(false, true), null))
                .getEndpointIdentificationAlgorithm(), "the name is still checked when only the chain is not");
        assertEquals("'SSLv3' is not a TLS version; known: TLSv1.3, TLSv1.2 (and TLSv1.1, TLSv1 where the JVM still "
                + "enables them)", assertThrows(IllegalArgumentException.class,
                () -> trust.withProtocols(java.util.List.of("SSLv3"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> trust.withProtocols(java.util.List.of("TLS1.2")))
                .getMessage().startsWith("'TLS1.2' is not a TLS version"));
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
