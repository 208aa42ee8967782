package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.NamedValueDefinition;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * APIM's rules for named values (its REST API reference): a display name of 1 to 256
 * letters, digits, '.', '-' or '_', unique (here regardless of case, so that no reference
 * could mean two); a value that is not empty or only whitespace, of at most 4,096 characters.
 * Messages never quote a value: it may be a secret.
 */
final class NamedValueRules {

    static final int MAX_VALUE_CHARS = 4096;
    private static final Pattern DISPLAY_NAME = Pattern.compile("[A-Za-z0-9._-]{1,256}");

    private NamedValueRules() {
    }

    static void check(Iterable<NamedValueDefinition> values) throws ConfigException {
        Set<String> ids = new HashSet<>();
        Map<String, String> displayNames = new HashMap<>();
        int i = 0;
        for (NamedValueDefinition value : values) {
            String where = "namedValues[" + i++ + "]";
            if (value.id() == null || !DocumentValidator.ID.matcher(value.id()).matches()) {
                throw new ConfigException(where + ": id is required: " + DocumentValidator.ID_RULE);
            }
            where += " '" + value.id() + "'";
            if (!ids.add(value.id())) {
                throw new ConfigException(where + ": id is used by another named value");
            }
            if (value.displayName() == null || !DISPLAY_NAME.matcher(value.displayName()).matches()) {
                throw new ConfigException(where + ": displayName must be 1 to 256 letters, digits, '.', '-' or '_' "
                        + "(it is what policies write between {{ and }}; it defaults to the id)");
            }
            String other = displayNames.put(value.displayName().toLowerCase(Locale.ROOT), value.id());
            if (other != null) {
                throw new ConfigException(where + ": displayName '" + value.displayName() + "' is used by named value '"
                        + other + "' (display names are compared regardless of case)");
            }
            if (value.value() == null || value.value().isBlank()) {
                throw new ConfigException(where + ": value is required and may not be empty or only whitespace");
            }
            if (value.value().length() > MAX_VALUE_CHARS) {
                throw new ConfigException(where + ": value has " + value.value().length() + " characters; a named "
                        + "value may have at most " + MAX_VALUE_CHARS);
            }
        }
    }
}
