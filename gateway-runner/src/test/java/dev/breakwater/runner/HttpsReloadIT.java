package dev.breakwater.runner;

import static dev.breakwater.runner.Documents.api;
import static dev.breakwater.runner.Documents.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.breakwater.gateway.testing.Await;
import dev.breakwater.gateway.testing.TestBackend;
import dev.breakwater.gateway.testing.TestCertificates;
import dev.breakwater.gateway.tls.CertificateReloader;
import dev.breakwater.gateway.tls.HttpsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificate files replaced while the HTTPS listener serves: new handshakes get the new
 * certificate, requests meanwhile all succeed, a connection opened before keeps working, and a
 * broken file is refused with a log line while the last good certificate keeps serving.
 */
class HttpsReloadIT {

    @TempDir
    static Path dir;
    static Path certificateFile;
    static Path keyFile;
    static TestBackend backend;
    static InProcessGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates.ServerPem initial = TestCertificates.get().serverPem("reload", "localhost");
        certificateFile = dir.resolve("server-cert.pem");
        keyFile = dir.resolve("server-key.pem");
        Files.copy(initial.certificate(), certificateFile);
        Files.copy(initial.key(), keyFile);
        backend = new TestBackend();
        gateway = new InProcessGateway(dir, document(1, null, api("orders", "orders", backend.url(), null, "")),
                Map.of(HttpsSettings.PORT, "0", HttpsSettings.CERTIFICATE, certificateFile.toString(),
                        HttpsSettings.KEY, keyFile.toString(), HttpsSettings.RELOAD_INTERVAL, "100ms"));
    }

    @AfterAll
    static void stop() throws Exception {
        try (AutoCloseable backendToClose = backend; AutoCloseable gatewayToClose = gateway) {
            // the gateway first, then its backend
        }
    }

    /** Replaces a file as deployment tools do: a new file moved over the old one. */
    private static void replace(Path target, Path source) throws Exception {
        Path temp = target.resolveSibling(target.getFileName() + ".new");
        Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static X509Certificate served() throws Exception {
        return TlsClients.served(TlsClients.trustingTestCa(), gateway.server.httpsPort(), null);
    }

    @Test
    void replacedFilesAreServedWithoutAFailedRequest() throws Exception {
        int port = gateway.server.httpsPort();
        X509Certificate before = served();
        TestCertificates.ServerPem next = TestCertificates.get().serverPem("reload", "localhost");
        try (SSLSocket open = TlsClients.connect(TlsClients.trustingTestCa(), port, null, null);
             LogCapture log = new LogCapture(CertificateReloader.class)) {
            assertEquals(200, TlsClients.get(open, "/orders/before"));
            // a request on a new connection each time, before, during and after the swap
            X509Certificate now = before;
            int requests = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (now.equals(before)) {
                assertTrue(System.nanoTime() < deadline, "the new certificate was not served within 15 s");
                if (requests == 3) {
                    replace(certificateFile, next.certificate()); // a moment with the new certificate and the old key
                    replace(keyFile, next.key());
                }
                SSLContext client = TlsClients.trustingTestCa();
                try (SSLSocket socket = TlsClients.connect(client, port, null, null)) {
                    assertEquals(200, TlsClients.get(socket, "/orders/during-" + requests), "request " + requests);
                    now = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                }
                requests++;
            }
            assertEquals(TlsClients.served(TlsClients.trustingTestCa(), port, null), now);
            assertFalse(now.getPublicKey().equals(before.getPublicKey()), "a new key too");
            assertEquals(200, TlsClients.get(open, "/orders/after"), "the connection opened before still works");
            assertEquals(before, open.getSession().getPeerCertificates()[0]);
            assertTrue(log.count("INFO", "reloaded") >= 1, log.messages().toString());
        }
    }

    @Test
    void brokenFileIsRefusedAndTheLastGoodCertificateKeepsServing() throws Exception {
        X509Certificate good = served();
        Path broken = dir.resolve("broken-key.pem");
        Files.writeString(broken, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        Path goodKey = dir.resolve("good-key.pem");
        Files.copy(keyFile, goodKey, StandardCopyOption.REPLACE_EXISTING);
        try (LogCapture log = new LogCapture(CertificateReloader.class)) {
            replace(keyFile, broken);
            List<String> warnings = Await.until("a warning about the broken key", Duration.ofSeconds(10),
                    () -> log.messages(Level.WARN), messages -> !messages.isEmpty());
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains(keyFile.toString()) && warnings.get(0).contains("server.https.key")
                    && warnings.get(0).contains("previous ones keep serving"), warnings.get(0));
            assertFalse(warnings.get(0).contains("bm90IGEga2V5"), "no key bytes in the log");
            assertEquals(good, served());
            try (SSLSocket socket = TlsClients.connect(TlsClients.trustingTestCa(), gateway.server.httpsPort(), null,
                    null)) {
                assertEquals(200, TlsClients.get(socket, "/orders/still"));
            }
        } finally {
            replace(keyFile, goodKey);
        }
    }
}
