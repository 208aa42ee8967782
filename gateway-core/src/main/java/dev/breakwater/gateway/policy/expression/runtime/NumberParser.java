package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * .NET's Parse for numbers and booleans with the invariant culture and default styles: integers take
 * white space and a sign; double takes a decimal point, exponent, thousands separators, "NaN" and
 * "Infinity"; decimal takes a point and thousands separators but no exponent.
 */
public final class NumberParser {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern FLOAT = Pattern.compile("[+-]?(([0-9][0-9,]*)?\\.?[0-9]*)([eE][+-]?[0-9]+)?");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9][0-9,]*)?\\.?[0-9]*");

    private NumberParser() {
    }

    public static long parseIntegral(String s, long min, long max, String typeName) {
        String t = trimmed(s);
        if (!INTEGER.matcher(t).matches()) {
            throw DotNetException.inputFormat();
        }
        BigInteger v = new BigInteger(t.startsWith("+") ? t.substring(1) : t);
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw DotNetException.of("System.OverflowException", "Value was either too large or too small for " + typeName + ".");
        }
        return v.longValue();
    }

    public static int parseInt(String s) {
        return (int) parseIntegral(s, Integer.MIN_VALUE, Integer.MAX_VALUE, "an Int32");
    }

    public static long parseLong(String s) {
        return parseIntegral(s, Long.MIN_VALUE, Long.MAX_VALUE, "an Int64");
    }

    public static double parseDouble(String s) {
        String t = trimmed(s);
        switch (t) {
            case "NaN":
                return Double.NaN;
            case "Infinity", "+Infinity", "\u221E":
                return Double.POSITIVE_INFINITY;
            case "-Infinity", "-\u221E":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (!FLOAT.matcher(t).matches() || !t.chars().anyMatch(Character::isDigit) || misplacedComma(t)) {
            throw DotNetException.inputFormat();
        }
        return Double.parseDouble(t.replace(",", ""));
    }

    public static BigDecimal parseDecimal(String s) {
        String t = trimmed(s);
        if (!DECIMAL.matcher(t).matches() || !t.chars().anyMatch(Character::isDigit) || misplacedComma(t)) {
            throw DotNetException.inputFormat();
        }
        BigDecimal d = new BigDecimal(t.replace(",", "").replace("+", ""));
        if (d.abs().compareTo(new BigDecimal("79228162514264337593543950335")) > 0) {
            throw DotNetException.of("System.OverflowException", "Value was either too large or too small for a Decimal.");
        }
        return d;
    }

    public static boolean parseBool(String s) {
        if (s == null) {
            throw DotNetException.argumentNull("value");
        }
        String t = s.strip();
        if (t.equalsIgnoreCase("True")) {
            return true;
        }
        if (t.equalsIgnoreCase("False")) {
            return false;
        }
        throw DotNetException.format("String '" + s + "' was not recognized as a valid Boolean.");
    }

    private static boolean misplacedComma(String t) {
        int dot = t.indexOf('.');
        int lastComma = t.lastIndexOf(',');
        return dot >= 0 && lastComma > dot;
    }

    private static String trimmed(String s) {
        if (s == null) {
            throw DotNetException.argumentNull("s");
        }
        return s.strip();
    }
}
