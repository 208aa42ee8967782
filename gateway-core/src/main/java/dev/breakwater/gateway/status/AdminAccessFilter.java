package dev.breakwater.gateway.status;

import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Guards the admin endpoints with {@code Authorization: Bearer <server.admin.token>} (a
 * {@link BearerToken}). Without a token the endpoints are open, which the runner allows only on
 * a loopback address.
 */
public final class AdminAccessFilter extends HttpFilter {

    private final transient BearerToken expected;

    /** @param token the admin token, or {@code null} for none */
    public AdminAccessFilter(String token) {
        this.expected = token == null ? null : new BearerToken(token);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (expected != null) {
            if (!expected.accepts(request.getHeader("Authorization"))) {
                response.setStatus(401);
                response.setContentType("application/json");
                response.getOutputStream().write(ResponseMessage.errorJson(401,
                        "the admin endpoints need 'Authorization: Bearer <server.admin.token>'"));
                return;
            }
        }
        chain.doFilter(request, response);
    }

}
