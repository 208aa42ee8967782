package dev.breakwater.gateway.policy.compile;

/**
 * What a compiled policy does that the pipeline must know, declared by its factory (or, for body
 * reads, found in its expressions). The pipeline's facts come from these, never from element names.
 */
public enum Trait {
    /** Ends the request with a response of its own (return-response, mock-response). */
    ENDS_REQUEST,
    /** Sends the request to the backend (forward-request). */
    FORWARDS,
    /** Chooses the backend (set-backend-service), so an API needs no serviceUrl. */
    SETS_BACKEND,
    /** Reads the request body: the gateway buffers it before the pipeline runs. */
    READS_REQUEST_BODY,
    /** Reads the response body: the gateway buffers the backend's before outbound runs. */
    READS_RESPONSE_BODY,
    /** May wait (a call-out, a shared counter): the request is then held without a thread. */
    MAY_PAUSE,
    /**
     * Answers CORS preflights (cors): when it stands directly in inbound, a preflight runs only the
     * policies with this trait, as APIM evaluates only cors on a preflight.
     */
    ANSWERS_PREFLIGHT
}
