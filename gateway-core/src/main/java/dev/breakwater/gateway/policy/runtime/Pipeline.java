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
 * @param preflight         the effective inbound policies that answer CORS preflights (cors), in order;
 *                          empty when none does, and preflights are then routed like any request
 */
public record Pipeline(Step[] inbound, Step[] backend, Step[] outbound, Step[] onError, boolean forwards,
                       boolean setsBackend, boolean readsRequestBody, boolean readsResponseBody, Step[] preflight) {

    private static final Step[] NONE = new Step[0];

    /** Whether CORS preflights get {@link #preflightOnly()} rather than this pipeline. */
    public boolean answersPreflights() {
        return preflight.length > 0;
    }

    /**
     * The pipeline of a preflight: only the cors policies, in inbound; none forwards. If none answers
     * (each unmatched with terminate-unmatched-request false), the response is the empty 200 APIM sends.
     */
    public Pipeline preflightOnly() {
        return new Pipeline(preflight, NONE, NONE, NONE, false, false, false, false, preflight);
    }

    public Step[] steps(Section section) {
        return switch (section) {
            case INBOUND -> inbound;
            case BACKEND -> backend;
            case OUTBOUND -> outbound;
            case ON_ERROR -> onError;
        };
    }
}
