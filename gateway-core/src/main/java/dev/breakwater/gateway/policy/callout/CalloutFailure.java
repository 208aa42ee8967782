package dev.breakwater.gateway.policy.callout;

/**
 * Why a call-out got no usable response, in the terms APIM reports: the service did not answer in
 * time, could not be reached (or broke off), or answered with more than the gateway buffers for a
 * policy. Its message is safe to show a client: no address, no path, no secret.
 */
public final class CalloutFailure extends Exception {

    /** The kinds of failure a policy tells apart. */
    public enum Kind {
        /** No complete response within the policy's timeout (APIM's {@code Timeout}). */
        TIMEOUT,
        /** No connection, or it broke off (APIM's {@code BackendConnectionFailure}). */
        CONNECTION,
        /** The response body is larger than {@code policy.body.max.bytes}. */
        TOO_LARGE
    }

    private final Kind kind;

    public CalloutFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
