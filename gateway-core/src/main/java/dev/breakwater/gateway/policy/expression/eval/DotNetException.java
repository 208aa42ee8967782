package dev.breakwater.gateway.policy.expression.eval;

import dev.breakwater.gateway.policy.expression.ExpressionLimits;
import dev.breakwater.gateway.policy.expression.ExpressionEvaluationException;

import java.util.Map;

/** The .NET exceptions an expression can raise, with the messages .NET gives them. */
public final class DotNetException {

    /** Each exception type's base type, for {@code catch} clauses. */
    private static final Map<String, String> BASE = Map.ofEntries(
            Map.entry("System.SystemException", "System.Exception"),
            Map.entry("System.NullReferenceException", "System.SystemException"),
            Map.entry("System.InvalidCastException", "System.SystemException"),
            Map.entry("System.FormatException", "System.SystemException"),
            Map.entry("System.ArgumentException", "System.SystemException"),
            Map.entry("System.ArgumentNullException", "System.ArgumentException"),
            Map.entry("System.ArgumentOutOfRangeException", "System.ArgumentException"),
            Map.entry("System.IndexOutOfRangeException", "System.SystemException"),
            Map.entry("System.InvalidOperationException", "System.SystemException"),
            Map.entry("System.ArithmeticException", "System.SystemException"),
            Map.entry("System.OverflowException", "System.ArithmeticException"),
            Map.entry("System.DivideByZeroException", "System.ArithmeticException"),
            Map.entry("System.Collections.Generic.KeyNotFoundException", "System.SystemException"),
            Map.entry("System.NotSupportedException", "System.SystemException"),
            Map.entry("System.UriFormatException", "System.FormatException"),
            Map.entry("System.Text.RegularExpressions.RegexMatchTimeoutException", "System.TimeoutException"),
            Map.entry("System.TimeoutException", "System.SystemException"),
            Map.entry("System.Security.Cryptography.CryptographicException", "System.SystemException"),
            Map.entry("Newtonsoft.Json.JsonException", "System.Exception"),
            Map.entry("Newtonsoft.Json.JsonReaderException", "Newtonsoft.Json.JsonException"),
            Map.entry("Newtonsoft.Json.JsonSerializationException", "Newtonsoft.Json.JsonException"));

    private DotNetException() {
    }

    public static ExpressionEvaluationException of(String type, String message) {
        return new ExpressionEvaluationException(type, message, true);
    }

    /** True when an exception of type {@code type} is caught by {@code catch (catchType)}. */
    public static boolean isA(String type, String catchType) {
        for (String t = type; t != null; t = BASE.get(t)) {
            if (t.equals(catchType)) {
                return true;
            }
        }
        return catchType.equals("System.Exception");
    }

    public static ExpressionEvaluationException nullReference() {
        return of("System.NullReferenceException", "Object reference not set to an instance of an object.");
    }

    public static ExpressionEvaluationException invalidCast(String from, String to) {
        return of("System.InvalidCastException", "Unable to cast object of type '" + from + "' to type '" + to + "'.");
    }

    public static ExpressionEvaluationException keyNotFound(Object key) {
        return of("System.Collections.Generic.KeyNotFoundException",
                "The given key '" + key + "' was not present in the dictionary.");
    }

    public static ExpressionEvaluationException format(String message) {
        return of("System.FormatException", message);
    }

    public static ExpressionEvaluationException inputFormat() {
        return format("Input string was not in a correct format.");
    }

    public static ExpressionEvaluationException argument(String message) {
        return of("System.ArgumentException", message);
    }

    public static ExpressionEvaluationException argumentNull(String parameter) {
        return of("System.ArgumentNullException", "Value cannot be null. (Parameter '" + parameter + "')");
    }

    public static ExpressionEvaluationException outOfRange(String parameter, String message) {
        return of("System.ArgumentOutOfRangeException", message + " (Parameter '" + parameter + "')");
    }

    public static ExpressionEvaluationException indexOutOfRange() {
        return of("System.IndexOutOfRangeException", "Index was outside the bounds of the array.");
    }

    public static ExpressionEvaluationException invalidOperation(String message) {
        return of("System.InvalidOperationException", message);
    }

    public static ExpressionEvaluationException overflow() {
        return of("System.OverflowException", "Arithmetic operation resulted in an overflow.");
    }

    public static ExpressionEvaluationException divideByZero() {
        return of("System.DivideByZeroException", "Attempted to divide by zero.");
    }

    public static ExpressionEvaluationException notSupported(String message) {
        return of("System.NotSupportedException", message);
    }

    /** What {@code throw value} throws: the exception object itself, or NullReferenceException for null. */
    public static RuntimeException toThrow(Object exception) {
        if (exception instanceof ExpressionEvaluationException e) {
            return e;
        }
        return nullReference();
    }

    /** A Java failure inside library code, as the .NET exception the same mistake raises there. */
    public static ExpressionEvaluationException translate(Throwable t) {
        if (t instanceof ExpressionEvaluationException e) {
            return e;
        }
        if (t instanceof StackOverflowError) {
            return budgetExceeded("the expression nested too deeply");
        }
        if (t instanceof NullPointerException) {
            return nullReference();
        }
        if (t instanceof ClassCastException) {
            return of("System.InvalidCastException", "Specified cast is not valid.");
        }
        if (t instanceof ArrayIndexOutOfBoundsException) {
            return indexOutOfRange();
        }
        if (t instanceof IndexOutOfBoundsException) {
            return outOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
        }
        if (t instanceof NumberFormatException) {
            return inputFormat();
        }
        if (t instanceof ArithmeticException) {
            return String.valueOf(t.getMessage()).contains("zero") ? divideByZero() : overflow();
        }
        if (t instanceof java.util.ConcurrentModificationException) {
            return invalidOperation("Collection was modified; enumeration operation may not execute.");
        }
        if (t instanceof UnsupportedOperationException) {
            return notSupported("Collection is read-only.");
        }
        if (t instanceof java.util.NoSuchElementException) {
            return invalidOperation("Sequence contains no elements");
        }
        if (t instanceof java.time.DateTimeException) {
            return outOfRange("value", "The added or subtracted value results in an un-representable DateTime.");
        }
        if (t instanceof IllegalArgumentException) {
            return argument(String.valueOf(t.getMessage()));
        }
        return of("System.Exception", "An unexpected error occurred (" + t.getClass().getSimpleName() + ").");
    }

    /** A budget of {@link ExpressionLimits} is spent; never caught. */
    public static ExpressionEvaluationException budgetExceeded(String what) {
        return new ExpressionEvaluationException("Breakwater.ExpressionBudgetExceeded",
                "The expression exceeded its budget: " + what + ".", false);
    }
}
