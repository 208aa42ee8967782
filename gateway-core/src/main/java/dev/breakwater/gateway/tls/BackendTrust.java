package dev.breakwater.gateway.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The gateway's TLS settings for backends and call-outs: the certificate authorities it trusts (the
 * JVM's default ones, and those of a PEM file when {@code backend.tls.trust} names one), and the TLS
 * versions it offers ({@code backend.tls.protocols}). {@link #sslContextFactory(UpstreamTls)} makes
 * the settings of one kind of call: the configuration's CA certificates added to that trust, a
 * backend's certificate checks, a client certificate presented.
 */
public final class BackendTrust {

    /** {@code backend.tls.protocols}'s default: TLS 1.3 and 1.2, nothing older. */
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** The JVM's CAs and the file's, or {@code null} without a file (the JVM's only). */
    private final List<X509Certificate> base;
    private final String[] protocols;

    private BackendTrust(List<X509Certificate> base, List<String> protocols) {
        this.base = base;
        this.protocols = protocols.toArray(String[]::new);
    }

    /** The JVM's default trust only, TLS 1.3 and 1.2. */
    public static BackendTrust jvmDefault() {
        return new BackendTrust(null, DEFAULT_PROTOCOLS);
    }

    /** The JVM's trusted CAs and these ({@code backend.tls.trust}). */
    public static BackendTrust withAuthorities(List<X509Certificate> authorities) {
        try {
            List<X509Certificate> base = new ArrayList<>(Arrays.asList(defaultAuthorities()));
            base.addAll(authorities);
            return new BackendTrust(List.copyOf(base), DEFAULT_PROTOCOLS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM's trusted CAs cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The same trust offering these TLS versions ({@code backend.tls.protocols}).
     *
     * @throws IllegalArgumentException for none, or a name this Java runtime does not know
     */
    public BackendTrust withProtocols(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("at least one TLS version is required, e.g. TLSv1.3,TLSv1.2");
        }
        Set<String> known;
        try {
            known = Set.of(SSLContext.getDefault().getSupportedSSLParameters().getProtocols());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM's TLS context cannot be read: " + e.getMessage(), e);
        }
        for (String name : names) {
            if (!known.contains(name) || name.startsWith("SSL")) {
                throw new IllegalArgumentException("'" + name + "' is not a TLS version; known: TLSv1.3, TLSv1.2 "
                        + "(and TLSv1.1, TLSv1 where the JVM still enables them)");
            }
        }
        return new BackendTrust(base, List.copyOf(names));
    }

    /** The settings of the gateway's first clients: this trust, every check, no client certificate. */
    public SslContextFactory.Client sslContextFactory() {
        return sslContextFactory(UpstreamTls.PLAIN);
    }

    /**
     * The settings of calls made with {@code tls}. Without the chain check any certificate is
     * accepted; without the name check the host name is not compared with the certificate's.
     */
    public SslContextFactory.Client sslContextFactory(UpstreamTls tls) {
        SslContextFactory.Client factory = new SslContextFactory.Client(); // host names verified ("HTTPS")
        factory.setIncludeProtocols(protocols);
        if (!tls.checks().name()) {
            factory.setEndpointIdentificationAlgorithm(null);
        }
        if (tls.isPlain()) {
            if (base != null) {
                factory.setTrustStore(store(List.of()));
            }
            return factory;
        }
        try {
            TrustManager[] trust;
            if (!tls.checks().chain()) {
                // a plain X509TrustManager: the JDK wraps it and still checks the host name when asked to
                trust = new TrustManager[] {new AcceptingTrustManager()};
            } else {
                TrustManagerFactory managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                managers.init(base == null && tls.trusted().isEmpty() ? null : store(tls.trusted().certificates()));
                trust = managers.getTrustManagers();
            }
            KeyManager[] keys = tls.certificate() == null ? null
                    : new KeyManager[] {new PresentedKey(tls.certificate())};
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            factory.setSslContext(context);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a TLS context for " + tls + " cannot be made: " + e.getMessage(), e);
        }
    }

    /** The JVM's CAs, the file's and these, in a key store in memory. */
    private KeyStore store(List<X509Certificate> extra) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate authority : base != null ? base : Arrays.asList(defaultAuthorities())) {
                store.setCertificateEntry("base-" + i++, authority);
            }
            i = 0;
            for (X509Certificate authority : extra) {
                store.setCertificateEntry("ca-" + i++, authority);
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("a trust store in memory cannot be made: " + e.getMessage(), e);
        }
    }

    private static X509Certificate[] defaultAuthorities() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509.getAcceptedIssuers();
            }
        }
        return new X509Certificate[0];
    }

    /** Accepts every server certificate: a backend whose {@code validateCertificateChain} is false. */
    private static final class AcceptingTrustManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a backend's trust checks no clients");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // the chain is deliberately not validated
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
