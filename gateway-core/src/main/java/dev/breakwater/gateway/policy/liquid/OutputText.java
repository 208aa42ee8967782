package dev.breakwater.gateway.policy.liquid;

import java.math.BigDecimal;

/**
 * How a value is written into the output: as .NET writes it where Java would differ
 * ({@code 3.0} is {@code 3}, no {@code 1.0E7} notation for ordinary magnitudes), nothing for null,
 * booleans in lower case as Liquid writes them.
 */
final class OutputText {

    private OutputText() {
    }

    static String of(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Double || value instanceof Float) {
            return ofDouble(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.scale() <= 0 ? decimal.toBigInteger().toString() : decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    /** .NET Core's shortest round-trip form: plain between 1e-5 and 1e15, else {@code 1E+20}. */
    static String ofDouble(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent >= -5 && exponent < 15) {
            return exact.toPlainString();
        }
        String unscaled = exact.unscaledValue().abs().toString();
        String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
        return (value < 0 ? "-" : "") + mantissa + "E" + (exponent < 0 ? "-" : "+")
                + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }
}
