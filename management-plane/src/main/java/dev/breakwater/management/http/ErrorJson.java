package dev.breakwater.management.http;

import dev.breakwater.gateway.config.JsonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.http.HttpServletResponse;

/** The management plane's error format, {@code {"statusCode":400,"message":"…"}}, for what answers before Jersey. */
final class ErrorJson {

    private ErrorJson() {
    }

    static byte[] bytes(int status, String message) {
        return new JsonText().field("statusCode", status).field("message", message).close()
                .getBytes(StandardCharsets.UTF_8);
    }

    static void send(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = bytes(status, message);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
