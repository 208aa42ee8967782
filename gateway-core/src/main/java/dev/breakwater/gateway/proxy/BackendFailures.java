package dev.breakwater.gateway.proxy;

import dev.breakwater.gateway.policy.runtime.PolicyException;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;

/**
 * What a failed backend exchange means for forward-request (APIM's predefined errors), and the
 * rate-limited warning a failing backend gets. A failure the client caused is its own, not the backend's.
 */
final class BackendFailures {

    private final BackendFailureLog log;

    BackendFailures(ProxyOptions options) {
        this.log = new BackendFailureLog(options.clock(), options.backendFailureLogInterval());
    }

    PolicyException errorOf(Exchange exchange, Response serverResponse, Throwable failure) {
        ClientFault fault = exchange.clientFault();
        if (fault != null) {
            return new PolicyException("forward-request", "ClientConnectionFailure", fault.status(), fault.message());
        }
        Throwable cause = rootOf(failure);
        if (cause instanceof BackendCall.BodyTooLarge) {
            return new PolicyException("forward-request", "BackendResponseTooLarge", 502, cause.getMessage());
        }
        if (cause instanceof BackendCall.DroppedBody) {
            return new PolicyException("forward-request", "ResponseDropped", 502, cause.getMessage());
        }
        log.failed(backendOf(serverResponse), exchange.requestId, failure);
        if (cause instanceof TimeoutException) {
            return new PolicyException("forward-request", "Timeout", 504, "The backend did not answer in time");
        }
        return new PolicyException("forward-request", "BackendConnectionFailure", 502,
                "The backend service is unavailable");
    }

    void succeeded(Response serverResponse) {
        log.succeeded(backendOf(serverResponse));
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof TimeoutException || cause instanceof BackendCall.BodyTooLarge)) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String backendOf(Response serverResponse) {
        if (serverResponse == null) {
            return "?";
        }
        Request request = serverResponse.getRequest();
        return request.getHost() + ":" + request.getPort();
    }
}
