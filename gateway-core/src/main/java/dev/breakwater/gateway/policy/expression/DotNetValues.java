package dev.breakwater.gateway.policy.expression;

import dev.breakwater.gateway.policy.expression.context.AuthorizationView;
import dev.breakwater.gateway.policy.expression.runtime.Jwt;
import dev.breakwater.gateway.policy.expression.context.ResponseView;
import dev.breakwater.gateway.policy.expression.runtime.DotNetDateTime;
import dev.breakwater.gateway.policy.expression.runtime.DotNetTimeSpan;
import dev.breakwater.gateway.policy.expression.runtime.DotNetUri;
import dev.breakwater.gateway.policy.expression.runtime.ValueFormatter;
import dev.breakwater.gateway.policy.expression.runtime.json.JToken;

import java.math.BigDecimal;
import java.util.UUID;

/** .NET semantics of expression values that the engine needs outside expressions. */
public final class DotNetValues {

    private DotNetValues() {
    }

    /**
     * .NET's {@code ToString()} (invariant culture): {@code True}/{@code False}, {@code 1.5},
     * {@code 1E+20}, JSON text for containers, "" for null.
     */
    public static String formatValue(Object value) {
        return ValueFormatter.toString(value);
    }

    /**
     * True when set-variable may store {@code value}: APIM's allowed types (Boolean, Byte, Char, DateTime,
     * Decimal, Double, Guid, Int16/32/64, Single, String, TimeSpan and their nullables, byte[], the JToken
     * family, Uri), plus what other policies store (an IResponse from send-request, a Jwt from validate-jwt,
     * an Authorization from get-authorization-context).
     * Null is allowed.
     */
    public static boolean isAllowedVariableValue(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Character
                || value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long
                || value instanceof Float || value instanceof Double || value instanceof BigDecimal
                || value instanceof DotNetDateTime || value instanceof DotNetTimeSpan || value instanceof UUID
                || value instanceof byte[] || value instanceof JToken || value instanceof DotNetUri
                || value instanceof ResponseView || value instanceof Jwt
                || value instanceof AuthorizationView;
    }
}
