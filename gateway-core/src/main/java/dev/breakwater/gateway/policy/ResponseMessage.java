package dev.breakwater.gateway.policy;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;

/**
 * The response the client will get: status, headers and, where the gateway makes the body
 * (return-response, errors), the body. A response that comes from the backend has no body
 * here: the backend's body streams through untouched.
 */
public final class ResponseMessage {

    private int status;
    private final HttpFields.Mutable headers;
    private byte[] body;

    public ResponseMessage(int status, HttpFields.Mutable headers) {
        this.status = status;
        this.headers = headers;
    }

    /** An empty 200 response made by the gateway. */
    public static ResponseMessage empty() {
        return new ResponseMessage(200, HttpFields.build());
    }

    public int status() {
        return status;
    }

    public void setStatus(int status) {
        this.status = status;
    }

    public HttpFields.Mutable headers() {
        return headers;
    }

    /** The gateway-made body, or {@code null} when the body is the backend's (or none). */
    public byte[] body() {
        return body;
    }

    public void setBody(byte[] body) {
        this.body = body;
    }

    public void setBody(String body) {
        this.body = body.getBytes(StandardCharsets.UTF_8);
    }
}
