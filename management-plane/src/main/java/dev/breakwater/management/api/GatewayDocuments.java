package dev.breakwater.management.api;

import dev.breakwater.gateway.config.ApiDefinition;
import dev.breakwater.gateway.config.ConfigDocument;
import dev.breakwater.gateway.config.StrictJson;
import dev.breakwater.management.model.GatewayDefinition;
import dev.breakwater.management.model.ManagementDocument;
import dev.breakwater.management.store.ConfigStore;
import dev.breakwater.management.store.Edits;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configuration document of one gateway: the global policy and the APIs assigned to it,
 * as of the current revision, which is also its ETag. Rendered once per gateway and revision.
 */
public final class GatewayDocuments {

    private record Rendered(long revision, byte[] json) {
    }

    private final ConfigStore store;
    private final StrictJson json = new StrictJson();
    private final Map<String, Rendered> cache = new ConcurrentHashMap<>();

    public GatewayDocuments(ConfigStore store) {
        this.store = store;
    }

    /** 200 with the document, or 304 when the client's ETag is the current revision. */
    public Response respond(String gatewayId, String ifNoneMatch) {
        ConfigStore.State state = store.state();
        String etag = "\"" + state.revision() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).build();
        }
        GatewayDefinition gateway = Edits.gateway(state.document(), gatewayId).orElse(null);
        if (gateway == null) {
            return Responses.error(404, "no gateway '" + gatewayId + "'");
        }
        Rendered rendered = cache.compute(gatewayId, (id, cached) -> cached != null
                && cached.revision() == state.revision() ? cached : render(state.document(), gateway));
        return Response.ok(rendered.json(), MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, etag).build();
    }

    private Rendered render(ManagementDocument document, GatewayDefinition gateway) {
        List<ApiDefinition> apis = document.apis().stream().filter(api -> gateway.apis().contains(api.id())).toList();
        return new Rendered(document.revision(), json.write(new ConfigDocument(document.revision(), document.policy(), apis)));
    }

    /** The revision an ETag names, or -1 for none or a malformed one. */
    public static long revisionOf(String etag) {
        if (etag == null || etag.length() < 3 || !etag.startsWith("\"") || !etag.endsWith("\"")) {
            return -1;
        }
        try {
            return Long.parseLong(etag.substring(1, etag.length() - 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
