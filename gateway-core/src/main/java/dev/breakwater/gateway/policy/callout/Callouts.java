package dev.breakwater.gateway.policy.callout;

import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;

/**
 * Sends call-outs on the gateway's call-out client ({@code PolicyServices.httpClient()}), always
 * asynchronously: the calling thread only starts the exchange, and the returned future completes
 * on the client's thread when the exchange ends. The timeout bounds the whole exchange, connecting
 * and the last byte of the body included. Redirects are answers like any other (not followed).
 */
public final class Callouts {

    private Callouts() {
    }

    /**
     * Sends the request and completes with the whole response, its body buffered up to
     * {@code bodyLimit} bytes; fails with a {@link CalloutFailure}.
     */
    public static CompletableFuture<ResponseMessage> exchange(HttpClient client, CalloutRequest request,
                                                              long timeoutMillis, int bodyLimit) {
        BoundedBodyListener listener = new BoundedBodyListener(bodyLimit);
        try {
            jettyRequest(client, request, timeoutMillis).send(listener);
        } catch (RuntimeException e) { // the client refused the request before sending it (stopping, queue full)
            return CompletableFuture.failedFuture(failureOf(e));
        }
        return listener.result();
    }

    /**
     * Sends the request and drops the response's body as it arrives; completes with the response's
     * status, or fails with a {@link CalloutFailure}. For calls nobody waits for (send-one-way-request).
     */
    public static CompletableFuture<Integer> fire(HttpClient client, CalloutRequest request, long timeoutMillis) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        try {
            jettyRequest(client, request, timeoutMillis).send(result -> {
                if (result.isFailed()) {
                    status.completeExceptionally(failureOf(result.getFailure()));
                } else {
                    status.complete(result.getResponse().getStatus());
                }
            });
        } catch (RuntimeException e) {
            status.completeExceptionally(failureOf(e));
        }
        return status;
    }

    /** The failure as a {@link CalloutFailure}: itself when it is one, else sorted by its cause. */
    public static CalloutFailure failureOf(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 16; depth++) {
            if (cause instanceof CalloutFailure known) {
                return known;
            }
            if (cause instanceof TimeoutException) {
                return new CalloutFailure(CalloutFailure.Kind.TIMEOUT, "The call-out got no response in time");
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return new CalloutFailure(CalloutFailure.Kind.CONNECTION, "The call-out could not reach its service");
    }

    private static Request jettyRequest(HttpClient client, CalloutRequest request, long timeoutMillis) {
        Request jetty = client.newRequest(request.url())
                .method(request.method())
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .headers(fields -> CalloutHeaders.copyRequest(request.headers(), fields));
        if (request.body().length > 0) {
            jetty.body(new BytesRequestContent((String) null, request.body()));
        }
        return jetty;
    }
}
