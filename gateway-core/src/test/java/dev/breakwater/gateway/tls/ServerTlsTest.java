package dev.breakwater.gateway.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.testing.TestCertificates;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/**
 * The listener's TLS with client certificates requested for some host names: a second context with
 * the same certificates wants (never needs) a client certificate, and a reload reaches both.
 */
class ServerTlsTest {

    private static HttpsOptions options(TestCertificates.ServerPem pem, List<String> hosts) {
        return new HttpsOptions(0, "127.0.0.1", new HttpsOptions.CertificateSource(List.of(pem.certificate()),
                List.of(pem.key()), null, null), List.of("TLSv1.3", "TLSv1.2"), List.of(), Duration.ofSeconds(5), false,
                new HostPatterns(hosts));
    }

    @Test
    void theRequestingContextWantsAClientCertificateAndReloadsWithTheOther() throws Exception {
        TestCertificates made = TestCertificates.get();
        TestCertificates.ServerPem first = made.serverPem("tls-first", "first.example.test");
        ServerTls tls = ServerTls.create(options(first, List.of("first.example.test")));
        tls.factory().start();
        tls.requestingFactory().start();
        try {
            SSLEngine plain = tls.factory().newSSLEngine();
            SSLEngine requesting = tls.requestingFactory().newSSLEngine();
            assertFalse(plain.getWantClientAuth() || plain.getNeedClientAuth());
            assertTrue(requesting.getWantClientAuth());
            assertFalse(requesting.getNeedClientAuth(), "requested, never required");

            TestCertificates.ServerPem second = made.serverPem("tls-second", "second.example.test");
            ServerCertificates next = ServerCertificates.read(options(second, List.of()).certificates());
            tls.reload(next);
            assertSame(next.keyStore(), tls.factory().getKeyStore());
            assertSame(next.keyStore(), tls.requestingFactory().getKeyStore());
            assertTrue(tls.requestingFactory().newSSLEngine().getWantClientAuth(), "still requesting after a reload");
            assertEquals(next.served(), tls.served());
        } finally {
            tls.requestingFactory().stop();
            tls.factory().stop();
        }
    }

    @Test
    void withoutHostNamesThereIsOneContext() throws Exception {
        TestCertificates.ServerPem pem = TestCertificates.get().serverPem("tls-only", "only.example.test");
        assertNull(ServerTls.create(options(pem, List.of())).requestingFactory());
    }
}
