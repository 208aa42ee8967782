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
    private Process process;

    private RedisServer(int port) throws IOException {
        this.port = port;
        this.dir = Files.createTempDirectory("redis-test");
    }

    /** Starts a server on a free loopback port. */
    public static RedisServer startOnFreePort() throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        RedisServer server = new RedisServer(port);
        server.start();
        return server;
    }

    /** Starts the server (again) on its port and waits until it answers PING. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        String binary = binary();
        process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
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

    /** Sends one inline command and returns the first line of the answer (e.g. {@code +PONG}, {@code :3}), or a bulk string's value. */
    public String command(String inline) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
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
