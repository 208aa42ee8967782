package dev.breakwater.gateway.proxy;

import dev.breakwater.gateway.routing.ApiRoute;
import dev.breakwater.gateway.routing.RequestPaths;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;

/**
 * What the gateway refuses before a request reaches any policy: message framing and URLs it
 * cannot pass on faithfully, paths that could climb out of a prefix, and TRACE (which would
 * echo credentials back) unless an operation asks for it.
 */
final class RequestChecks {

    private static final String TRACE = "TRACE";

    /** A refusal: the status and the message of the gateway's error. */
    record Refusal(int status, String message) {
    }

    private RequestChecks() {
    }

    /** Checks that need no route; {@code null} when the request may go on. */
    static Refusal beforeRouting(HttpServletRequest request, String path) {
        String coding = unsupportedTransferCoding(request);
        if (coding != null) {
            // the gateway only removes chunked framing; another coding would reach the backend undeclared
            return new Refusal(501, "Transfer-Encoding '" + coding + "' is not supported; send the body with "
                    + "Content-Length or Transfer-Encoding: chunked");
        }
        if (!isVisibleAscii(request.getRequestURI()) || !isVisibleAscii(request.getQueryString())) {
            // the URL passes through as text: a raw byte outside ASCII could not reach the backend as sent
            return new Refusal(400, "The request URL must be ASCII; percent-encode any other byte");
        }
        if (RequestPaths.hasDotSegment(path)) {
            return new Refusal(400, "The request path must not contain '.' or '..' segments");
        }
        return null;
    }

    /** TRACE reaches a backend only through an operation that names it. */
    static Refusal afterApiMatched(HttpServletRequest request, ApiRoute api) {
        if (TRACE.equals(request.getMethod())
                && api.operations().stream().noneMatch(operation -> TRACE.equals(operation.method()))) {
            return new Refusal(405, "The method TRACE is not allowed");
        }
        return null;
    }

    private static boolean isVisibleAscii(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** The first transfer coding other than chunked, or {@code null}. */
    private static String unsupportedTransferCoding(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders(HttpHeader.TRANSFER_ENCODING.asString());
        while (values != null && values.hasMoreElements()) {
            for (String coding : values.nextElement().split(",")) {
                String name = coding.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.equals("chunked")) {
                    return name;
                }
            }
        }
        return null;
    }
}
