package dev.breakwater.gateway.bootstrap;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.settings.CommandLine;
import dev.breakwater.gateway.settings.Setting;
import dev.breakwater.gateway.settings.Settings;
import dev.breakwater.gateway.settings.SettingsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code main} of Breakwater's executable jars: command line and settings, start, a
 * start-up banner, then a graceful stop on SIGTERM or SIGINT. Exit status 2 for a bad command
 * line or setting, 1 when the program cannot start, 0 after a graceful stop (and after
 * {@code --help} or {@code --version}).
 */
public final class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    /** A started program that listens until closed. */
    public interface Running extends AutoCloseable {

        /** Lines for the start-up banner: listeners (address, port, setting), mode, what is served. */
        List<String> describe();
    }

    /** Starts the program from its settings. */
    @FunctionalInterface
    public interface Starter {
        Running start(Settings settings) throws Exception;
    }

    /**
     * A program the launcher runs.
     *
     * @param name     its name in messages and the banner ("gateway", "management plane")
     * @param jar      the jar's file name, for the usage lines
     * @param settings the settings it understands
     * @param usage    what to give it, printed after an error when it was started without arguments
     */
    public record Program(String name, String jar, List<Setting> settings, String usage) {
    }

    private Launcher() {
    }

    public static void launch(Program program, String[] args, Starter starter) {
        String help = "java -jar " + program.jar() + " --help lists every setting and its default";
        Path settingsFile;
        Running running;
        try {
            CommandLine commandLine = CommandLine.parse(args);
            if (commandLine.help()) {
                System.out.print(CommandLine.help(program.usage(), program.settings()));
                return;
            }
            if (commandLine.version()) {
                System.out.println("Breakwater " + program.name() + " " + Version.current());
                return;
            }
            settingsFile = commandLine.settingsFile();
            Map<String, String> file = settingsFile == null ? Map.of() : Settings.readFile(settingsFile);
            running = starter.start(Settings.resolve(program.settings(), file, System.getenv(),
                    Settings.systemProperties(), commandLine.values()));
        } catch (SettingsException e) {
            System.err.println(program.name() + ": " + e.getMessage());
            System.err.println(args.length == 0 ? program.usage() : help);
            System.exit(2);
            return;
        } catch (ConfigException e) {
            System.err.println(program.name() + ": cannot start: the configuration cannot be served: " + e.getMessage());
            System.exit(1);
            return;
        } catch (CannotStartException e) {
            System.err.println(program.name() + ": cannot start: " + e.getMessage());
            System.exit(1);
            return;
        } catch (Exception e) {
            // Unforeseen: the message, not the exception's class name; the stack for whoever turns on debug.
            LOG.debug("start failed", e);
            System.err.println(program.name() + ": cannot start: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            System.exit(1);
            return;
        }
        LOG.info(banner(program, running, settingsFile));
        Signals.onTerminate(() -> stop(running));
    }

    /** One log event of several lines, so that nothing is interleaved with it. */
    private static String banner(Program program, Running running, Path settingsFile) {
        List<String> lines = new ArrayList<>();
        lines.add("Breakwater " + program.name() + " " + Version.current() + " started");
        lines.addAll(running.describe());
        lines.add("settings file: " + (settingsFile == null ? "none (defaults, command line, system properties and "
                + "environment)" : settingsFile.toAbsolutePath().normalize()));
        return String.join(System.lineSeparator() + "  ", lines);
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
