package dev.breakwater.management.auth;

import dev.breakwater.management.api.Responses;
import dev.breakwater.management.store.ConfigStore;
import dev.breakwater.management.store.GatewayKeys;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway API's authentication: every path under {@code /gateway} needs a
 * {@code GatewayKey} token signed with one of the keys of the gateway the path names
 * ({@code /gateway/v1/gateways/<id>/...}). Expired, forged and regenerated-key tokens get 401.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class GatewayAuthFilter implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayAuthFilter.class);

    private final ConfigStore store;
    private final GatewayTokens tokens;

    public GatewayAuthFilter(ConfigStore store, GatewayTokens tokens) {
        this.store = store;
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("gateway") && !path.startsWith("gateway/")) {
            return;
        }
        String gatewayId = gatewayId(path);
        GatewayKeys keys = gatewayId == null ? null : store.state().keys().get(gatewayId);
        GatewayTokens.Verdict verdict = keys == null ? GatewayTokens.Verdict.INVALID_SIGNATURE
                : tokens.verify(request.getHeaderString(HttpHeaders.AUTHORIZATION), gatewayId, keys.primary(),
                keys.secondary());
        if (verdict != GatewayTokens.Verdict.VALID) {
            LOG.debug("gateway '{}' refused: {}", gatewayId, verdict);
            request.abortWith(Responses.error(401, switch (verdict) {
                case EXPIRED -> "the gateway token has expired; generate a new one";
                case MALFORMED -> "the gateway API needs 'Authorization: GatewayKey <token>'";
                default -> "the gateway token is not valid for this gateway";
            }));
        }
    }

    /** The id in {@code gateway/v1/gateways/<id>/...}, or {@code null}. */
    private static String gatewayId(String path) {
        String[] segments = path.split("/");
        return segments.length >= 4 && segments[1].equals("v1") && segments[2].equals("gateways") ? segments[3] : null;
    }
}
