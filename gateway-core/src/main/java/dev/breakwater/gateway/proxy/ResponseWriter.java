package dev.breakwater.gateway.proxy;

import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.http.HttpHeader;

/** Writes the client's response: whole (the gateway holds its body), or its head before a backend body streams. */
final class ResponseWriter {

    private ResponseWriter() {
    }

    /** Writes a whole response: status, headers, the body the gateway holds (with its own length). */
    static void write(HttpServletResponse response, ResponseMessage message, String requestId) throws IOException {
        byte[] body = writeWholeHead(response, message, requestId);
        if (body.length > 0) {
            response.getOutputStream().write(body);
        }
        response.flushBuffer();
    }

    /** Sets status, headers and the length of a whole response; returns the body to write (maybe empty). */
    static byte[] writeWholeHead(HttpServletResponse response, ResponseMessage message, String requestId) {
        byte[] body = message.bodyToSend();
        head(response, message, requestId, false);
        response.setContentLength(body == null ? 0 : body.length);
        return body == null ? new byte[0] : body;
    }

    /** Writes status and headers (the backend's length included); the backend's body follows as it streams. */
    static void writeHead(HttpServletResponse response, ResponseMessage message, String requestId) {
        head(response, message, requestId, true);
    }

    private static void head(HttpServletResponse response, ResponseMessage message, String requestId,
                             boolean keepLength) {
        response.setStatus(message.status());
        Headers headers = message.headers();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            if (HttpHeader.SERVER.is(name)) {
                response.setHeader(name, headers.value(i)); // replaces a container's own: one Server header
            } else if (keepLength || !HttpHeader.CONTENT_LENGTH.is(name)) {
                response.addHeader(name, headers.value(i));
            }
        }
        response.setHeader(RequestIds.HEADER, requestId);
    }
}
