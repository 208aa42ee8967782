package dev.breakwater.gateway.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.certificate.CertificateReader;
import dev.breakwater.gateway.certificate.TrustedCertificates;
import dev.breakwater.gateway.testing.TestCertificates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The clients of distinct TLS settings: one per key, bounded, and those of an older CA set stopped once unused. */
class TlsClientsTest {

    private final List<HttpClient> made = new ArrayList<>();

    private HttpClient start(org.eclipse.jetty.util.ssl.SslContextFactory.Client tls) {
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        made.add(client);
        return client;
    }

    @AfterEach
    void stop() throws Exception {
        for (HttpClient client : made) {
            client.stop();
        }
    }

    private static TrustedCertificates trusted(String id) throws Exception {
        return new TrustedCertificates(Map.of(id, CertificateReader.fromPem(id, TestCertificates.get()
                .caCertificatePem()).chain()));
    }

    @Test
    void oneClientPerKeyAndAnOlderCaSetsClientIsStoppedOnceUnused() throws Exception {
        TlsClients clients = new TlsClients(BackendTrust.jvmDefault(), this::start, 8, Duration.ZERO);
        UpstreamTls withCa = new UpstreamTls(trusted("root"), null, null);
        HttpClient first = clients.clientFor(withCa);
        assertSame(first, clients.clientFor(new UpstreamTls(trusted("same-ca-other-id"), null, null)),
                "the same CA certificates are the same trust, whatever their ids");
        HttpClient unchecked = clients.clientFor(new UpstreamTls(trusted("root"), new CertificateChecks(false, true),
                null));
        assertEquals(2, clients.size());
        assertFalse(first == unchecked);
        // a revision without the CA: the clients of the old set are unused, so they stop
        HttpClient none = clients.clientFor(new UpstreamTls(null, new CertificateChecks(true, false), null));
        assertEquals(1, clients.size());
        assertTrue(first.isStopped() && unchecked.isStopped());
        assertTrue(none.isRunning());
        clients.close();
        assertTrue(none.isStopped());
        assertThrows(IllegalStateException.class, () -> clients.clientFor(withCa));
    }

    @Test
    void beyondItsBoundACallIsRefused() throws Exception {
        TlsClients clients = new TlsClients(BackendTrust.jvmDefault(), this::start, 2, Duration.ofHours(1));
        clients.clientFor(new UpstreamTls(null, new CertificateChecks(false, true), null));
        clients.clientFor(new UpstreamTls(null, new CertificateChecks(true, false), null));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> clients.clientFor(
                new UpstreamTls(null, new CertificateChecks(false, false), null)));
        assertEquals("more than 2 different TLS settings for backends are in use", refused.getMessage());
        clients.close();
    }
}
