package dev.breakwater.management.model;

import dev.breakwater.gateway.config.ApiDefinition;
import java.util.List;

/**
 * Everything the management plane holds, as one document: the global policy, every API with
 * its operations and policies, and the gateways with their API assignments. {@code GET
 * /admin/config} exports it and {@code PUT /admin/config} replaces everything with it.
 *
 * @param revision assigned by the management plane; ignored on import
 */
public record ManagementDocument(long revision, String policy, List<ApiDefinition> apis,
                                 List<GatewayDefinition> gateways) {

    public ManagementDocument {
        apis = apis == null ? List.of() : List.copyOf(apis);
        gateways = gateways == null ? List.of() : List.copyOf(gateways);
    }

    public static ManagementDocument empty() {
        return new ManagementDocument(0, null, List.of(), List.of());
    }
}
