package dev.breakwater.management.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches the management plane (an ambiguous or
 * malformed path, headers too large), in the management plane's JSON error format rather than
 * an HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        byte[] body = ErrorJson.bytes(status, message(status, request.getAttribute(ERROR_MESSAGE)));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** Jetty's reason, put in the words of the management plane's own refusals ({@link RawPath}). */
    private static String message(int status, Object reason) {
        String text = reason instanceof String string ? string : "";
        if (status != 400 || !(text.contains("Ambiguous") || text.contains("Suspicious") || text.contains("Illegal"))) {
            return HttpStatus.getMessage(status);
        }
        String problem = text.contains("empty segment") ? "the path has an empty segment ('//' or a trailing '/')"
                : text.contains("path separator") ? "the path has an encoded '/' (%2F)"
                : text.contains("path segment") ? "the path has a dot segment, raw or encoded"
                : text.contains("Suspicious") || text.contains("Illegal") ? "the path has a backslash or a character "
                + "a path may not have" : "the path is ambiguous";
        return problem + "; send the plain path, such as /admin/apis";
    }
}
