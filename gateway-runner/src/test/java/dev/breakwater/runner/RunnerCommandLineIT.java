package dev.breakwater.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.testing.JavaProcess;
import dev.breakwater.gateway.settings.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees when starting the jar: help, bad settings, a configuration that cannot be served. */
class RunnerCommandLineIT {

    private static final Path JAR = Path.of("target", "gateway-runner.jar").toAbsolutePath();

    @TempDir
    Path dir;

    private JavaProcess run(String... arguments) throws Exception {
        return JavaProcess.start(JAR, dir, List.of(), Map.of(), withAdminOff(arguments));
    }

    private static String[] withAdminOff(String... arguments) {
        String[] all = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = "--server.admin.port=-1";
        return all;
    }

    @Test
    void helpListsEverySettingWithItsDefault() throws Exception {
        try (JavaProcess runner = run("--help")) {
            assertEquals(0, runner.awaitExit(Duration.ofSeconds(30)));
            String output = runner.output();
            for (Setting setting : GatewaySettings.ALL) {
                assertTrue(output.contains(setting.name()), setting.name() + " missing from:\n" + output);
            }
            assertTrue(output.contains("default: 8080"), output);
        }
    }

    @Test
    void unknownSettingExits2WithItsName() throws Exception {
        try (JavaProcess runner = run("--server.http.prot=1")) {
            assertEquals(2, runner.awaitExit(Duration.ofSeconds(30)));
            assertTrue(runner.output().contains("unknown setting 'server.http.prot'"), runner.output());
        }
    }

    @Test
    void missingConfigurationFileSettingExits2() throws Exception {
        try (JavaProcess runner = run("--server.http.port=0")) {
            assertEquals(2, runner.awaitExit(Duration.ofSeconds(30)));
            assertTrue(runner.output().contains("nothing to serve: set config.local.file"), runner.output());
        }
    }

    @Test
    void managedAndStandaloneAtOnceExits2() throws Exception {
        try (JavaProcess runner = run("--server.http.port=0", "--config.local.file=x.json",
                "--config.service.endpoint=http://127.0.0.1:1", "--gateway.name=g", "--config.service.auth=GatewayKey x")) {
            assertEquals(2, runner.awaitExit(Duration.ofSeconds(30)));
            assertTrue(runner.output().contains("not both"), runner.output());
        }
    }

    @Test
    void brokenConfigurationExits1AndSaysWhy() throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"revision\": 1, \"apis\": [{\"id\": \"a\", \"path\": \"a\", \"subscriptionRequired\": false,"
                + " \"serviceUrl\": \"http://127.0.0.1:1\", \"policy\": \"<policies><inbound><nope/></inbound></policies>\"}]}");
        try (JavaProcess runner = run("--server.http.port=0", "--config.local.file=" + config)) {
            assertEquals(1, runner.awaitExit(Duration.ofSeconds(30)));
            assertTrue(runner.output().contains("<nope> at line 1: not a policy this gateway knows"), runner.output());
        }
    }

    @Test
    void settingsComeFromThePropertiesFileAndTheEnvironmentNameIsDocumented() throws Exception {
        Path properties = dir.resolve("gateway.properties");
        Files.writeString(properties, "config.local.file=" + dir.resolve("absent.json") + "\nserver.http.port=0\n");
        try (JavaProcess runner = run("--config", properties.toString())) {
            assertEquals(1, runner.awaitExit(Duration.ofSeconds(30)));
            assertTrue(runner.output().contains("absent.json"), "the file's setting was used:\n" + runner.output());
        }
    }
}
