package dev.breakwater.management.auth;

import dev.breakwater.management.api.Responses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The admin API's authentication: every path under {@code /admin} needs
 * {@code Authorization: Bearer <admin.token>}, decided by path before any resource is matched,
 * so that no admin resource can be left open by a missing annotation. The token is compared
 * as SHA-256 digests with {@link MessageDigest#isEqual}, so neither its content nor its length
 * can be learnt from response times.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class AdminAuthFilter implements ContainerRequestFilter {

    private static final String SCHEME = "Bearer ";

    private final byte[] expectedDigest;

    public AdminAuthFilter(String adminToken) {
        this.expectedDigest = digest(adminToken);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("admin") && !path.startsWith("admin/")) {
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean valid = authorization != null && authorization.startsWith(SCHEME)
                && MessageDigest.isEqual(expectedDigest, digest(authorization.substring(SCHEME.length()).trim()));
        if (!valid) {
            request.abortWith(Responses.error(401, authorization == null
                    ? "the admin API needs 'Authorization: Bearer <admin token>'" : "the admin token is not valid"));
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
