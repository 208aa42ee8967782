package dev.breakwater.gateway.status;

import dev.breakwater.gateway.config.StrictJson;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/** {@code /status}: the gateway's {@link GatewayStatus} as JSON; {@code /health}: 200 while it serves, else 503. */
public final class StatusServlet extends HttpServlet {

    private final transient Supplier<GatewayStatus> status;
    private final transient StrictJson json = new StrictJson();

    public StatusServlet(Supplier<GatewayStatus> status) {
        this.status = status;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        GatewayStatus current = status.get();
        response.setHeader("Cache-Control", "no-store");
        if (request.getServletPath().endsWith("/health")) {
            response.setStatus(current.ready() ? 200 : 503);
            response.setContentType("text/plain");
            response.getWriter().write(current.ready() ? "ok\n" : "not serving a configuration\n");
            return;
        }
        byte[] body = json.write(current);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
