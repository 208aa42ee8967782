package dev.breakwater.gateway.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * the file or on the command line that no setting has is an error, so a typo is not ignored;
 * every value is checked against its setting's {@link SettingCheck} here, in every mode.
 */
public final class Settings {

    private final Map<String, Setting> known;
    private final Map<String, String> values;
    /** Kept for the few secrets read only from the environment (see {@link #environment}). */
    private final Map<String, String> environment;

    private Settings(Map<String, Setting> known, Map<String, String> values, Map<String, String> environment) {
        this.known = known;
        this.values = values;
        this.environment = Map.copyOf(environment);
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
        checkValues(settings, values);
        return new Settings(known, values, environment);
    }

    /** Every value against its setting's check, all problems in one message. */
    private static void checkValues(List<Setting> settings, Map<String, String> values) throws SettingsException {
        List<String> problems = new ArrayList<>();
        for (Setting setting : settings) {
            String value = values.get(setting.name());
            String problem = value == null ? null : setting.check().problem(value);
            if (problem != null) {
                problems.add("setting '" + setting.name() + "' " + problem);
            }
        }
        if (problems.size() == 1) {
            throw new SettingsException(problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw new SettingsException(problems.size() + " settings are wrong:\n  " + String.join("\n  ", problems));
        }
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
                String similar = SimilarNames.closest(name, known.keySet());
                throw new SettingsException("unknown setting '" + name + "' " + where
                        + (similar == null ? "" : "; did you mean '" + similar + "'?"));
            }
        }
    }

    /**
     * An environment variable that is no setting, or {@code null}: a secret that must never come
     * from a file or a command line (the HTTPS keystore's password).
     */
    public String environment(String variable) {
        String value = environment.get(variable);
        return value == null || value.isEmpty() ? null : value;
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
        return Integer.parseInt(checked(name, SettingCheck.integer(min, max)));
    }

    public double decimal(String name, double min, double max) throws SettingsException {
        return Double.parseDouble(checked(name, SettingCheck.decimal(min, max)));
    }

    public Duration duration(String name) throws SettingsException {
        return Durations.parse(checked(name, SettingCheck.duration(Duration.ZERO)));
    }

    public boolean bool(String name) throws SettingsException {
        return Boolean.parseBoolean(checked(name, SettingCheck.bool()));
    }

    /** The required value, once it passed the check (settings declared with the same check passed it at start). */
    private String checked(String name, SettingCheck check) throws SettingsException {
        String value = require(name);
        String problem = check.problem(value);
        if (problem != null) {
            throw new SettingsException("setting '" + name + "' " + problem);
        }
        return value;
    }

    private void check(String name) {
        if (!known.containsKey(name)) {
            throw new IllegalArgumentException("no setting named " + name); // a programming error
        }
    }
}
