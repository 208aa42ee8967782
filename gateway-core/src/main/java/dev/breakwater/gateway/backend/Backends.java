package dev.breakwater.gateway.backend;

import java.util.Map;
import java.util.TreeMap;

/** The backends of one configuration, by id. */
public final class Backends {

    public static final Backends NONE = new Backends(Map.of());

    private final Map<String, Backend> byId;

    public Backends(Map<String, Backend> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** The backend of this id, or {@code null}. */
    public Backend get(String id) {
        return id == null ? null : byId.get(id);
    }

    /** The ids, sorted, for messages. */
    public String ids() {
        return byId.isEmpty() ? "none is defined" : "defined: " + String.join(", ", new TreeMap<>(byId).keySet());
    }
}
