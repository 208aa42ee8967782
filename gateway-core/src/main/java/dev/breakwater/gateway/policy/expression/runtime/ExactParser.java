package dev.breakwater.gateway.policy.expression.runtime;

import java.time.LocalDateTime;
import java.util.Locale;

/** Matches a string against a .NET custom date/time format, field by field (for ParseExact). */
final class ExactParser {

    private final String s;
    private final String f;
    private int p;
    private int year = 1;
    private int month = 1;
    private int day = 1;
    private int hour;
    private int minute;
    private int second;
    private int nanos;
    private Boolean pm;
    private Integer offset;

    ExactParser(String s, String format) {
        this.s = s;
        this.f = format;
    }

    /** The result, or null when {@code s} does not match. */
    DateTimeParser.Parsed run() {
        try {
            int i = 0;
            while (i < f.length()) {
                char c = f.charAt(i);
                int n = 1;
                while (i + n < f.length() && f.charAt(i + n) == c) {
                    n++;
                }
                if (!field(c, n, i)) {
                    return null;
                }
                i += consumed;
            }
            if (p != s.length()) {
                return null;
            }
            if (pm != null) {
                hour = hour % 12 + (pm ? 12 : 0);
            }
            return new DateTimeParser.Parsed(LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private int consumed;

    private boolean field(char c, int n, int i) {
        consumed = n;
        switch (c) {
            case 'y' -> {
                int v = digits(n <= 2 ? 2 : n, n <= 2 ? 2 : Math.max(n, 4), n == 1 ? 1 : -1);
                year = n <= 2 ? (v < 50 ? 2000 + v : 1900 + v) : v;
                return true;
            }
            case 'M' -> {
                if (n >= 3) {
                    month = DateTimeParser.month(word());
                    return true;
                }
                month = digits(n == 1 ? 1 : 2, 2, -1);
                return true;
            }
            case 'd' -> {
                if (n >= 3) {
                    word();
                    return true;
                }
                day = digits(n == 1 ? 1 : 2, 2, -1);
                return true;
            }
            case 'H', 'h' -> {
                hour = digits(n == 1 ? 1 : 2, 2, -1);
                return true;
            }
            case 'm' -> {
                minute = digits(n == 1 ? 1 : 2, 2, -1);
                return true;
            }
            case 's' -> {
                second = digits(n == 1 ? 1 : 2, 2, -1);
                return true;
            }
            case 'f', 'F' -> {
                int start = p;
                int max = Math.min(n, 7);
                while (p < s.length() && p - start < max && Character.isDigit(s.charAt(p))) {
                    p++;
                }
                if (c == 'f' && p - start != max) {
                    return false;
                }
                String digits = s.substring(start, p);
                nanos = digits.isEmpty() ? 0 : Integer.parseInt((digits + "000000000").substring(0, 9));
                return true;
            }
            case 't' -> {
                String word = s.substring(p, Math.min(s.length(), p + (n == 1 ? 1 : 2))).toUpperCase(Locale.ROOT);
                if (!word.startsWith("A") && !word.startsWith("P")) {
                    return false;
                }
                pm = word.startsWith("P");
                p += word.length();
                return true;
            }
            case 'K', 'z' -> {
                consumed = c == 'K' ? 1 : n;
                if (p < s.length() && s.charAt(p) == 'Z') {
                    p++;
                    offset = 0;
                    return true;
                }
                if (p < s.length() && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
                    int start = p++;
                    while (p < s.length() && (Character.isDigit(s.charAt(p)) || s.charAt(p) == ':')) {
                        p++;
                    }
                    offset = DateTimeParser.zone(s.substring(start, p));
                    return true;
                }
                return c == 'K';
            }
            case '\'', '"' -> {
                int close = f.indexOf(c, i + 1);
                String literal = f.substring(i + 1, close);
                consumed = close - i + 1;
                return literal(literal);
            }
            case '\\' -> {
                consumed = 2;
                return literal(String.valueOf(f.charAt(i + 1)));
            }
            case '%' -> {
                consumed = 1;
                return true;
            }
            default -> {
                return literal(String.valueOf(c).repeat(n));
            }
        }
    }

    private boolean literal(String text) {
        if (!s.startsWith(text, p)) {
            return false;
        }
        p += text.length();
        return true;
    }

    private int digits(int min, int max, int ignored) {
        int start = p;
        while (p < s.length() && p - start < max && Character.isDigit(s.charAt(p))) {
            p++;
        }
        if (p - start < min) {
            throw new IllegalArgumentException("digits");
        }
        return Integer.parseInt(s.substring(start, p));
    }

    private String word() {
        int start = p;
        while (p < s.length() && Character.isLetter(s.charAt(p))) {
            p++;
        }
        return s.substring(start, p);
    }
}
