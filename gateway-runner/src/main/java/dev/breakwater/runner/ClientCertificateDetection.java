package dev.breakwater.runner;

import dev.breakwater.gateway.tls.ClientHelloSni;
import dev.breakwater.gateway.tls.HostPatterns;
import dev.breakwater.gateway.tls.ServerTls;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.SslConnectionFactory;

/**
 * Client certificates requested per SNI host name (APIM's {@code negotiateClientCertificate}).
 * JSSE fixes want-client-auth before the handshake starts, so the choice is made on the raw
 * ClientHello: a {@link DetectorConnectionFactory} waits for the first TLS record (bounded by
 * {@link ClientHelloSni#MAX_BYTES}), reads its server_name, and hands the bytes to one of two
 * {@link SslConnectionFactory}s with the same certificates, the one of the listed names requesting a
 * client certificate. Anything else (no name, another name, a malformed or oversized hello, bytes
 * that are not TLS) goes to the default one, which fails a non-TLS client as a plain listener does.
 * Jetty's own way for this; the alternatives (an SNI matcher flipping client auth mid-handshake)
 * rely on JDK internals that copy the settings when the handshake starts.
 */
final class ClientCertificateDetection {

    private ClientCertificateDetection() {
    }

    /**
     * The listener's first connection factory: TLS with client certificates requested where the
     * settings ask, each factory handing the decrypted bytes to {@code nextProtocol}.
     */
    static ConnectionFactory tls(ServerTls tls, String nextProtocol) {
        HostPatterns hosts = tls.clientCertificateHosts();
        if (tls.requestingFactory() == null) {
            return new SslConnectionFactory(tls.factory(), nextProtocol);
        }
        if (hosts.all()) {
            return new SslConnectionFactory(tls.requestingFactory(), nextProtocol); // no hello to read
        }
        DetectorConnectionFactory detector = new DetectorConnectionFactory(
                new BySni(tls.requestingFactory(), nextProtocol, hosts, true),
                new BySni(tls.factory(), nextProtocol, hosts, false));
        // the whole first record fits, so a detection never overflows the buffer
        detector.setInputBufferSize(ClientHelloSni.MAX_BYTES);
        return detector;
    }

    /** TLS that takes the connections whose SNI host name is listed ({@code listed}), or all the others. */
    private static final class BySni extends SslConnectionFactory {

        private final HostPatterns hosts;
        private final boolean listed;

        BySni(org.eclipse.jetty.util.ssl.SslContextFactory.Server factory, String nextProtocol, HostPatterns hosts,
              boolean listed) {
            super(factory, nextProtocol);
            this.hosts = hosts;
            this.listed = listed;
        }

        @Override
        public Detection detect(ByteBuffer buffer) {
            Optional<String> name = ClientHelloSni.hostName(buffer);
            if (name == null) {
                return Detection.NEED_MORE_BYTES;
            }
            boolean matches = name.isPresent() && hosts.matches(name.get());
            return matches == listed ? Detection.RECOGNIZED : Detection.NOT_RECOGNIZED;
        }
    }
}
