package dev.breakwater.gateway.policy.runtime.views;

import dev.breakwater.gateway.certificate.ClientCertificateValidation;
import dev.breakwater.gateway.certificate.DotNetNames;
import dev.breakwater.gateway.certificate.PresentedChain;
import dev.breakwater.gateway.certificate.Thumbprints;
import dev.breakwater.gateway.certificate.TrustedCertificates;
import dev.breakwater.gateway.policy.expression.context.CertificateView;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code context.Request.Certificate}: the certificate the client presented, with .NET's formats,
 * and {@code Verify()} against the JVM's CAs and the configuration's CA certificates at the
 * gateway's clock (no revocation check, see {@link ClientCertificateValidation}).
 */
final class ClientCertificateView implements CertificateView {

    private final PresentedChain presented;
    private final TrustedCertificates trusted;
    private final Clock clock;

    ClientCertificateView(PresentedChain presented, TrustedCertificates trusted, Clock clock) {
        this.presented = presented;
        this.trusted = trusted;
        this.clock = clock;
    }

    private X509Certificate certificate() {
        return presented.certificate();
    }

    @Override
    public String subject() {
        return DotNetNames.name(certificate().getSubjectX500Principal());
    }

    @Override
    public String issuer() {
        return DotNetNames.name(certificate().getIssuerX500Principal());
    }

    @Override
    public String thumbprint() {
        return Thumbprints.of(certificate());
    }

    @Override
    public String serialNumber() {
        return DotNetNames.serialNumber(certificate().getSerialNumber());
    }

    @Override
    public Instant notBefore() {
        return certificate().getNotBefore().toInstant();
    }

    @Override
    public Instant notAfter() {
        return certificate().getNotAfter().toInstant();
    }

    @Override
    public boolean verify() {
        return ClientCertificateValidation.problem(presented, trusted, clock.instant(),
                ClientCertificateValidation.Checks.ALL) == null;
    }

    @Override
    public byte[] rawData() {
        try {
            return certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate read from TLS encodes", e);
        }
    }

    @Override
    public int version() {
        return certificate().getVersion();
    }
}
