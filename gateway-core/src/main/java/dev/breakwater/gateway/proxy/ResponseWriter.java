package dev.breakwater.gateway.proxy;

import dev.breakwater.gateway.policy.RequestFlow;
import dev.breakwater.gateway.policy.ResponseMessage;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;

/** Writes responses the gateway makes (policies, errors) and the edited headers of backend responses. */
final class ResponseWriter {

    private ResponseWriter() {
    }

    /** Writes a whole gateway-made response: status, headers, body. */
    static void write(HttpServletResponse response, ResponseMessage message, String requestId) throws IOException {
        writeHead(response, message, requestId);
        byte[] body = message.body();
        response.setContentLength(body == null ? 0 : body.length);
        if (body != null && body.length > 0) {
            response.getOutputStream().write(body);
        }
        response.flushBuffer();
    }

    /** Writes status and headers; the body, if any, is the backend's and follows as it streams. */
    static void writeHead(HttpServletResponse response, ResponseMessage message, String requestId) {
        response.setStatus(message.status());
        for (HttpField field : message.headers()) {
            if (HttpHeader.SERVER.is(field.getName())) {
                response.setHeader(field.getName(), field.getValue()); // replaces a container's own: one Server header
            } else if (message.body() == null || !HttpHeader.CONTENT_LENGTH.is(field.getName())) {
                response.addHeader(field.getName(), field.getValue());
            }
        }
        response.setHeader(RequestIds.HEADER, requestId);
    }

    /** Writes a gateway error as JSON, replacing whatever the response held. */
    static void error(HttpServletResponse response, int status, String message, String requestId) throws IOException {
        response.reset();
        write(response, RequestFlow.errorResponse(status, message), requestId);
    }
}
