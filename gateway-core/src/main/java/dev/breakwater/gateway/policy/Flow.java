package dev.breakwater.gateway.policy;

/** What the pipeline does after a policy has run. */
public enum Flow {
    /** Go on with the next policy. */
    CONTINUE,
    /** Stop here and send the context's response to the client (return-response). */
    RETURN,
    /** Send the request to the backend now (forward-request). */
    FORWARD
}
