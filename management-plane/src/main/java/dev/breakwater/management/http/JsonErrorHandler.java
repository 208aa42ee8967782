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

    /** Jetty's reason, put as the management plane's own refusals are; a generic phrase otherwise. */
    private static String message(int status, Object reason) {
        String text = reason instanceof String string ? string : "";
        if (status == 400 && (text.contains("Ambiguous") || text.contains("Suspicious"))) {
            return "the path is ambiguous (" + text + "); send the plain path, such as /admin/apis";
        }
        return HttpStatus.getMessage(status);
    }
}
