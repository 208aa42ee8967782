package dev.breakwater.gateway.tls;

import dev.breakwater.gateway.certificate.ClientCertificate;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The key manager of a TLS context that presents one client certificate: it offers that
 * certificate whatever issuers the backend lists as acceptable, as APIM presents the certificate a
 * policy chose (the JDK's own key manager would send none when the list leaves its issuer out).
 * The JDK still checks that the key suits the handshake. It serves no server side.
 */
final class PresentedKey extends X509ExtendedKeyManager {

    private static final String ALIAS = "presented";

    private final PrivateKey key;
    private final X509Certificate[] chain;

    PresentedKey(ClientCertificate certificate) {
        this.key = certificate.privateKey();
        this.chain = certificate.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return ALIAS;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return ALIAS;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[] {ALIAS};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? key : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }
}
