package dev.breakwater.management.auth;

import dev.breakwater.gateway.status.BearerToken;
import dev.breakwater.management.api.Responses;
import dev.breakwater.management.store.ConfigStore;
import dev.breakwater.management.store.GatewayKeys;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication of every request, before any resource is matched, so that no resource can be
 * left open by a missing annotation: the admin API needs {@code Authorization: Bearer
 * <admin.token>} (compared in constant time, {@link BearerToken}); the gateway API a
 * {@code GatewayKey} token signed with a key of the gateway its path names (expired, forged,
 * regenerated-key and other gateways' tokens get 401); any other path gets 404 (see
 * {@link ApiArea}). The path was checked before (no ';', no dot or empty segment, no encoded
 * separator), so the decoded segments decided on here are the ones the router matches.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFilter.class);

    private final BearerToken adminToken;
    private final ConfigStore store;
    private final GatewayTokens tokens;

    public AuthenticationFilter(String adminToken, ConfigStore store, GatewayTokens tokens) {
        this.adminToken = new BearerToken(adminToken);
        this.store = store;
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> segments = request.getUriInfo().getPathSegments(true).stream().map(PathSegment::getPath).toList();
        ApiArea area = ApiArea.of(segments);
        if (area.kind() == ApiArea.Kind.NONE) {
            request.abortWith(Responses.error(404, "no such resource: the management plane serves /admin/… "
                    + "and /gateway/v1/gateways/{gatewayId}/…"));
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String refusal = area.kind() == ApiArea.Kind.ADMIN ? admin(authorization)
                : gateway(authorization, area.gatewayId());
        if (refusal != null) {
            request.abortWith(Responses.error(401, refusal));
        }
    }

    /** Why the admin API refuses, or {@code null} when the token is right. */
    private String admin(String authorization) {
        if (adminToken.accepts(authorization)) {
            return null;
        }
        return authorization == null ? "the admin API needs 'Authorization: Bearer <admin token>'"
                : "the admin token is not valid";
    }

    /** Why the gateway API refuses, or {@code null} when the token is one of this gateway's. */
    private String gateway(String authorization, String gatewayId) {
        GatewayKeys keys = store.state().keys().get(gatewayId);
        GatewayTokens.Verdict verdict = keys == null ? GatewayTokens.Verdict.INVALID_SIGNATURE
                : tokens.verify(authorization, gatewayId, keys.primary(), keys.secondary());
        if (verdict == GatewayTokens.Verdict.VALID) {
            return null;
        }
        LOG.debug("gateway '{}' refused: {}", gatewayId, verdict);
        return switch (verdict) {
            case EXPIRED -> "the gateway token has expired; generate a new one";
            case MALFORMED -> "the gateway API needs 'Authorization: GatewayKey <token>'";
            default -> "the gateway token is not valid for this gateway";
        };
    }
}
