package dev.breakwater.management.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.breakwater.management.ByteSize;
import java.io.IOException;

/**
 * The first thing every request meets, before anything is routed or authenticated: a path that
 * can be written more than one way is refused (400, see {@link RawPath}), and a body larger
 * than {@code server.request.max.size} is refused (413) before it is read whole: at once when
 * its Content-Length says so, at the first byte beyond the limit when it has no length.
 */
public final class RequestGuard implements Filter {

    private final long maxBodyBytes;

    public RequestGuard(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String problem = RawPath.problem(request.getRequestURI());
        if (problem != null) {
            ErrorJson.send(response, 400, problem + "; send the plain path, such as /admin/apis");
            return;
        }
        long length = request.getContentLengthLong();
        if (length == 0) {
            chain.doFilter(request, response);
            return;
        }
        if (length > maxBodyBytes) {
            tooLarge(response);
            return;
        }
        byte[] body;
        try {
            body = BoundedBody.read(request.getInputStream(), maxBodyBytes);
        } catch (BoundedBody.TooLarge e) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close"); // the rest of the body is not read
        ErrorJson.send(response, 413, "the request body is larger than " + ByteSize.format(maxBodyBytes)
                + ", the most server.request.max.size allows");
    }
}
