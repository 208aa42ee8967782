package dev.breakwater.gateway.snapshot;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.NamedValueDefinition;
import dev.breakwater.gateway.policy.compile.NamedValues;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks the named values of a document: ids, reference names (unique, as APIM spells them), values. */
final class NamedValueChecks {

    /** APIM's rule for display names: letters, digits, '.', '-' and '_'. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,256}");
    private static final int MAX_VALUE = 4096;

    private NamedValueChecks() {
    }

    static NamedValues check(List<NamedValueDefinition> namedValues) throws ConfigException {
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < namedValues.size(); i++) {
            NamedValueDefinition value = namedValues.get(i);
            String where = "namedValues[" + i + "]" + (value.id() == null ? "" : " '" + value.id() + "'");
            Definitions.checkId(value.id(), where);
            if (!ids.add(value.id())) {
                throw new ConfigException(where + ": id is used by another named value");
            }
            String name = value.referenceName();
            if (!NAME.matcher(name).matches()) {
                throw new ConfigException(where + ": displayName must be 1 to 256 letters, digits, '.', '-' or '_', not '"
                        + name + "'");
            }
            if (!names.add(name)) {
                throw new ConfigException(where + ": displayName '" + name + "' is used by another named value");
            }
            if (value.value() == null) {
                throw new ConfigException(where + ": value is required");
            }
            if (value.value().length() > MAX_VALUE) {
                throw new ConfigException(where + ": value has " + value.value().length() + " characters; at most "
                        + MAX_VALUE);
            }
        }
        return new NamedValues(namedValues);
    }
}
