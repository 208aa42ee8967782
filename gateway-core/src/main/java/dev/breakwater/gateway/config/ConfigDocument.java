package dev.breakwater.gateway.config;

import java.util.List;

/**
 * Everything a gateway needs, as one JSON document; served by the management plane and read
 * from a local file alike. Property names follow the APIM resource model.
 *
 * @param revision increases with every change
 * @param policy   the global policy XML, or {@code null}
 */
public record ConfigDocument(long revision, String policy, List<ApiDefinition> apis) {

    public ConfigDocument {
        apis = apis == null ? List.of() : List.copyOf(apis);
    }
}
