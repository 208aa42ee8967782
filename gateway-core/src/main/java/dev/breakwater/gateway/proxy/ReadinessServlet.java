package dev.breakwater.gateway.proxy;

import dev.breakwater.gateway.snapshot.ActiveConfig;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The readiness probe at {@value #PATH}, the path the anchor product's gateway uses, so
 * existing probes keep working: 200 once a configuration is being served, 503 before.
 */
public final class ReadinessServlet extends HttpServlet {

    public static final String PATH = "/status-0123456789abcdef";

    private final transient ActiveConfig config;

    public ReadinessServlet(ActiveConfig config) {
        this.config = config;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(config.isServing() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentLength(0);
        response.setHeader("Cache-Control", "no-store");
    }
}
