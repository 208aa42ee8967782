package dev.breakwater.gateway.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * What the value of a setting must look like. Every setting is checked when the settings are
 * resolved, whatever the mode, so a malformed value stops the start before anything is
 * created, even where that mode would never read it.
 */
@FunctionalInterface
public interface SettingCheck {

    /** Any text. */
    SettingCheck ANY = value -> null;

    /**
     * @return {@code null} when the value is acceptable, else what is wrong, worded to follow
     *         "setting 'name' " (a secret's value is never part of it)
     */
    String problem(String value);

    static SettingCheck integer(int min, int max) {
        return value -> {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed >= min && parsed <= max) {
                    return null;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            return "must be a whole number from " + min + " to " + max + ", not '" + value + "'";
        };
    }

    static SettingCheck decimal(double min, double max) {
        return value -> {
            try {
                double parsed = Double.parseDouble(value);
                if (parsed >= min && parsed <= max) {
                    return null;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            return "must be a number from " + min + " to " + max + ", not '" + value + "'";
        };
    }

    /** One of these words, exactly. */
    static SettingCheck oneOf(String... allowed) {
        java.util.List<String> words = java.util.List.of(allowed);
        return value -> words.contains(value) ? null : "must be " + (words.size() == 1 ? "'" + words.get(0) + "'"
                : "one of '" + String.join("', '", words) + "'") + ", not '" + value + "'";
    }

    static SettingCheck bool() {
        return value -> value.equals("true") || value.equals("false") ? null
                : "must be true or false, not '" + value + "'";
    }

    /** A duration ({@link Durations}) of at least {@code min}. */
    static SettingCheck duration(Duration min) {
        return duration(min, Duration.ofDays(3650));
    }

    /** A duration ({@link Durations}) from {@code min} to {@code max}. */
    static SettingCheck duration(Duration min, Duration max) {
        return value -> {
            Duration parsed;
            try {
                parsed = Durations.parse(value);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            if (parsed.compareTo(min) < 0) {
                return "must be at least " + Durations.format(min) + ", not '" + value + "'";
            }
            return parsed.compareTo(max) > 0 ? "must be at most " + Durations.format(max) + ", not '" + value + "'" : null;
        };
    }

    /** An absolute http or https URL with a host. */
    static SettingCheck httpUrl() {
        return httpUrl("http://management-plane:9090");
    }

    /** An absolute http or https URL with a host; {@code example} shows one in the message. */
    static SettingCheck httpUrl(String example) {
        return value -> {
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return null;
                }
            } catch (URISyntaxException ignored) {
                // reported below
            }
            return "must be an http:// or https:// URL such as " + example + ", not '" + value + "'";
        };
    }

    /** Text that matches {@code pattern}, described for the message as {@code what}. */
    static SettingCheck matching(java.util.regex.Pattern pattern, String what) {
        return value -> pattern.matcher(value).matches() ? null : "must be " + what + ", not '" + value + "'";
    }

    /** A secret that starts with {@code prefix}; the message never repeats the value. */
    static SettingCheck secretStartingWith(String prefix, String what) {
        return value -> value.startsWith(prefix) ? null : "must be " + what + " starting with '" + prefix + "'";
    }
}
