package dev.breakwater.management.store;

import dev.breakwater.gateway.config.BackendDefinition;
import dev.breakwater.gateway.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backends as a request gives them, completed as they are stored: a credential value given as
 * {@code null} (a GET hides secret ones) keeps the value stored at the same place (same header or
 * parameter name and position, or the authorization parameter). A {@code null} with nothing
 * stored there is an error: a backend never goes out with a credential missing.
 */
public final class BackendInputs {

    private BackendInputs() {
    }

    /**
     * @param stored the backend stored under this id now, or {@code null}
     * @param where  where it was given, for messages
     */
    public static BackendDefinition complete(BackendDefinition given, BackendDefinition stored, String where)
            throws ConfigException {
        BackendDefinition.Credentials credentials = given.credentials();
        if (credentials == null) {
            return given;
        }
        BackendDefinition.Credentials before = stored == null ? null : stored.credentials();
        String[] missing = new String[1];
        BackendDefinition completed = mapPlaces(given, before, (place, value, storedValue) -> {
            if (value != null) {
                return value;
            }
            if (storedValue == null && missing[0] == null) {
                missing[0] = place;
            }
            return storedValue;
        });
        if (missing[0] != null) {
            throw new ConfigException(where + ": credentials " + missing[0] + " has no value, and none is stored "
                    + "there (a GET hides credential values: give them when creating or importing a backend)");
        }
        return completed;
    }

    /** Every backend of an imported document, completed against those stored now. */
    public static List<BackendDefinition> completeAll(List<BackendDefinition> given, List<BackendDefinition> stored)
            throws ConfigException {
        List<BackendDefinition> completed = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            BackendDefinition backend = given.get(i);
            Optional<BackendDefinition> same = stored.stream()
                    .filter(existing -> backend.id() != null && backend.id().equals(existing.id())).findFirst();
            completed.add(complete(backend, same.orElse(null), "backends[" + i + "]"));
        }
        return completed;
    }

    private interface PlaceValue {
        String value(String place, String given, String stored);
    }

    private static BackendDefinition mapPlaces(BackendDefinition given, BackendDefinition.Credentials stored,
                                               PlaceValue choose) {
        BackendDefinition.Credentials credentials = given.credentials();
        BackendDefinition.Authorization authorization = credentials.authorization();
        if (authorization != null) {
            String storedParameter = stored == null || stored.authorization() == null ? null
                    : stored.authorization().parameter();
            authorization = new BackendDefinition.Authorization(authorization.scheme(),
                    choose.value("authorization.parameter", authorization.parameter(), storedParameter));
        }
        return new BackendDefinition(given.id(), given.url(), given.description(), new BackendDefinition.Credentials(
                places("header", credentials.header(), stored == null ? Map.of() : stored.header(), choose),
                places("query", credentials.query(), stored == null ? Map.of() : stored.query(), choose),
                authorization), given.tls(), given.circuitBreaker(), given.pool());
    }

    private static Map<String, List<String>> places(String kind, Map<String, List<String>> given,
                                                    Map<String, List<String>> stored, PlaceValue choose) {
        Map<String, List<String>> result = new java.util.LinkedHashMap<>();
        given.forEach((name, values) -> {
            List<String> before = stored.get(name);
            List<String> completed = new ArrayList<>();
            List<String> list = values == null ? List.of() : values;
            for (int i = 0; i < list.size(); i++) {
                String storedValue = before != null && i < before.size() ? before.get(i) : null;
                completed.add(choose.value(kind + "." + name + "[" + i + "]", list.get(i), storedValue));
            }
            result.put(name, completed);
        });
        return result;
    }
}
