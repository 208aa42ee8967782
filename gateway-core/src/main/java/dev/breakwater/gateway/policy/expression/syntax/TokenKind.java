package dev.breakwater.gateway.policy.expression.syntax;

/** What a {@link Token} is. */
public enum TokenKind {
    IDENTIFIER,
    KEYWORD,
    /** A numeric literal; {@link Token#value()} is an Integer, Long, Float, Double or BigDecimal. */
    NUMBER,
    CHAR,
    STRING,
    /** {@code $"…"}: {@link Token#value()} is the list of {@link InterpolationPart}s. */
    INTERPOLATED_STRING,
    OPERATOR,
    EOF
}
