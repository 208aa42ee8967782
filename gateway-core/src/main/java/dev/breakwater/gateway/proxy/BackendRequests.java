package dev.breakwater.gateway.proxy;

import dev.breakwater.gateway.policy.runtime.ForwardOptions;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.RequestMessage;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;

/** Turns the policy context's request into Jetty's request to the backend. */
final class BackendRequests {

    private BackendRequests() {
    }

    /**
     * Sets what policies decided: method, headers (with the request id), HTTP/1.1 (no negotiation per
     * request), forward-request's idle timeout and redirect handling.
     */
    static void prepare(Request proxyRequest, RequestMessage message, ForwardOptions forward, String requestId) {
        Headers headers = message.headers();
        proxyRequest.method(message.method()).version(HttpVersion.HTTP_1_1);
        proxyRequest.headers(target -> {
            target.clear();
            HopByHop.copy(headers, target);
            target.put(RequestIds.HEADER, requestId);
        });
        proxyRequest.idleTimeout(forward.timeoutMillis(), TimeUnit.MILLISECONDS);
        proxyRequest.followRedirects(forward.followRedirects());
    }

    /** A body the gateway holds (buffered or set by a policy): sent with its own length. */
    static void bytesBody(Request proxyRequest, byte[] body) {
        proxyRequest.headers(target -> {
            target.remove(HttpHeader.CONTENT_LENGTH);
            target.remove(HttpHeader.TRANSFER_ENCODING);
        });
        if (body.length > 0) {
            proxyRequest.body(new BytesRequestContent(body));
        }
    }
}
