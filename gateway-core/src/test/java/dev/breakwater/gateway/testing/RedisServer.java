package dev.breakwater.gateway.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for a test: a child process on a loopback port, nothing saved to
 * disk, ready when it answers PING. {@link #stop()} kills it (an outage), {@link #start()} starts it
 * again on the same port. Fails with a clear message when {@code redis-server} is not installed
 * ({@code .ci/run} installs it).
 */
public final class RedisServer implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(20);

    private final int port;
    private final Path dir;
    /** {@code requirepass}, or {@code null} for none. */
    private final String password;
    /** The TLS port's arguments (port, certificate, key), or none. */
    private final List<String> tlsArguments;
    private final int tlsPort;
    private Process process;

    private RedisServer(int port, String password, int tlsPort, List<String> tlsArguments) throws IOException {
        this.port = port;
        this.dir = Files.createTempDirectory("redis-test");
        this.password = password;
        this.tlsPort = tlsPort;
        this.tlsArguments = tlsArguments;
    }

    /** Starts a server on a free loopback port. */
    public static RedisServer startOnFreePort() throws IOException, InterruptedException {
        RedisServer server = new RedisServer(freePort(), null, -1, List.of());
        server.start();
        return server;
    }

    /**
     * Starts a server that asks for a password and also serves TLS, with this certificate and key
     * (PEM), on a second free port ({@link #tlsUrl()}); clients are not asked for certificates.
     */
    public static RedisServer startSecured(String password, Path certificate, Path key)
            throws IOException, InterruptedException {
        int tlsPort = freePort();
        RedisServer server = new RedisServer(freePort(), password, tlsPort, List.of("--tls-port",
                Integer.toString(tlsPort), "--tls-cert-file", certificate.toString(), "--tls-key-file", key.toString(),
                "--tls-auth-clients", "no"));
        server.start();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Starts the server (again) on its port and waits until it answers PING. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        String binary = binary();
        List<String> command = new ArrayList<>(List.of(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString()));
        if (password != null) {
            command.addAll(List.of("--requirepass", password));
        }
        command.addAll(tlsArguments);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        Await.until("redis-server answers PING on port " + port, READY, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited: " + Files.readString(dir.resolve("redis.log")));
            }
            return "+PONG".equals(command("PING"));
        });
    }

    /** Kills the server at once, as a crash would (SIGKILL), and waits until it is gone. */
    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis-server did not stop");
            }
        }
    }

    public int port() {
        return port;
    }

    /** The URL a gateway is given: {@code redis://127.0.0.1:port}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** The TLS port's URL, by the name its certificate has: {@code rediss://localhost:port}. */
    public String tlsUrl() {
        return "rediss://localhost:" + tlsPort;
    }

    /** Sends one inline command and returns the first line of the answer (e.g. {@code +PONG}, {@code :3}), or a bulk string's value. */
    public String command(String inline) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            if (password != null) {
                out.write(("AUTH " + password + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                line(in); // +OK
            }
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String line = line(in);
            // a bulk string ($length, then the value): the value; a missing one ($-1): null
            if (line.startsWith("$")) {
                return line.equals("$-1") ? null : line(in);
            }
            return line;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n' && line.length() < 4096; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            File candidate = new File(dir, "redis-server");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        for (String known : new String[] {"/usr/bin/redis-server", "/usr/sbin/redis-server", "/usr/local/bin/redis-server"}) {
            if (new File(known).canExecute()) {
                return known;
            }
        }
        throw new IllegalStateException("redis-server is not installed: the shared-counter tests need a real one "
                + "(Debian: apt-get install redis-server; .ci/run installs it)");
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
