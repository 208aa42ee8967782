package dev.breakwater.gateway.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for a test: {@code initdb} into a temporary directory, {@code pg_ctl
 * start} on a free loopback port (socket in the same directory), password authentication over
 * TCP, one user ({@link #user()}, {@link #password()}) owning the databases the test creates.
 * {@link #stop()} takes it down at once (an outage), {@link #start()} brings it back on the same
 * port with its data. Only the server of this directory is ever stopped, with {@code pg_ctl}.
 *
 * <p>PostgreSQL refuses to run as root, which CI is: then every command runs as the user
 * {@code postgres} ({@code runuser}; the Debian package creates it), which owns the directory.
 * Fails with a clear message when PostgreSQL is not installed ({@code .ci/run} installs it).
 */
public final class PostgresServer implements AutoCloseable {

    private static final String USER = "breakwater";
    private static final long TIMEOUT_SECONDS = 60;

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean asPostgres;
    private final String password;
    private final Thread cleanup;
    private boolean running;

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgres, String password) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.asPostgres = asPostgres;
        this.password = password;
        this.cleanup = new Thread(this::stopQuietly, "postgres-test-cleanup"); // a test JVM that dies leaves none behind
    }

    /** Initialises a cluster, starts it on a free loopback port and creates the test user. */
    public static PostgresServer startOnFreePort() throws IOException, InterruptedException {
        Path bin = binaries();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path dir = Files.createTempDirectory("postgres-test");
        boolean asPostgres = isRoot();
        // the server's user must reach its directory; a 0700 directory of root's is not one
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        PostgresServer server = new PostgresServer(bin, dir, port, asPostgres, "pw-" + HexFormat.of().formatHex(random));
        server.init();
        Runtime.getRuntime().addShutdownHook(server.cleanup);
        server.start();
        server.psql("postgres", "CREATE ROLE " + USER + " LOGIN PASSWORD '" + server.password + "'");
        return server;
    }

    private void init() throws IOException, InterruptedException {
        Path superPassword = dir.resolve("superuser-password");
        Files.writeString(superPassword, password + "-super\n");
        if (asPostgres) {
            run(List.of("chown", "postgres:postgres", dir.toString(), superPassword.toString()));
        }
        run(asServerUser(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-E", "UTF8",
                "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + superPassword));
    }

    /** Starts the server (again) on its port and waits until it accepts connections. */
    public synchronized void start() throws IOException, InterruptedException {
        if (running) {
            return;
        }
        run(asServerUser(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", Long.toString(TIMEOUT_SECONDS), "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                "start"));
        running = true;
    }

    /** Stops the server at once (immediate mode: no checkpoint, clients cut off), as an outage would. */
    public synchronized void stop() throws IOException, InterruptedException {
        if (running) {
            run(asServerUser(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
            running = false;
        }
    }

    /** Creates a database owned by the test user and returns its JDBC URL. */
    public String createDatabase(String name) throws IOException, InterruptedException {
        psql("postgres", "CREATE DATABASE " + name + " OWNER " + USER);
        return url(name);
    }

    /** {@code jdbc:postgresql://127.0.0.1:port/name}. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Runs SQL as the superuser through the socket; returns psql's unaligned output. */
    public String psql(String database, String sql) throws IOException, InterruptedException {
        return run(asServerUser(bin.resolve("psql").toString(), "-h", dir.toString(), "-p", Integer.toString(port),
                "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-X", "-A", "-t", "-c", sql));
    }

    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    private List<String> asServerUser(String... command) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(Arrays.asList(command));
        return full;
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(dir, "command", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(asPostgres ? 4 : 0) + " did not finish in " + TIMEOUT_SECONDS + "s");
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        if (process.exitValue() != 0) {
            String log = Files.exists(dir.resolve("server.log")) ? Files.readString(dir.resolve("server.log")) : "";
            throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                    + text + log);
        }
        return text.trim();
    }

    private static Path binaries() {
        List<Path> candidates = new ArrayList<>();
        try {
            Process config = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String out = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (config.waitFor(10, TimeUnit.SECONDS) && config.exitValue() == 0) {
                candidates.add(Path.of(out));
            }
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // no pg_config: look where Debian puts the server
        }
        File[] versions = new File("/usr/lib/postgresql").listFiles();
        if (versions != null) {
            Arrays.stream(versions).map(v -> v.toPath().resolve("bin"))
                    .sorted(Comparator.comparing(PostgresServer::majorVersion).reversed()).forEach(candidates::add);
        }
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate.resolve("initdb")) && Files.isExecutable(candidate.resolve("pg_ctl"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("PostgreSQL is not installed (no initdb in pg_config --bindir or "
                + "/usr/lib/postgresql/*/bin): the management plane's PostgreSQL tests need a real one "
                + "(Debian: apt-get install postgresql; .ci/run installs it)");
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return id.waitFor(10, TimeUnit.SECONDS) && "0".equals(out);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // best effort at JVM exit
        }
    }

    /** Stops the server and deletes its directory. */
    @Override
    public void close() throws IOException, InterruptedException {
        stop();
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
