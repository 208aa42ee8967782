package dev.breakwater.war;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakwater.gateway.testing.Echo;
import dev.breakwater.gateway.testing.TestBackend;
import dev.breakwater.gateway.testing.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAR leaves TLS to its container and still sees client certificates: in an embedded Jetty 12
 * with TLS that wants client certificates (the container's own setup), validate-client-certificate
 * passes a certificate from the configuration's CA and refuses a request without one, and
 * {@code context.Request.Certificate} reaches the backend through a set-header.
 */
class ClientCertificateWarIT {

    @TempDir
    Path tempDir;
    private TestBackend backend;
    private Server server;
    private ServerConnector connector;
    private AutoCloseable settings;
    private TestCertificates made;

    @BeforeEach
    void deploy() throws Exception {
        made = TestCertificates.get();
        backend = new TestBackend();
        String policy = "<policies><inbound><base/><validate-client-certificate validate-revocation=\\\"false\\\">"
                + "<identities><identity issuer-certificate-id=\\\"root\\\"/></identities></validate-client-certificate>"
                + "<set-header name=\\\"X-Client-Thumbprint\\\" exists-action=\\\"override\\\"><value>"
                + "@(context.Request.Certificate.Thumbprint)</value></set-header></inbound></policies>";
        String document = "{\"revision\": 1, \"certificates\": [{\"id\": \"root\", \"ca\": true, \"pem\": \""
                + made.caCertificatePem().replace("\r", "").replace("\n", "\\n") + "\"}], \"apis\": [{\"id\": \"mtls\", "
                + "\"path\": \"mtls\", \"serviceUrl\": \"" + backend.url() + "/svc\", \"subscriptionRequired\": false, "
                + "\"policy\": \"" + policy + "\"}]}";
        Path settingsFile = WarFixtures.settingsFileFor(tempDir, "mtls-config.json", document);

        server = new Server();
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(made.serverStore.toString());
        tls.setKeyStorePassword(TestCertificates.PASSWORD);
        tls.setKeyStoreType("PKCS12");
        tls.setTrustStore(made.caTrustStore());
        tls.setWantClientAuth(true);
        HttpConfiguration https = new HttpConfiguration();
        https.addCustomizer(new SecureRequestCustomizer(false));
        connector = WarFixtures.onLoopback(new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(https)));
        server.setHandler(WarFixtures.webapp(tempDir));
        settings = WarFixtures.useSettings(settingsFile);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (server != null) {
                server.stop();
            }
        } finally {
            backend.close();
            if (settings != null) {
                settings.close();
            }
        }
    }

    private HttpResponse<String> get(SSLContext context) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = URI.create("https://localhost:" + connector.getLocalPort() + WarFixtures.CONTEXT_PATH + "/mtls/items");
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theWarSeesTheContainersClientCertificate() throws Exception {
        HttpResponse<String> response = get(made.clientContext(made.clientStore));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(made.clientThumbprint(), Echo.parse(response.body()).firstHeader("X-Client-Thumbprint"));

        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(made.caTrustStore());
        SSLContext noCertificate = SSLContext.getInstance("TLS");
        noCertificate.init(null, trust.getTrustManagers(), null);
        HttpResponse<String> refused = get(noCertificate);
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("{\"statusCode\":403,\"message\":\"Invalid client certificate\"}", refused.body());
    }
}
