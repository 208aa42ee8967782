package dev.breakwater.gateway.policy.expression.types;

import java.util.function.UnaryOperator;

/**
 * A user-defined conversion, as Newtonsoft declares between JToken and the primitive types
 * ({@code implicit operator JToken(string)}, {@code explicit operator int(JToken)}).
 */
public record ConversionSymbol(TypeSymbol from, TypeSymbol to, boolean implicit, UnaryOperator<Object> convert) {
}
