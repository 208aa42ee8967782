package dev.breakwater.gateway.policy.expression;

/**
 * An expression failed while it ran: a null reference, an invalid cast, a missing key, a parse failure,
 * an exhausted budget… It carries the .NET exception type that APIM would have seen and a .NET-like
 * message; the engine reports it as APIM does, with {@link #REASON} as {@code context.LastError.Reason}.
 */
public final class ExpressionEvaluationException extends RuntimeException {

    /** APIM's {@code LastError.Reason} for a run-time failure of an expression. */
    public static final String REASON = "ExpressionValueEvaluationFailure";

    private final String exceptionType;
    private final boolean catchable;

    /**
     * @param exceptionType the .NET type, e.g. {@code System.NullReferenceException}
     * @param catchable     false for budget failures, which a {@code catch} in the expression must not swallow
     */
    public ExpressionEvaluationException(String exceptionType, String message, boolean catchable) {
        super(message, null, false, false);
        this.exceptionType = exceptionType;
        this.catchable = catchable;
    }

    public String exceptionType() {
        return exceptionType;
    }

    public boolean catchable() {
        return catchable;
    }

    /** The message as APIM words it in {@code LastError.Message}. */
    public String apimMessage() {
        return "Expression evaluation failed. " + getMessage();
    }
}
