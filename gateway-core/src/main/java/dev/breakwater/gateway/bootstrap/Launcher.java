package dev.breakwater.gateway.bootstrap;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.settings.CommandLine;
import dev.breakwater.gateway.settings.Setting;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code main} of Breakwater's executable jars: command line and settings, start, then a
 * graceful stop on SIGTERM or SIGINT. Exit status 2 for a bad command line or setting, 1 when
 * the program cannot start, 0 after a graceful stop.
 */
public final class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    /** A started program that listens on a port until closed. */
    public interface Running extends AutoCloseable {
        int port();
    }

    /** Starts the program from its settings. */
    @FunctionalInterface
    public interface Starter {
        Running start(Settings settings) throws Exception;
    }

    private Launcher() {
    }

    /**
     * @param name     the program's name, for messages and the "listening" log line
     * @param jar      the jar's file name, for the usage line
     */
    public static void launch(String name, String jar, List<Setting> settings, String[] args, Starter starter) {
        Running running;
        try {
            CommandLine commandLine = CommandLine.parse(args);
            if (commandLine.help()) {
                System.out.print(CommandLine.help("usage: java -jar " + jar + " [--config FILE] [--name=value ...]",
                        settings));
                return;
            }
            Map<String, String> file = commandLine.settingsFile() == null ? Map.of()
                    : Settings.readFile(commandLine.settingsFile());
            running = starter.start(Settings.resolve(settings, file, System.getenv(), Settings.systemProperties(),
                    commandLine.values()));
        } catch (SettingsException e) {
            System.err.println(name + ": " + e.getMessage());
            System.exit(2);
            return;
        } catch (ConfigException e) {
            System.err.println(name + ": cannot start: the configuration cannot be served: " + e.getMessage());
            System.exit(1);
            return;
        } catch (Exception e) {
            System.err.println(name + ": cannot start: " + e);
            System.exit(1);
            return;
        }
        LOG.info("{} listening on port {}", name, running.port());
        Signals.onTerminate(() -> stop(running));
    }

    private static void stop(Running running) {
        LOG.info("stopping: no new connections, waiting for requests in flight");
        int status = 0;
        try {
            running.close();
        } catch (Exception e) {
            LOG.warn("stopped with an error: {}", e.toString());
            status = 1;
        }
        LOG.info("stopped");
        System.exit(status);
    }
}
