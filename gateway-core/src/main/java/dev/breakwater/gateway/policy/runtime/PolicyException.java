package dev.breakwater.gateway.policy.runtime;

/** A policy failed on one request; the pipeline goes to on-error with its {@link PolicyError}. */
public class PolicyException extends Exception {

    private final transient PolicyError error;

    public PolicyException(PolicyError error) {
        super(error.message());
        this.error = error;
    }

    /** An error of the policy at hand, which the pipeline places where the policy stands. */
    public PolicyException(String source, String reason, int statusCode, String message) {
        this(PolicyError.builtIn(source, reason, statusCode, message));
    }

    public PolicyError error() {
        return error;
    }
}
