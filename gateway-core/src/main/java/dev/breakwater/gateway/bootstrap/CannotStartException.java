package dev.breakwater.gateway.bootstrap;

/**
 * The program cannot start for a reason its message states in full, with what to change
 * (a listener's port in use, for instance): printed as it is, without a stack trace.
 */
public class CannotStartException extends Exception {

    public CannotStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
