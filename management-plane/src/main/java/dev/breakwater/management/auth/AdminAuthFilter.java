package dev.breakwater.management.auth;

import dev.breakwater.gateway.status.BearerToken;
import dev.breakwater.management.api.Responses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The admin API's authentication: every path under {@code /admin} needs
 * {@code Authorization: Bearer <admin.token>}, decided by path before any resource is matched,
 * so that no admin resource can be left open by a missing annotation. The token is compared
 * in constant time ({@link BearerToken}).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class AdminAuthFilter implements ContainerRequestFilter {

    private final BearerToken expected;

    public AdminAuthFilter(String adminToken) {
        this.expected = new BearerToken(adminToken);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("admin") && !path.startsWith("admin/")) {
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (!expected.accepts(authorization)) {
            request.abortWith(Responses.error(401, authorization == null
                    ? "the admin API needs 'Authorization: Bearer <admin token>'" : "the admin token is not valid"));
        }
    }

}
