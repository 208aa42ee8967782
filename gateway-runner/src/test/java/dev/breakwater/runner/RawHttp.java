package dev.breakwater.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request exactly as written, for what java.net.http will not send (hop-by-hop
 * headers, dot segments, oversized headers), and reads the whole response until the
 * connection closes.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** Sends the request lines (CRLF added) and returns the raw response text. */
    static String exchange(int port, String... requestLines) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            String request = String.join("\r\n", requestLines) + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                response.write(buffer, 0, n);
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    /** The body of a raw response (after the blank line). */
    static String body(String response) {
        int blank = response.indexOf("\r\n\r\n");
        return blank < 0 ? "" : response.substring(blank + 4);
    }
}
