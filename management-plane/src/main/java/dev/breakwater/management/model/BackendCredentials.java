package dev.breakwater.management.model;

import dev.breakwater.gateway.config.BackendDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Backends as the admin API shows them: a credential value that is a named value reference
 * ({@code {{name}}}, as APIM recommends for secrets) is shown, any other is a secret and shown as
 * {@code null}. A PUT that gives {@code null} at a place keeps the value stored there, so that what
 * a GET returned can be written back.
 */
public final class BackendCredentials {

    private static final Pattern REFERENCE = Pattern.compile("\\{\\{[^{}]+\\}\\}");

    private BackendCredentials() {
    }

    public static BackendDefinition shown(BackendDefinition backend) {
        return mapValues(backend, value -> value != null && REFERENCE.matcher(value.trim()).matches() ? value : null);
    }

    public static List<BackendDefinition> shown(List<BackendDefinition> backends) {
        return backends.stream().map(BackendCredentials::shown).toList();
    }

    /** The backend with every credential value replaced by {@code change} of it. */
    public static BackendDefinition mapValues(BackendDefinition backend, UnaryOperator<String> change) {
        BackendDefinition.Credentials credentials = backend.credentials();
        if (credentials == null) {
            return backend;
        }
        BackendDefinition.Authorization authorization = credentials.authorization() == null ? null
                : new BackendDefinition.Authorization(credentials.authorization().scheme(),
                change.apply(credentials.authorization().parameter()));
        return new BackendDefinition(backend.id(), backend.url(), backend.description(),
                new BackendDefinition.Credentials(map(credentials.header(), change), map(credentials.query(), change),
                        authorization),
                backend.tls(), backend.circuitBreaker(), backend.pool());
    }

    private static Map<String, List<String>> map(Map<String, List<String>> values, UnaryOperator<String> change) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        values.forEach((name, list) -> {
            List<String> changed = new ArrayList<>(); // may hold nulls: a value shown as hidden
            if (list != null) {
                list.forEach(value -> changed.add(change.apply(value)));
            }
            result.put(name, changed);
        });
        return result;
    }
}
