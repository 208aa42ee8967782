package dev.breakwater.management.api;

import dev.breakwater.management.store.ConfigStore;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Answers a gateway's configuration request from the current state: the document it is served
 * (the global policy and its APIs, rendered when the revision was made, so that answering
 * renders nothing), with the revision as its ETag.
 */
public final class GatewayDocuments {

    private final ConfigStore store;

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
        byte[] document = state.served().get(gatewayId);
        if (document == null) {
            return Responses.error(404, "no gateway '" + gatewayId + "'");
        }
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, etag).build();
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
