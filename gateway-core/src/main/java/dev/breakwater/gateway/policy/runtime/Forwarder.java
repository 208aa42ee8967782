package dev.breakwater.gateway.policy.runtime;

import java.util.concurrent.CompletionStage;

/**
 * Sends a request to its backend for forward-request. The proxy implements it for each request;
 * the stage completes, on the thread that got the answer, once the backend's status and headers
 * are the context's response (its body streams later unless a policy reads it), or fails with a
 * {@link PolicyException} when the backend cannot be reached or does not answer in time.
 */
@FunctionalInterface
public interface Forwarder {

    CompletionStage<Outcome> forward(PolicyContext context, ForwardOptions options);
}
