package dev.breakwater.gateway.settings;

import java.util.Locale;

/**
 * A setting a program understands: its dotted name, its default ({@code null} for none) and
 * what it does, for {@code --help} and the README.
 */
public record Setting(String name, String defaultValue, String description) {

    /** The environment variable that sets it: {@code config.local.file} → {@code CONFIG_LOCAL_FILE}. */
    public String environmentName() {
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
