package dev.breakwater.gateway.status;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Guards the admin endpoints with {@code Authorization: Bearer <server.admin.token>}, compared
 * as SHA-256 digests in constant time. Without a token the endpoints are open, which the
 * runner allows only on a loopback address.
 */
public final class AdminAccessFilter extends HttpFilter {

    private final transient byte[] expected;

    /** @param token the admin token, or {@code null} for none */
    public AdminAccessFilter(String token) {
        this.expected = token == null ? null : digest(token);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (expected != null) {
            String authorization = request.getHeader("Authorization");
            boolean valid = authorization != null && authorization.startsWith("Bearer ")
                    && MessageDigest.isEqual(expected, digest(authorization.substring(7).trim()));
            if (!valid) {
                response.setStatus(401);
                response.setContentType("application/json");
                response.getWriter().write("{\"statusCode\": 401, \"message\": \"the admin endpoints need "
                        + "'Authorization: Bearer <server.admin.token>'\"}");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
