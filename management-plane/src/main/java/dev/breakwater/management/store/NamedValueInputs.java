package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ConfigException;
import dev.breakwater.gateway.config.NamedValueDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Named values as a request gives them, completed as they are stored: the display name
 * defaults to the id (the name policies reference), {@code secret} to false, and a secret given
 * without a value keeps the value stored under its id, since no GET returns it: what was read
 * can be written back, and an export imported again. A secret with neither is an error.
 */
public final class NamedValueInputs {

    private NamedValueInputs() {
    }

    /**
     * @param stored the named value stored under {@code id} now, or {@code null}
     * @param where  where it was given, for messages
     */
    public static NamedValueDefinition complete(String id, NamedValueDefinition given, NamedValueDefinition stored,
                                                String where) throws ConfigException {
        boolean secret = given.isSecret();
        String value = given.value();
        if (value == null && secret) {
            if (stored == null || stored.value() == null) {
                throw new ConfigException(where + (id == null ? "" : " '" + id + "'") + ": a secret named value needs a "
                        + "value, and none is stored under this id (an export leaves secret values out: give them "
                        + "when importing into another management plane)");
            }
            value = stored.value();
        }
        return new NamedValueDefinition(id, given.displayName() == null ? id : given.displayName(), value, secret);
    }

    /** Every named value of an imported document, completed against those stored now. */
    public static List<NamedValueDefinition> completeAll(List<NamedValueDefinition> given,
                                                         List<NamedValueDefinition> stored) throws ConfigException {
        List<NamedValueDefinition> completed = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            NamedValueDefinition value = given.get(i);
            Optional<NamedValueDefinition> same = stored.stream()
                    .filter(existing -> value.id() != null && value.id().equals(existing.id())).findFirst();
            completed.add(complete(value.id(), value, same.orElse(null), "namedValues[" + i + "]"));
        }
        return completed;
    }
}
