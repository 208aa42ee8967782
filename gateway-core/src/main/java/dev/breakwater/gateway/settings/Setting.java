package dev.breakwater.gateway.settings;

import java.util.Locale;

/**
 * A setting a program understands: its dotted name, its default ({@code null} for none), what
 * it does (for {@code --help} and the README), and what its value must look like.
 */
public record Setting(String name, String defaultValue, String description, SettingCheck check) {

    /** A setting that takes any text. */
    public Setting(String name, String defaultValue, String description) {
        this(name, defaultValue, description, SettingCheck.ANY);
    }

    /** The environment variable that sets it: {@code config.local.file} → {@code CONFIG_LOCAL_FILE}. */
    public String environmentName() {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
