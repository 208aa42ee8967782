package dev.breakwater.gateway.sync;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.glassfish.jersey.client.ClientProperties;

/**
 * The gateway's side of the management plane's gateway API, over the Jersey client:
 * conditional and long-polling configuration requests, and heartbeats.
 */
public final class ManagementPlaneClient implements AutoCloseable {

    /** A configuration document and its ETag. */
    public record Fetched(byte[] document, String etag) {
    }

    private final Client client;
    private final WebTarget gateway;
    private final String authorization;

    /**
     * @param endpoint      the management plane's base URL
     * @param authorization the {@code GatewayKey ...} token; never logged
     * @param trust         the TLS context whose CAs an {@code https} management plane must be signed
     *                      by ({@code config.service.trust}); {@code null}: the JVM's trusted CAs
     */
    public ManagementPlaneClient(URI endpoint, String gatewayName, String authorization, Duration connectTimeout,
                                 SSLContext trust) {
        ClientBuilder builder = ClientBuilder.newBuilder()
                .property(ClientProperties.CONNECT_TIMEOUT, (int) connectTimeout.toMillis())
                .property(ClientProperties.FOLLOW_REDIRECTS, false);
        if (trust != null) {
            builder.sslContext(trust); // host names are still verified (the default verifier)
        }
        this.client = builder.build();
        this.gateway = client.target(endpoint).path("gateway/v1/gateways").path(gatewayName);
        this.authorization = authorization;
    }

    /**
     * Asks for the configuration, unless it is still {@code etag}; with a {@code wait}, the
     * management plane holds the request until the configuration changes or the wait ends.
     *
     * @return the new document, or {@code null} when it is unchanged
     */
    public Fetched fetch(String etag, Duration wait) throws SyncException {
        WebTarget target = gateway.path("configuration");
        if (etag != null && !wait.isZero()) {
            target = target.queryParam("wait", wait.toSeconds());
        }
        var request = target.request(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .property(ClientProperties.READ_TIMEOUT, (int) (wait.toMillis() + 15_000));
        if (etag != null) {
            request = request.header(HttpHeaders.IF_NONE_MATCH, etag);
        }
        try (Response response = request.get()) {
            return switch (response.getStatus()) {
                case 200 -> new Fetched(complete(response), response.getHeaderString(HttpHeaders.ETAG));
                case 304 -> null;
                default -> throw failure(response);
            };
        } catch (ProcessingException e) {
            throw new SyncException("the management plane cannot be reached: " + rootCause(e), false);
        }
    }

    public void heartbeat(byte[] json) throws SyncException {
        post("heartbeat", json);
    }

    /** Per-minute request aggregates; the management plane keeps each bucket once. */
    public void telemetry(byte[] json) throws SyncException {
        post("telemetry", json);
    }

    private void post(String path, byte[] json) throws SyncException {
        try (Response response = gateway.path(path).request()
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .property(ClientProperties.READ_TIMEOUT, 15_000)
                .post(Entity.entity(json, MediaType.APPLICATION_JSON_TYPE))) {
            if (response.getStatus() / 100 != 2) {
                throw failure(response);
            }
        } catch (ProcessingException e) {
            throw new SyncException("the management plane cannot be reached: " + rootCause(e), false);
        }
    }

    /** The body, checked against its Content-Length: a document cut off half-way is never applied. */
    private static byte[] complete(Response response) throws SyncException {
        byte[] body = response.readEntity(byte[].class);
        int expected = response.getLength();
        if (expected >= 0 && body.length != expected) {
            throw new SyncException("the configuration was cut off after " + body.length + " of " + expected
                    + " bytes", false);
        }
        return body;
    }

    private static SyncException failure(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        String detail = body.length() > 300 ? body.substring(0, 300) : body;
        return new SyncException("the management plane answered " + response.getStatus() + " " + detail,
                response.getStatus() == 401);
    }

    /** Why the connection failed, in words: the JDK's exception names are no help to an operator. */
    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ConnectException) {
            return "connection refused (is it running, at the address of config.service.endpoint?)";
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host " + cause.getMessage() + " (check config.service.endpoint)";
        }
        if (cause instanceof SocketTimeoutException) {
            return "no answer in time (a firewall, or a management plane too busy to answer)";
        }
        if (untrusted(e)) {
            return "its HTTPS certificate is not trusted: it is not signed by a CA of config.service.trust (when "
                    + "unset, of the JVM's trusted CAs)";
        }
        if (cause instanceof CertificateException && String.valueOf(cause.getMessage()).contains("matching")) {
            return "its HTTPS certificate does not name the host of config.service.endpoint: " + cause.getMessage();
        }
        if (cause instanceof SSLException) {
            return "the TLS handshake failed: " + cause.getMessage();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** A certificate chain that leads to no trusted CA (PKIX path building or validation failed). */
    private static boolean untrusted(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        client.close();
    }
}
