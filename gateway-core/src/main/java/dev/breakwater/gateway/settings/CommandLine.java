package dev.breakwater.gateway.settings;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of the runners: {@code --config FILE}, {@code --name=value} for any
 * setting, {@code --help}, {@code --version}.
 *
 * @param settingsFile the properties file named by --config, or {@code null}
 * @param values       the --name=value pairs
 */
public record CommandLine(boolean help, boolean version, Path settingsFile, Map<String, String> values) {

    public static CommandLine parse(String... args) throws SettingsException {
        boolean help = false;
        boolean version = false;
        Path file = null;
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.equals("--version")) {
                version = true;
            } else if (arg.equals("--config")) {
                if (i + 1 >= args.length) {
                    throw new SettingsException("--config needs a file name");
                }
                file = Path.of(args[++i]);
            } else if (arg.startsWith("--config=")) {
                file = Path.of(arg.substring("--config=".length()));
            } else if (arg.startsWith("--") && arg.indexOf('=') > 2) {
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new SettingsException("unexpected argument '" + arg + "'; use --config FILE, --name=value, "
                        + "--help or --version");
            }
        }
        return new CommandLine(help, version, file, values);
    }

    /** The --help text: usage and every setting with its default. */
    public static String help(String usage, List<Setting> settings) {
        StringBuilder text = new StringBuilder(usage).append("\n\nSettings (--name=value, -Dname=value, ")
                .append("environment NAME_WITH_UNDERSCORES, or the --config properties file):\n");
        for (Setting setting : settings) {
            text.append(String.format("  %-28s %s%n  %-28s default: %s%n", setting.name(), setting.description(), "",
                    setting.defaultValue() == null ? "(none)" : setting.defaultValue()));
        }
        return text.toString();
    }
}
