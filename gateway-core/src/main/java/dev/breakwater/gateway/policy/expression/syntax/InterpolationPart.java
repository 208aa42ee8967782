package dev.breakwater.gateway.policy.expression.syntax;

/**
 * A piece of an interpolated string: either literal text, or a hole {@code {expr,alignment:format}}
 * whose expression is the source range [{@code start}, {@code end}) of the expression text.
 */
public record InterpolationPart(String literal, int start, int end, String alignment, String format) {

    public static InterpolationPart text(String literal) {
        return new InterpolationPart(literal, -1, -1, null, null);
    }

    public boolean isHole() {
        return literal == null;
    }
}
