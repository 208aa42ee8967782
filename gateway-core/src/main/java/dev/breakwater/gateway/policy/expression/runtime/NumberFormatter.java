package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * .NET's {@code ToString()} and standard numeric format strings (C, D, E, F, G, N, P, R, X) for the
 * invariant culture. Doubles print as .NET Core 3.0+ does: the shortest digits that round-trip,
 * in scientific notation ({@code 1E+20}) past 15 digits or below 1E-4. Custom formats ({@code "0.00"},
 * {@code "#,##0"}) go to {@link CustomNumberFormat}.
 */
public final class NumberFormatter {

    private NumberFormatter() {
    }

    /** {@code ToString()} of a boxed .NET number (Byte as unsigned). */
    public static String toString(Object n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short) {
            return n.toString();
        }
        if (n instanceof Byte b) {
            return Integer.toString(b & 0xFF);
        }
        if (n instanceof Double d) {
            return formatDouble(d, 15);
        }
        if (n instanceof Float f) {
            return formatFloat(f);
        }
        if (n instanceof BigDecimal m) {
            return m.toPlainString();
        }
        throw new IllegalArgumentException("not a number: " + n);
    }

    private static String formatDouble(double d, int threshold) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        return general(shortestDouble(d), threshold, true);
    }

    private static String formatFloat(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            return formatDouble(f, 7);
        }
        if (f == 0) {
            return (1 / f < 0) ? "-0" : "0";
        }
        return general(shortestFloat(f), 7, true);
    }

    /** The shortest decimal that parses back to {@code d}. */
    static BigDecimal shortestDouble(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(r.toString()) == d) {
                return r;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    static BigDecimal shortestFloat(float f) {
        BigDecimal exact = new BigDecimal(f);
        for (int p = 1; p <= 9; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (Float.parseFloat(r.toString()) == f) {
                return r;
            }
        }
        return exact.round(new MathContext(9, RoundingMode.HALF_EVEN));
    }

    /**
     * General format of {@code value} (already rounded to the digits wanted): fixed-point unless the
     * decimal exponent is past {@code max(digits, threshold)} or below -5, as .NET decides.
     */
    static String general(BigDecimal value, int threshold, boolean stripZeros) {
        BigDecimal v = stripZeros ? value.stripTrailingZeros() : value;
        if (v.signum() == 0) {
            return "0";
        }
        String digits = v.unscaledValue().abs().toString();
        int digPos = digits.length() - v.scale();
        int maxDigits = Math.max(digits.length(), threshold);
        String sign = v.signum() < 0 ? "-" : "";
        if (digPos > maxDigits || digPos < -3) {
            int exponent = digPos - 1;
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "E" + (exponent < 0 ? "-" : "+") + exp;
        }
        return sign + v.abs().toPlainString();
    }

    /** {@code ToString(format)} for a boxed .NET number. */
    public static String format(Object n, String format) {
        if (format == null || format.isEmpty()) {
            return toString(n);
        }
        char spec = format.charAt(0);
        String rest = format.substring(1);
        boolean standard = Character.isLetter(spec) && (rest.isEmpty() || rest.chars().allMatch(Character::isDigit))
                && rest.length() <= 9;
        if (!standard) {
            return CustomNumberFormat.format(exact(n), format);
        }
        int precision = rest.isEmpty() ? -1 : Integer.parseInt(rest);
        if (precision > 10_000) {
            // .NET allows more; a policy never needs it and it would build huge strings.
            throw DotNetException.format("Precision specifier is too large (at most 10000 here).");
        }
        if ((n instanceof Double d && (d.isNaN() || d.isInfinite())) || (n instanceof Float f && (f.isNaN() || f.isInfinite()))) {
            return toString(n);
        }
        boolean integral = n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
        switch (Character.toUpperCase(spec)) {
            case 'D':
                if (!integral) {
                    throw DotNetException.format("Format specifier was invalid.");
                }
                BigInteger i = exact(n).toBigInteger();
                String abs = i.abs().toString();
                abs = "0".repeat(Math.max(0, precision - abs.length())) + abs;
                return (i.signum() < 0 ? "-" : "") + abs;
            case 'X':
                if (!integral) {
                    throw DotNetException.format("Format specifier was invalid.");
                }
                String hex = hex(n);
                hex = "0".repeat(Math.max(0, precision - hex.length())) + hex;
                return spec == 'X' ? hex.toUpperCase() : hex;
            case 'F':
                return fixed(exact(n), precision < 0 ? 2 : precision, false);
            case 'N':
                return fixed(exact(n), precision < 0 ? 2 : precision, true);
            case 'P':
                return fixed(exact(n).movePointRight(2), precision < 0 ? 2 : precision, true) + " %";
            case 'C': {
                BigDecimal v = exact(n);
                String body = "\u00A4" + fixed(v.abs(), precision < 0 ? 2 : precision, true);
                return v.signum() < 0 ? "(" + body + ")" : body;
            }
            case 'E':
                return scientific(exact(n), precision < 0 ? 6 : precision, spec == 'e' ? 'e' : 'E');
            case 'G':
                if (precision <= 0) {
                    return toString(n);
                }
                BigDecimal g = exact(n).round(new MathContext(precision, RoundingMode.HALF_UP));
                String s = general(g, precision, true);
                return spec == 'g' ? s.replace('E', 'e') : s;
            case 'R':
                return toString(n);
            default:
                throw DotNetException.format("Format specifier was invalid.");
        }
    }

    /** The exact value of a boxed number. */
    public static BigDecimal exact(Object n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short) {
            return BigDecimal.valueOf(((Number) n).longValue());
        }
        if (n instanceof Byte b) {
            return BigDecimal.valueOf(b & 0xFF);
        }
        if (n instanceof Double d) {
            return new BigDecimal(d);
        }
        if (n instanceof Float f) {
            return new BigDecimal(f.doubleValue());
        }
        return (BigDecimal) n;
    }

    private static String hex(Object n) {
        if (n instanceof Integer i) {
            return Integer.toHexString(i);
        }
        if (n instanceof Long l) {
            return Long.toHexString(l);
        }
        if (n instanceof Short s) {
            return Integer.toHexString(s & 0xFFFF);
        }
        return Integer.toHexString(((Byte) n) & 0xFF);
    }

    static String fixed(BigDecimal v, int decimals, boolean grouping) {
        BigDecimal r = v.setScale(decimals, RoundingMode.HALF_UP);
        String plain = r.abs().toPlainString();
        if (grouping) {
            int dot = plain.indexOf('.');
            String whole = dot < 0 ? plain : plain.substring(0, dot);
            StringBuilder g = new StringBuilder();
            for (int k = 0; k < whole.length(); k++) {
                if (k > 0 && (whole.length() - k) % 3 == 0) {
                    g.append(',');
                }
                g.append(whole.charAt(k));
            }
            plain = g + (dot < 0 ? "" : plain.substring(dot));
        }
        boolean negative = r.signum() < 0;
        return negative ? "-" + plain : plain;
    }

    private static String scientific(BigDecimal v, int decimals, char e) {
        if (v.signum() == 0) {
            return "0" + (decimals > 0 ? "." + "0".repeat(decimals) : "") + e + "+000";
        }
        BigDecimal r = v.round(new MathContext(decimals + 1, RoundingMode.HALF_UP));
        String digits = r.unscaledValue().abs().toString();
        digits = digits + "0".repeat(Math.max(0, decimals + 1 - digits.length()));
        int exponent = r.precision() - r.scale() - 1;
        String mantissa = digits.charAt(0) + (decimals > 0 ? "." + digits.substring(1, decimals + 1) : "");
        return (r.signum() < 0 ? "-" : "") + mantissa + e + (exponent < 0 ? "-" : "+")
                + String.format("%03d", Math.abs(exponent));
    }
}
