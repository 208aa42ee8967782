package dev.breakwater.runner;

import dev.breakwater.gateway.testing.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS clients for the HTTPS listener's tests: a context that trusts the test CA, handshakes with
 * or without SNI that tell which certificate was served, and HTTP/1.1 requests on an open TLS
 * socket (to prove that a connection outlives a certificate reload).
 */
final class TlsClients {

    private TlsClients() {
    }

    /** A new context (so a new session cache) that trusts the test CA. */
    static SSLContext trustingTestCa() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(TestCertificates.get().caTrustStore());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** A connected, handshaken socket to 127.0.0.1; {@code sni} may be {@code null} (none sent). */
    static SSLSocket connect(SSLContext context, int port, String sni, String protocol) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
        if (protocol != null) {
            parameters.setProtocols(new String[] {protocol});
        }
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    /** The certificate served to a handshake with this SNI host name ({@code null}: none). */
    static X509Certificate served(SSLContext context, int port, String sni) throws IOException {
        try (SSLSocket socket = connect(context, port, sni, null)) {
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    /** Sends a GET on an open connection, keeps it open, and returns the status code once the body is read. */
    static int get(SSLSocket socket, String path) throws IOException {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        String head = head(in);
        int status = Integer.parseInt(head.substring(9, 12));
        String lower = head.toLowerCase(Locale.ROOT);
        int length = lower.indexOf("\ncontent-length:");
        if (length >= 0) {
            int end = lower.indexOf('\r', length);
            in.readNBytes(Integer.parseInt(lower.substring(length + 16, end).trim()));
        } else if (lower.contains("\ntransfer-encoding: chunked")) {
            readChunks(in);
        }
        return status;
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (head.size() < 65_536) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed within the response head: " + head);
            }
            head.write(b);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
        throw new IOException("a response head over 64 KiB");
    }

    private static void readChunks(InputStream in) throws IOException {
        for (int chunks = 0; chunks < 10_000; chunks++) {
            String size = line(in);
            int length = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (length == 0) {
                line(in); // the blank line after the last chunk (no trailers here)
                return;
            }
            in.readNBytes(length);
            line(in);
        }
        throw new IOException("more than 10000 chunks");
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || line.length() > 1024) {
                throw new IOException("a broken chunked body");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
