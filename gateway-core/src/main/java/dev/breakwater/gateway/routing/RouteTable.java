package dev.breakwater.gateway.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the API for a host and raw path: the longest path prefix wins, and among APIs with
 * the same prefix, one that names the host wins over one that serves any host. Lookups walk
 * the path's prefixes from the longest, one map lookup each.
 */
public final class RouteTable {

    private final Map<String, ApiRoute[]> byPrefix;

    /**
     * @throws IllegalArgumentException when two APIs would serve the same requests
     */
    public RouteTable(Collection<ApiRoute> apis) {
        Map<String, List<ApiRoute>> grouped = new HashMap<>();
        for (ApiRoute api : apis) {
            List<ApiRoute> samePrefix = grouped.computeIfAbsent(api.prefix(), prefix -> new ArrayList<>());
            for (ApiRoute other : samePrefix) {
                if (overlap(api, other)) {
                    throw new IllegalArgumentException("APIs '" + other.id() + "' and '" + api.id()
                            + "' both serve path '" + api.prefix() + "/'" + (api.hostnames().isEmpty()
                            && other.hostnames().isEmpty() ? "" : " on the same host name")
                            + "; give them different paths or host names");
                }
            }
            samePrefix.add(api);
        }
        Map<String, ApiRoute[]> table = new HashMap<>();
        grouped.forEach((prefix, routes) -> table.put(prefix, routes.stream()
                .sorted(Comparator.comparing(route -> route.hostnames().isEmpty()))
                .toArray(ApiRoute[]::new)));
        this.byPrefix = Map.copyOf(table);
    }

    private static boolean overlap(ApiRoute a, ApiRoute b) {
        if (a.hostnames().isEmpty() || b.hostnames().isEmpty()) {
            return a.hostnames().isEmpty() && b.hostnames().isEmpty();
        }
        return a.hostnames().stream().anyMatch(b.hostnames()::contains);
    }

    /** The API serving this host and raw path (starting with '/'), or {@code null}. */
    public ApiRoute findApi(String host, String path) {
        int end = path.length();
        while (true) {
            ApiRoute[] candidates = byPrefix.get(path.substring(0, end));
            if (candidates != null) {
                for (ApiRoute candidate : candidates) {
                    if (candidate.servesHost(host)) {
                        return candidate;
                    }
                }
            }
            if (end == 0) {
                return null;
            }
            end = path.lastIndexOf('/', end - 1);
            if (end < 0) {
                end = 0;
            }
        }
    }

    public int size() {
        return byPrefix.values().stream().mapToInt(routes -> routes.length).sum();
    }
}
