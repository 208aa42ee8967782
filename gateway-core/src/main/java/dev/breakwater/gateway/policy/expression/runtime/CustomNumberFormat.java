package dev.breakwater.gateway.policy.expression.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * .NET custom numeric format strings: {@code 0 # . , % ‰ E+0}, quoted literals, {@code \} escapes and
 * {@code ;} sections, invariant culture ({@code "#,##0.00"}, {@code "000"}, {@code "(###) ###-####"}).
 */
final class CustomNumberFormat {

    private CustomNumberFormat() {
    }

    static String format(BigDecimal value, String format) {
        List<String> sections = splitSections(format);
        String section = sections.get(0);
        boolean explicitNegative = false;
        if (value.signum() < 0 && sections.size() > 1 && !sections.get(1).isEmpty()) {
            section = sections.get(1);
            explicitNegative = true;
        } else if (value.signum() == 0 && sections.size() > 2 && !sections.get(2).isEmpty()) {
            section = sections.get(2);
        }
        Pattern p = Pattern.parse(section);
        BigDecimal v = value.abs().movePointRight(p.scalePower);
        String result;
        if (p.exponent != null) {
            result = p.scientific(v);
        } else {
            v = v.setScale(p.maxFraction, RoundingMode.HALF_UP);
            result = p.fixed(v);
        }
        boolean negative = value.signum() < 0 && !explicitNegative && v.signum() != 0;
        return negative ? "-" + result : result;
    }

    private static List<String> splitSections(String format) {
        List<String> sections = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\' && i + 1 < format.length()) {
                current.append(c).append(format.charAt(++i));
                continue;
            } else if (c == ';') {
                sections.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        sections.add(current.toString());
        return sections;
    }

    /** One parsed section. Tokens: '0', '#', '.', ',' or literal text (String). */
    private static final class Pattern {
        final List<Object> tokens = new ArrayList<>();
        int integerPlaceholders;
        int minInteger;
        int maxFraction;
        int minFraction;
        boolean grouping;
        int scalePower;
        String exponent;

        static Pattern parse(String s) {
            Pattern p = new Pattern();
            boolean afterPoint = false;
            boolean seenZero = false;
            int pendingCommas = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '0', '#' -> {
                        if (pendingCommas > 0 && !afterPoint && p.integerPlaceholders > 0) {
                            p.grouping = true;
                        }
                        pendingCommas = 0;
                        if (afterPoint) {
                            p.maxFraction++;
                            if (c == '0') {
                                p.minFraction = p.maxFraction;
                            }
                        } else {
                            p.integerPlaceholders++;
                            seenZero |= c == '0';
                            if (seenZero) {
                                p.minInteger++;
                            }
                        }
                        p.tokens.add(c);
                    }
                    case '.' -> {
                        if (!afterPoint) {
                            p.scalePower -= 3 * pendingCommas;
                            pendingCommas = 0;
                            afterPoint = true;
                            p.tokens.add('.');
                        }
                    }
                    case ',' -> {
                        if (!afterPoint) {
                            pendingCommas++;
                        }
                    }
                    case '%' -> {
                        p.scalePower += 2;
                        p.tokens.add("%");
                    }
                    case '\u2030' -> {
                        p.scalePower += 3;
                        p.tokens.add("\u2030");
                    }
                    case 'E', 'e' -> {
                        int j = i + 1;
                        if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                            j++;
                        }
                        int k = j;
                        while (k < s.length() && s.charAt(k) == '0') {
                            k++;
                        }
                        if (k > j && p.exponent == null) {
                            p.exponent = s.substring(i, k);
                            p.tokens.add(new StringBuilder("E"));
                            i = k - 1;
                        } else {
                            p.tokens.add(String.valueOf(c));
                        }
                    }
                    case '\'', '"' -> {
                        int close = s.indexOf(c, i + 1);
                        int end = close < 0 ? s.length() : close;
                        p.tokens.add(s.substring(i + 1, end));
                        i = end;
                    }
                    case '\\' -> {
                        if (i + 1 < s.length()) {
                            p.tokens.add(String.valueOf(s.charAt(++i)));
                        }
                    }
                    default -> p.tokens.add(String.valueOf(c));
                }
            }
            if (!afterPoint) {
                p.scalePower -= 3 * pendingCommas;
            }
            return p;
        }

        String fixed(BigDecimal v) {
            String plain = v.toPlainString();
            int dot = plain.indexOf('.');
            String whole = dot < 0 ? plain : plain.substring(0, dot);
            String fraction = dot < 0 ? "" : plain.substring(dot + 1);
            if (whole.equals("0")) {
                whole = "";
            }
            if (whole.length() < minInteger) {
                whole = "0".repeat(minInteger - whole.length()) + whole;
            }
            int keep = fraction.length();
            while (keep > minFraction && fraction.charAt(keep - 1) == '0') {
                keep--;
            }
            fraction = fraction.substring(0, keep);
            return emit(whole, fraction, null);
        }

        String scientific(BigDecimal v) {
            int significant = Math.max(1, integerPlaceholders) + maxFraction;
            int exp = 0;
            if (v.signum() != 0) {
                v = v.round(new MathContext(significant, RoundingMode.HALF_UP));
                exp = v.precision() - v.scale() - Math.max(1, integerPlaceholders);
                v = v.movePointLeft(exp);
            }
            v = v.setScale(maxFraction, RoundingMode.HALF_UP);
            String spec = exponent;
            boolean plus = spec.length() > 1 && spec.charAt(1) == '+';
            int minDigits = (int) spec.chars().filter(ch -> ch == '0').count();
            String digits = String.valueOf(Math.abs(exp));
            digits = "0".repeat(Math.max(0, minDigits - digits.length())) + digits;
            String expText = spec.charAt(0) + (exp < 0 ? "-" : plus ? "+" : "") + digits;
            String plain = v.toPlainString();
            int dot = plain.indexOf('.');
            String whole = dot < 0 ? plain : plain.substring(0, dot);
            String fraction = dot < 0 ? "" : plain.substring(dot + 1);
            int keep = fraction.length();
            while (keep > minFraction && fraction.charAt(keep - 1) == '0') {
                keep--;
            }
            return emit(whole, fraction.substring(0, keep), expText);
        }

        /** Writes the tokens, filling integer placeholders right-aligned (extra digits go to the first one). */
        private String emit(String whole, String fraction, String exponentText) {
            StringBuilder out = new StringBuilder();
            int placeholder = 0;
            int fractionIndex = 0;
            boolean afterPoint = false;
            boolean pointWritten = false;
            for (Object t : tokens) {
                if (t instanceof Character c) {
                    if (c == '.') {
                        afterPoint = true;
                        if (!fraction.isEmpty()) {
                            out.append('.');
                            pointWritten = true;
                        }
                    } else if (!afterPoint) {
                        int fromRight = integerPlaceholders - 1 - placeholder;
                        int last = whole.length() - 1 - fromRight;
                        int first = placeholder == 0 ? 0 : last;
                        placeholder++;
                        for (int k = Math.max(first, 0); k <= last; k++) {
                            out.append(whole.charAt(k));
                            int remaining = whole.length() - 1 - k;
                            if (grouping && remaining > 0 && remaining % 3 == 0) {
                                out.append(',');
                            }
                        }
                    } else if (fractionIndex < fraction.length()) {
                        out.append(fraction.charAt(fractionIndex++));
                    }
                } else if (t instanceof StringBuilder) {
                    out.append(exponentText);
                } else {
                    out.append((String) t);
                }
            }
            if (!pointWritten && fractionIndex < fraction.length()) {
                out.append('.').append(fraction.substring(fractionIndex));
            }
            return out.toString();
        }
    }
}
