package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.BackendDefinition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The backends a gateway's APIs use: those their serviceUrl names, those set-backend-service names
 * by a constant backend-id in their policies, and the members of the pools among them. A backend-id
 * that is an expression or a named value may name any: then every backend is used (see
 * {@link ConstantAttributes}). So a gateway holds no backend credentials it cannot use.
 */
final class BackendReferences {

    private BackendReferences() {
    }

    /** The backends of the document the APIs and policies (fragments included) use, in the document's order. */
    static List<BackendDefinition> used(List<BackendDefinition> backends, List<ApiDefinition> apis,
                                        Iterable<String> policies) {
        ConstantAttributes.Found found = ConstantAttributes.scan(policies, "set-backend-service", Set.of("backend-id"));
        if (found.all()) {
            return backends;
        }
        Map<String, BackendDefinition> byId = backends.stream().filter(backend -> backend.id() != null)
                .collect(Collectors.toMap(BackendDefinition::id, Function.identity(), (first, second) -> first));
        Deque<String> toVisit = new ArrayDeque<>(found.of("backend-id"));
        apis.stream().map(ApiDefinition::serviceUrl).filter(url -> url != null && byId.containsKey(url.trim()))
                .forEach(url -> toVisit.add(url.trim()));
        Set<String> used = new HashSet<>();
        while (!toVisit.isEmpty()) {
            String id = toVisit.poll();
            BackendDefinition backend = byId.get(id);
            if (backend != null && used.add(id) && backend.pool() != null) {
                for (BackendDefinition.PoolMember member : backend.pool().services()) {
                    if (member.backendId() != null) {
                        toVisit.add(member.backendId());
                    }
                }
            }
        }
        return backends.stream().filter(backend -> used.contains(backend.id())).toList();
    }
}
