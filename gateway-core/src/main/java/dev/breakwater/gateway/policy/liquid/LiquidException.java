package dev.breakwater.gateway.policy.liquid;

/**
 * A Liquid template that cannot be compiled, or a render that failed or went past a limit.
 * The message names the problem and, where it is known, the line and column in the template.
 */
public final class LiquidException extends Exception {

    public LiquidException(String message) {
        super(message);
    }

    public LiquidException(String message, Throwable cause) {
        super(message, cause);
    }
}
