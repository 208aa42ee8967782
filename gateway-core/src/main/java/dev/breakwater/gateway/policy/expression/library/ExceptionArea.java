package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.ExpressionEvaluationException;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.types.TypeDef;

import java.util.ArrayList;
import java.util.List;

/**
 * The exceptions an expression may catch or throw. At run time every exception is an
 * {@link ExpressionEvaluationException} carrying its .NET type name.
 */
final class ExceptionArea implements LibraryArea {

    /** .NET full name and base type. */
    private static final String[][] TYPES = {
        {"System.Exception", null},
        {"System.SystemException", "Exception"},
        {"System.ArgumentException", "SystemException"},
        {"System.ArgumentNullException", "ArgumentException"},
        {"System.ArgumentOutOfRangeException", "ArgumentException"},
        {"System.FormatException", "SystemException"},
        {"System.InvalidOperationException", "SystemException"},
        {"System.InvalidCastException", "SystemException"},
        {"System.NullReferenceException", "SystemException"},
        {"System.NotSupportedException", "SystemException"},
        {"System.ArithmeticException", "SystemException"},
        {"System.OverflowException", "ArithmeticException"},
        {"System.DivideByZeroException", "ArithmeticException"},
        {"System.IndexOutOfRangeException", "SystemException"},
        {"System.TimeoutException", "SystemException"},
        {"System.UriFormatException", "FormatException"},
        {"System.Collections.Generic.KeyNotFoundException", "SystemException"},
        {"System.Security.Cryptography.CryptographicException", "SystemException"},
        {"Newtonsoft.Json.JsonException", "Exception"},
        {"Newtonsoft.Json.JsonReaderException", "JsonException"},
        {"Newtonsoft.Json.JsonSerializationException", "JsonException"},
    };

    private final List<TypeBuilder> builders = new ArrayList<>();

    @Override
    public void declare(LibraryBuilder b) {
        for (String[] t : TYPES) {
            int dot = t[0].lastIndexOf('.');
            builders.add(b.declare(t[0].substring(0, dot), t[0].substring(dot + 1), TypeDef.Kind.CLASS,
                    ExpressionEvaluationException.class));
        }
    }

    @Override
    public void define(LibraryBuilder b) {
        for (int i = 0; i < TYPES.length; i++) {
            TypeBuilder t = builders.get(i);
            String name = TYPES[i][0];
            if (TYPES[i][1] != null) {
                t.supertypes(TYPES[i][1]);
            }
            t.instanceTest(v -> v instanceof ExpressionEvaluationException e && DotNetException.isA(e.exceptionType(), name))
                    .ctor("()", () -> DotNetException.of(name, "Exception of type '" + name + "' was thrown."))
                    .ctor("(string message)", m -> DotNetException.of(name, m == null ? "" : (String) m))
                    .ctor("(string message, Exception innerException)", (m, e) -> DotNetException.of(name, m == null ? "" : (String) m));
            if (i == 0) {
                t.prop("string Message", e -> ((ExpressionEvaluationException) e).getMessage())
                        .prop("Exception InnerException", e -> null)
                        .prop("string Source", e -> null)
                        .method("string ToString()", e -> ((ExpressionEvaluationException) e).exceptionType() + ": "
                                + ((ExpressionEvaluationException) e).getMessage());
            }
        }
    }
}
