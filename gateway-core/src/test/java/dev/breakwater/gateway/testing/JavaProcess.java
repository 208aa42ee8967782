package dev.breakwater.gateway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A built executable jar run as its own process, as an operator runs it; output goes to a file. */
public final class JavaProcess implements AutoCloseable {

    public final Process process;
    private final Path output;

    private JavaProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code java <jvmOptions> -jar <jar> <arguments>} with extra environment variables. */
    public static JavaProcess start(Path jar, Path logDir, List<String> jvmOptions, Map<String, String> environment,
                                    String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(logDir, jar.getFileName().toString(), ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        return new JavaProcess(builder.start(), output);
    }

    /** Waits (bounded) for a log line "{@code <prefix> <port>}" and returns the port. */
    public int awaitPort(String prefix, Duration timeout) throws IOException, InterruptedException {
        Pattern listening = Pattern.compile(Pattern.quote(prefix) + " (\\d+)");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = listening.matcher(output());
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            if (!process.isAlive()) {
                throw new AssertionError("exited with " + process.exitValue() + ":\n" + output());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + prefix + "' within " + timeout + ":\n" + output());
    }

    /** Waits (bounded) for the process to exit and returns its status. */
    public int awaitExit(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("did not exit within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    /** SIGKILL: no shutdown hook, no clean close. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
