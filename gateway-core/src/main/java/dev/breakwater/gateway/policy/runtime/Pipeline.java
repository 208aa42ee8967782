package dev.breakwater.gateway.policy.runtime;

import dev.breakwater.gateway.policy.Section;

/**
 * The effective policies of one route: the steps of each section with every {@code <base/>}
 * already put in place, and what the proxy must know about them ahead of any request, found by
 * walking the compiled tree.
 *
 * @param forwards          requests can reach the backend (a forward-request, not always preceded by
 *                          a policy that answers first)
 * @param setsBackend       a policy chooses the backend, so the API needs no serviceUrl
 * @param readsRequestBody  a policy reads the request body: it is buffered before the pipeline runs
 * @param readsResponseBody a policy reads the response body: the backend's is buffered before outbound
 */
public record Pipeline(Step[] inbound, Step[] backend, Step[] outbound, Step[] onError, boolean forwards,
                       boolean setsBackend, boolean readsRequestBody, boolean readsResponseBody) {

    public Step[] steps(Section section) {
        return switch (section) {
            case INBOUND -> inbound;
            case BACKEND -> backend;
            case OUTBOUND -> outbound;
            case ON_ERROR -> onError;
        };
    }
}
