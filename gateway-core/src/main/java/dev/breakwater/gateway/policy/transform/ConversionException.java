package dev.breakwater.gateway.policy.transform;

/**
 * A body that cannot be transformed: not the format it should be, nested too deep, or a result
 * larger than the budget. The message says what and where (line, column) but never quotes the body,
 * which may hold secrets.
 */
public final class ConversionException extends Exception {

    public ConversionException(String message) {
        super(message);
    }
}
