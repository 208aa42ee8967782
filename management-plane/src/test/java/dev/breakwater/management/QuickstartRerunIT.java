package dev.breakwater.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * conf/quickstart.sh as a user runs it again and again: a port in use stops it at once with
 * what to do; the "try:" lines come only once the gateway is ready; a second run keeps what
 * the user changed instead of seeding the sample over it.
 */
class QuickstartRerunIT {

    private static final Path SCRIPT = Path.of("..", "conf", "quickstart.sh").toAbsolutePath().normalize();
    private static final Duration READY = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aBusyPortStopsItAtOnceNamingThePortAndTheVariableToChange() throws Exception {
        for (String variable : new String[] {"MP_PORT", "GATEWAY_PORT", "ADMIN_PORT"}) {
            Path data = dir.resolve("data-" + variable);
            try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Map<String, String> ports = new java.util.HashMap<>(freePorts());
                ports.put(variable, String.valueOf(taken.getLocalPort()));
                Run run = Run.start(dir.resolve(variable + ".log"), data, ports);
                assertEquals(1, run.awaitExit(Duration.ofSeconds(30)), run.output());
                String output = run.output();
                assertTrue(output.contains("quickstart: port " + taken.getLocalPort() + " is in use"), output);
                assertTrue(output.contains(variable + "="), "says which variable picks another port:\n" + output);
                assertFalse(Files.exists(data), "nothing started, nothing created");
            }
        }
    }

    @Test
    void aSecondRunKeepsTheUsersApisAndGateways() throws Exception {
        Path data = dir.resolve("data");
        Map<String, String> ports = freePorts();
        String gateway = "http://127.0.0.1:" + ports.get("GATEWAY_PORT");
        String mp = "http://127.0.0.1:" + ports.get("MP_PORT");
        Run first = Run.start(dir.resolve("first.log"), data, ports);
        try {
            first.awaitLine("try:", READY);
            assertEquals(200, get(gateway + "/hello").statusCode(), "ready when it says so:\n" + first.output());
            assertTrue(first.output().contains("first run: the management plane is seeded"), first.output());
            String token = Files.readString(data.resolve("admin-token")).trim();
            assertEquals(201, admin(mp, token, "PUT", "/admin/apis/mine", "{\"path\": \"mine\", "
                    + "\"subscriptionRequired\": false, \"policy\": \"<policies><inbound><return-response><set-status "
                    + "code=\\\"200\\\"/><set-body>mine</set-body></return-response></inbound></policies>\"}").statusCode());
            assertEquals(200, admin(mp, token, "PUT", "/admin/gateways/quickstart/apis/mine", null).statusCode());
            assertEquals(201, admin(mp, token, "PUT", "/admin/gateways/other", "{\"description\": \"mine too\"}")
                    .statusCode());
        } finally {
            first.stop();
        }

        Run second = Run.start(dir.resolve("second.log"), data, ports);
        try {
            second.awaitLine("try:", READY);
            String output = second.output();
            assertTrue(output.contains("keeping the configuration in " + data), output);
            assertFalse(output.contains("seeded"), output);
            HttpResponse<String> mine = get(gateway + "/mine");
            assertEquals(200, mine.statusCode(), mine.body());
            assertEquals("mine", mine.body());
            String token = Files.readString(data.resolve("admin-token")).trim();
            assertEquals(200, admin(mp, token, "GET", "/admin/gateways/other", null).statusCode(),
                    "the user's gateway is still there");
        } finally {
            second.stop();
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> admin(String mp, String token, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mp + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> freePorts() throws IOException {
        return Map.of("MP_PORT", String.valueOf(freePort()), "GATEWAY_PORT", String.valueOf(freePort()),
                "ADMIN_PORT", String.valueOf(freePort()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One run of the script, its output in a file. */
    private record Run(Process process, Path log) {

        static Run start(Path log, Path data, Map<String, String> ports) throws IOException {
            ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(ports);
            builder.environment().put("DATA_DIR", data.toString());
            return new Run(builder.start(), log);
        }

        String output() {
            try {
                return Files.exists(log) ? Files.readString(log) : "";
            } catch (IOException e) {
                return e.toString();
            }
        }

        /** Waits (bounded) for a line starting with {@code start}; fails early if the script ends. */
        void awaitLine(String start, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (output().lines().noneMatch(line -> line.startsWith(start))) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("no line '" + start + "…' (alive: " + process.isAlive() + "):\n" + output());
                }
                Thread.sleep(100);
            }
        }

        int awaitExit(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop();
                throw new AssertionError("still running after " + timeout + ":\n" + output());
            }
            return process.exitValue();
        }

        /** SIGTERM: the script stops both processes and waits for them. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }
}
