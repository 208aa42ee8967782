package dev.breakwater.gateway.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The HTTPS listener's trust for client certificates: every chain is accepted at the TLS layer,
 * and the policies decide ({@code validate-client-certificate}, {@code context.Request.Certificate}),
 * as APIM does, so that an expired certificate or one from an unknown CA reaches the policy and gets
 * its 403 rather than a handshake failure. The handshake still proves that the client holds the
 * certificate's private key (CertificateVerify). Server side only: it trusts no server.
 */
final class AcceptingClientTrust extends X509ExtendedTrustManager {

    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // deliberately accepted: the policies check the certificate
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // deliberately accepted: the policies check the certificate
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // deliberately accepted: the policies check the certificate
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the HTTPS listener's client trust checks no servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the HTTPS listener's client trust checks no servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the HTTPS listener's client trust checks no servers");
    }

    /** None named: the CertificateRequest lists no CA, so clients offer whatever certificate they have. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS;
    }
}
