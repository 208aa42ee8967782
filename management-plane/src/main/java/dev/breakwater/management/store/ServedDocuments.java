package dev.breakwater.management.store;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.ConfigDocument;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.management.model.GatewayDefinition;
import dev.breakwater.management.model.ManagementDocument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration document each gateway is served, as the exact bytes it will parse: the
 * global policy and the APIs assigned to it, at the document's revision. Rendered once per
 * revision, when the revision is made, so that answering a gateway (and waking the long polls
 * of many) renders nothing. Gateways with the same APIs share one rendering.
 */
final class ServedDocuments {

    private final StrictJson json;

    ServedDocuments(StrictJson json) {
        this.json = json;
    }

    /** The document with every API, whatever the assignments. */
    byte[] everything(ManagementDocument document) {
        return json.write(new ConfigDocument(document.revision(), document.policy(), document.apis()));
    }

    /** Each gateway's document, by gateway id. */
    Map<String, byte[]> render(ManagementDocument document) {
        Map<List<ApiDefinition>, byte[]> byApis = new HashMap<>();
        Map<String, byte[]> served = new HashMap<>();
        for (GatewayDefinition gateway : document.gateways()) {
            List<ApiDefinition> apis = document.apis().stream().filter(api -> gateway.apis().contains(api.id())).toList();
            served.put(gateway.id(), byApis.computeIfAbsent(apis, assigned ->
                    json.write(new ConfigDocument(document.revision(), document.policy(), assigned))));
        }
        return Map.copyOf(served);
    }
}
