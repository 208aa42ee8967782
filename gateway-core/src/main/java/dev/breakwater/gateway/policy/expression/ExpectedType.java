package dev.breakwater.gateway.policy.expression;

/** What a policy attribute or text needs from an expression. */
public enum ExpectedType {
    /** Any value, converted as .NET's {@code ToString()} does; null stays null. */
    STRING,
    /** Must be {@code bool} (or {@code object} holding a bool, checked when it runs). */
    BOOL,
    /** {@code int}, or a type that converts to it implicitly ({@code object}: checked when it runs). */
    INT,
    LONG,
    DOUBLE,
    /** Any value as it is. */
    OBJECT
}
