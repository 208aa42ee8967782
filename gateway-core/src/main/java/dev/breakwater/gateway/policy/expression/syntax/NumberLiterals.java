package dev.breakwater.gateway.policy.expression.syntax;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.IntConsumer;

/**
 * Scans C# numeric literals (decimal, {@code 0x} hex, {@code 0b} binary, {@code _} separators, exponents,
 * suffixes U L UL F D M) into the Java value of the literal's C# type: int → Integer, long → Long,
 * float → Float, double → Double, decimal → BigDecimal. A literal that only fits uint is typed long.
 */
final class NumberLiterals {

    private NumberLiterals() {
    }

    static Token scan(String text, int start, int end, IntConsumer advance) {
        int p = start;
        String digits;
        int radix = 10;
        boolean real = false;
        if (text.startsWith("0x", p) || text.startsWith("0X", p)) {
            radix = 16;
            p += 2;
            int d = p;
            while (p < end && (Character.digit(text.charAt(p), 16) >= 0 || text.charAt(p) == '_')) {
                p++;
            }
            digits = text.substring(d, p).replace("_", "");
        } else if (text.startsWith("0b", p) || text.startsWith("0B", p)) {
            radix = 2;
            p += 2;
            int d = p;
            while (p < end && (text.charAt(p) == '0' || text.charAt(p) == '1' || text.charAt(p) == '_')) {
                p++;
            }
            digits = text.substring(d, p).replace("_", "");
        } else {
            int d = p;
            p = skipDigits(text, p, end);
            if (p + 1 < end && text.charAt(p) == '.' && Character.isDigit(text.charAt(p + 1))) {
                real = true;
                p = skipDigits(text, p + 1, end);
            }
            if (p < end && (text.charAt(p) == 'e' || text.charAt(p) == 'E')) {
                int q = p + 1;
                if (q < end && (text.charAt(q) == '+' || text.charAt(q) == '-')) {
                    q++;
                }
                if (q < end && Character.isDigit(text.charAt(q))) {
                    real = true;
                    p = skipDigits(text, q, end);
                }
            }
            digits = text.substring(d, p).replace("_", "");
        }
        if (digits.isEmpty()) {
            throw new CompileError(start, "invalid numeric literal");
        }
        String suffix = suffix(text, p, end);
        p += suffix.length();
        if (p < end && Lexer.isIdentifierPart(text.charAt(p))) {
            throw new CompileError(start, "invalid numeric literal '" + text.substring(start, p + 1) + "'");
        }
        advance.accept(p);
        Object value = value(digits, radix, real, suffix.toLowerCase(), start);
        return new Token(TokenKind.NUMBER, text.substring(start, p), value, start, p);
    }

    private static int skipDigits(String text, int p, int end) {
        while (p < end && (Character.isDigit(text.charAt(p)) || text.charAt(p) == '_')) {
            p++;
        }
        return p;
    }

    private static String suffix(String text, int p, int end) {
        StringBuilder s = new StringBuilder();
        while (p < end && s.length() < 2 && "uUlLfFdDmM".indexOf(text.charAt(p)) >= 0) {
            s.append(text.charAt(p++));
        }
        return s.toString();
    }

    private static Object value(String digits, int radix, boolean real, String suffix, int position) {
        try {
            switch (suffix) {
                case "f":
                    return Float.parseFloat(digits);
                case "d":
                    return Double.parseDouble(digits);
                case "m":
                    return new BigDecimal(digits);
                case "":
                    if (real) {
                        return Double.parseDouble(digits);
                    }
                    break;
                case "u", "l", "ul", "lu":
                    break;
                default:
                    throw new CompileError(position, "invalid numeric suffix '" + suffix + "'");
            }
            if (real) {
                throw new CompileError(position, "invalid numeric suffix '" + suffix + "'");
            }
            BigInteger n = new BigInteger(digits, radix);
            if (n.bitLength() > 63) {
                throw new CompileError(position, "integral constant is too large (ulong is not supported)");
            }
            long v = n.longValue();
            if (suffix.isEmpty() && radix == 10 && v <= Integer.MAX_VALUE) {
                return (int) v;
            }
            if (suffix.isEmpty() && v <= Integer.MAX_VALUE) {
                return (int) v;
            }
            return v;
        } catch (NumberFormatException e) {
            throw new CompileError(position, "invalid numeric literal");
        }
    }
}
