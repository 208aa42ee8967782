package dev.breakwater.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A backend that never sends {@code 100 Continue}: it reads the head, then waits for the body
 * whatever the request expects, and answers with how many body bytes it got and whether the
 * request carried {@code Expect}. One request per connection, a thread per connection.
 */
final class SilentContinueBackend implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicBoolean open = new AtomicBoolean(true);

    SilentContinueBackend() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "silent-continue-backend");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (open.get()) {
            try {
                Socket socket = server.accept();
                Thread worker = new Thread(() -> answer(socket), "silent-continue-request");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void answer(Socket socket) {
        try (socket) {
            socket.setSoTimeout(60_000);
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            boolean expect = head.toLowerCase(Locale.ROOT).contains("\r\nexpect:");
            long length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Long.parseLong(line.substring("content-length:".length()).trim());
                }
            }
            long got = in.readNBytes((int) length).length;
            String body = "{\"bodyLength\":" + got + ",\"expect\":" + expect + "}";
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException | RuntimeException e) {
            // the gateway gave up on this exchange; nothing to answer
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the head");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        open.set(false);
        server.close();
    }
}
