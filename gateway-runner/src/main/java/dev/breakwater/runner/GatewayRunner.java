package dev.breakwater.runner;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.settings.CommandLine;
import dev.breakwater.gateway.settings.GatewaySettings;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar gateway-runner.jar --config gateway.properties [--name=value ...]}.
 * Exits 2 on a bad command line or setting, 1 when the gateway cannot start, 0 after a
 * graceful stop on SIGTERM or SIGINT.
 */
public final class GatewayRunner {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayRunner.class);
    private static final String USAGE = "usage: java -jar gateway-runner.jar [--config FILE] [--name=value ...]";

    private GatewayRunner() {
    }

    public static void main(String[] args) {
        GatewayServer server;
        try {
            CommandLine commandLine = CommandLine.parse(args);
            if (commandLine.help()) {
                System.out.print(CommandLine.help(USAGE, GatewaySettings.ALL));
                return;
            }
            Map<String, String> file = commandLine.settingsFile() == null ? Map.of()
                    : Settings.readFile(commandLine.settingsFile());
            Settings settings = Settings.resolve(GatewaySettings.ALL, file, System.getenv(), Settings.systemProperties(),
                    commandLine.values());
            server = GatewayServer.start(settings);
        } catch (SettingsException e) {
            System.err.println("breakwater: " + e.getMessage());
            System.exit(2);
            return;
        } catch (ConfigException e) {
            System.err.println("breakwater: cannot start: the configuration cannot be served: " + e.getMessage());
            System.exit(1);
            return;
        } catch (Exception e) {
            System.err.println("breakwater: cannot start: " + e);
            System.exit(1);
            return;
        }
        LOG.info("gateway listening on port {}", server.port());
        Signals.onTerminate(() -> stop(server));
    }

    private static void stop(GatewayServer server) {
        LOG.info("stopping: no new connections, waiting for requests in flight");
        int status = 0;
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("stopped with an error: {}", e.toString());
            status = 1;
        }
        LOG.info("stopped");
        System.exit(status);
    }
}
