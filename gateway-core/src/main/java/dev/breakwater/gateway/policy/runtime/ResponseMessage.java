package dev.breakwater.gateway.policy.runtime;

import dev.breakwater.gateway.config.JsonText;
import java.nio.charset.StandardCharsets;

/**
 * The response the client will get: status, reason, headers and body. A response from the backend
 * keeps its body streaming unless a policy reads or replaces it; a response the gateway makes
 * (return-response, errors) has its body here.
 */
public final class ResponseMessage {

    private final Headers headers;
    private final Body body;
    private final boolean fromBackend;
    private int status;
    private String reason;

    private ResponseMessage(int status, Headers headers, Body body, boolean fromBackend) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.fromBackend = fromBackend;
    }

    /** An empty 200 response made by the gateway. */
    public static ResponseMessage empty() {
        return new ResponseMessage(200, new Headers(), Body.of(null), false);
    }

    /** The backend's response: its status and headers, its body still streaming. */
    public static ResponseMessage fromBackend(int status, String reason, Headers headers) {
        ResponseMessage response = new ResponseMessage(status, headers, Body.stream(), true);
        response.reason = reason;
        return response;
    }

    /** A response received whole (a call-out's): its body is held, not streamed. */
    public static ResponseMessage received(int status, String reason, Headers headers, byte[] body) {
        ResponseMessage response = new ResponseMessage(status, headers, Body.of(body), false);
        response.reason = reason;
        return response;
    }

    /**
     * A copy of a response the gateway holds whole, to become the client's (return-response of a
     * call-out's response): later edits of either leave the other alone. What a policy consumed of
     * the body is gone from the copy too.
     */
    public ResponseMessage copy() {
        if (body.isStream()) {
            throw new IllegalStateException("a response whose body still streams cannot be copied");
        }
        ResponseMessage copy = new ResponseMessage(status, headers.copy(), Body.of(body.bytes()), false);
        copy.reason = reason;
        return copy;
    }

    /** A gateway-made error: {@code {"statusCode": 404, "message": "..."}}, its status rendered as it ends up. */
    public static ResponseMessage error(int status, String message) {
        Headers headers = new Headers(2).add("Content-Type", "application/json; charset=utf-8");
        ResponseMessage response = new ResponseMessage(status, headers, Body.of(null), false);
        response.body.set(message);
        response.body.markDefaultError();
        return response;
    }

    public int status() {
        return status;
    }

    public void setStatus(int status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    /** The reason phrase a policy set, or {@code null} for the standard one. */
    public String reason() {
        return reason;
    }

    public Headers headers() {
        return headers;
    }

    public Body body() {
        return body;
    }

    /** Whether this is the backend's response (its body may still stream from the backend). */
    public boolean isFromBackend() {
        return fromBackend;
    }

    /**
     * The bytes the client gets, or {@code null} when the backend's body streams through. A default
     * error body shows the final status, whatever on-error set it to.
     */
    public byte[] bodyToSend() {
        if (body.isDefaultError()) {
            return errorJson(status, new String(body.bytes(), StandardCharsets.UTF_8));
        }
        if (fromBackend && body.isStream()) {
            return null;
        }
        return body.bytes();
    }

    /** {@code {"statusCode":404,"message":"..."}}. */
    public static byte[] errorJson(int status, String message) {
        return new JsonText().field("statusCode", status).field("message", message).close()
                .getBytes(StandardCharsets.UTF_8);
    }
}
