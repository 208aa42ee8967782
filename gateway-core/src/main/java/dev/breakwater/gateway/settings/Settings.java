package dev.breakwater.gateway.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The resolved settings of a program. Each known setting is taken from the first source that
 * has it: command line ({@code --name=value}), system property ({@code -Dname=value}),
 * environment variable ({@code NAME_WITH_UNDERSCORES}), properties file, default. A name in
 * the file or on the command line that no setting has is an error, so a typo is not ignored.
 */
public final class Settings {

    private final Map<String, Setting> known;
    private final Map<String, String> values;

    private Settings(Map<String, Setting> known, Map<String, String> values) {
        this.known = known;
        this.values = values;
    }

    /**
     * @param file        the properties file's entries (empty when there is none)
     * @param environment the process environment
     * @param system      the system properties
     * @param commandLine {@code --name=value} pairs
     */
    public static Settings resolve(List<Setting> settings, Map<String, String> file, Map<String, String> environment,
                                   Map<String, String> system, Map<String, String> commandLine) throws SettingsException {
        Map<String, Setting> known = new LinkedHashMap<>();
        settings.forEach(setting -> known.put(setting.name(), setting));
        rejectUnknown(known, file, "in the settings file");
        rejectUnknown(known, commandLine, "on the command line");
        Map<String, String> values = new HashMap<>();
        for (Setting setting : settings) {
            String value = commandLine.get(setting.name());
            if (value == null) {
                value = system.get(setting.name());
            }
            if (value == null) {
                value = environment.get(setting.environmentName());
            }
            if (value == null) {
                value = file.get(setting.name());
            }
            if (value == null) {
                value = setting.defaultValue();
            }
            if (value != null && !value.isBlank()) {
                values.put(setting.name(), value.trim());
            }
        }
        return new Settings(known, values);
    }

    /** Reads a properties file (UTF-8). */
    public static Map<String, String> readFile(Path file) throws SettingsException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new SettingsException("cannot read settings file " + file + ": " + e);
        }
        Map<String, String> entries = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> entries.put(name, properties.getProperty(name)));
        return entries;
    }

    /** The JVM's system properties as a map, for {@link #resolve}. */
    public static Map<String, String> systemProperties() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().stringPropertyNames().forEach(name -> properties.put(name, System.getProperty(name)));
        return properties;
    }

    private static void rejectUnknown(Map<String, Setting> known, Map<String, String> given, String where)
            throws SettingsException {
        for (String name : new TreeSet<>(given.keySet())) {
            if (!known.containsKey(name)) {
                throw new SettingsException("unknown setting '" + name + "' " + where
                        + "; the README's settings table (or the runner's --help) lists them");
            }
        }
    }

    /** The value, or {@code null} when the setting is unset and has no default. */
    public String get(String name) {
        check(name);
        return values.get(name);
    }

    public String require(String name) throws SettingsException {
        String value = get(name);
        if (value == null) {
            Setting setting = known.get(name);
            throw new SettingsException("setting '" + name + "' is required: " + setting.description()
                    + " (or environment variable " + setting.environmentName() + ")");
        }
        return value;
    }

    public int integer(String name, int min, int max) throws SettingsException {
        String value = require(name);
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new SettingsException("setting '" + name + "' must be a whole number from " + min + " to " + max
                + ", not '" + value + "'");
    }

    public double decimal(String name, double min, double max) throws SettingsException {
        String value = require(name);
        try {
            double parsed = Double.parseDouble(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new SettingsException("setting '" + name + "' must be a number from " + min + " to " + max
                + ", not '" + value + "'");
    }

    public Duration duration(String name) throws SettingsException {
        String value = require(name);
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("setting '" + name + "' " + e.getMessage());
        }
    }

    public boolean bool(String name) throws SettingsException {
        String value = require(name);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new SettingsException("setting '" + name + "' must be true or false, not '" + value + "'");
        };
    }

    private void check(String name) {
        if (!known.containsKey(name)) {
            throw new IllegalArgumentException("no setting named " + name); // a programming error
        }
    }
}
