package dev.breakwater.management.model;

import java.util.List;

/**
 * A gateway as the management plane knows it: its id, a description, and the APIs it serves.
 * Its keys are kept apart from the configuration, never exported.
 */
public record GatewayDefinition(String id, String description, List<String> apis) {

    public GatewayDefinition {
        apis = apis == null ? List.of() : List.copyOf(apis);
    }
}
