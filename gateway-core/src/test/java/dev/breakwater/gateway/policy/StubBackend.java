package dev.breakwater.gateway.policy;

import dev.breakwater.gateway.policy.runtime.ForwardOptions;
import dev.breakwater.gateway.policy.runtime.Forwarder;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A backend for tests without a server: forward-request gets, at once, a response with the status
 * set here and the header {@code X-Backend: b}; each call is recorded. With {@link #body} set, the
 * response's body is that, as the gateway holds it once buffered, with {@link #contentType}; with
 * {@link #streamed} too, the body stays a stream (as when no policy reads it) and the test relays
 * {@link #body} itself, as the proxy would.
 */
public final class StubBackend implements Forwarder {

    public final List<String> calls = new ArrayList<>();
    public int status = 200;
    public byte[] body;
    public String contentType = "application/json";
    public boolean streamed;

    @Override
    public CompletionStage<Outcome> forward(PolicyContext context, ForwardOptions options) {
        calls.add(context.request().method() + " " + context.request().backendUrl());
        context.put(ForwardOptions.KEY, options);
        Headers headers = new Headers().add("X-Backend", "b");
        if (body != null) {
            headers.add("Content-Type", contentType);
        }
        ResponseMessage response = ResponseMessage.fromBackend(status, null, headers);
        if (body != null && !streamed) {
            response.body().buffered(body);
        }
        context.setResponse(response);
        return CompletableFuture.completedFuture(Outcome.CONTINUE);
    }
}
