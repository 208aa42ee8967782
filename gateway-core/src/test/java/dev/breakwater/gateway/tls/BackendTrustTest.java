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
        BackendTrust trust = BackendTrust.withAuthorities(TrustFile.certificates(made.caPem, "backend.tls.trust"));
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
    void aFileThatIsNotAPemFileOfCertificatesIsRefusedNamingTheSettingAndTheFile() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertEquals("backend.tls.trust file " + missing + ": does not exist", assertThrows(
                CertificateFileException.class, () -> TrustFile.certificates(missing, "backend.tls.trust")).getMessage());
        Path text = Files.writeString(dir.resolve("text.pem"), "not a certificate");
        assertEquals("backend.tls.trust file " + text + ": not a PEM file of certificates", assertThrows(
                CertificateFileException.class, () -> TrustFile.certificates(text, "backend.tls.trust")).getMessage());
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertEquals("backend.tls.trust file " + empty + ": holds no certificate", assertThrows(
                CertificateFileException.class, () -> TrustFile.certificates(empty, "backend.tls.trust")).getMessage());
    }
}
