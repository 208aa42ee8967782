package dev.breakwater.gateway.policy;

/** A policy failed on one request; the pipeline goes to its on-error section. */
public class PolicyException extends Exception {

    private final int statusCode;

    public PolicyException(int statusCode, String message) {
        super(message);
        this.statusCode = statusCode;
    }

    /** The status the client gets unless on-error decides otherwise. */
    public int statusCode() {
        return statusCode;
    }
}
