package dev.breakwater.gateway.policy.liquid;

import java.util.regex.Matcher;

/** .NET's regular-expression substitutions in a replacement string, applied to one match. */
final class DotNetSubstitution {

    private DotNetSubstitution() {
    }

    /**
     * Appends {@code replacement} for the current match: {@code $n} and {@code ${n}} or {@code ${name}}
     * (a group), {@code $&} (the match), {@code $`} and {@code $'} (the input before and after it),
     * {@code $+} (the last group), {@code $_} (the whole input), {@code $$} (a dollar). Anything else,
     * backslashes included, is literal, as in .NET.
     */
    static void append(StringBuilder out, String replacement, Matcher match, String input) {
        int i = 0;
        while (i < replacement.length()) {
            char c = replacement.charAt(i);
            if (c != '$' || i + 1 == replacement.length()) {
                out.append(c);
                i++;
                continue;
            }
            int consumed = appendSubstitution(out, replacement, i + 1, match, input);
            if (consumed == 0) {
                out.append('$');
                i++;
            } else {
                i += 1 + consumed;
            }
        }
    }

    /** Appends the substitution after a {@code $} at {@code at}; returns the characters it used, 0 if none. */
    private static int appendSubstitution(StringBuilder out, String replacement, int at, Matcher match, String input) {
        char c = replacement.charAt(at);
        switch (c) {
            case '$' -> out.append('$');
            case '&' -> out.append(match.group());
            case '`' -> out.append(input, 0, match.start());
            case '\'' -> out.append(input, match.end(), input.length());
            case '_' -> out.append(input);
            case '+' -> out.append(nullToEmpty(match.groupCount() == 0 ? match.group() : match.group(match.groupCount())));
            case '{' -> {
                int close = replacement.indexOf('}', at);
                if (close < 0) {
                    return 0;
                }
                String name = replacement.substring(at + 1, close);
                try {
                    out.append(nullToEmpty(name.chars().allMatch(Character::isDigit) && !name.isEmpty()
                            ? match.group(Integer.parseInt(name)) : match.group(name)));
                } catch (IllegalArgumentException | IndexOutOfBoundsException noSuchGroup) {
                    return 0;
                }
                return close - at + 1;
            }
            default -> {
                return appendGroupNumber(out, replacement, at, match);
            }
        }
        return 1;
    }

    /** {@code $12}: the longest run of digits that names a group. */
    private static int appendGroupNumber(StringBuilder out, String replacement, int at, Matcher match) {
        int end = at;
        while (end < replacement.length() && Character.isDigit(replacement.charAt(end))) {
            end++;
        }
        for (int digitsEnd = end; digitsEnd > at; digitsEnd--) {
            long group = Long.parseLong(replacement.substring(at, Math.min(digitsEnd, at + 9)));
            if (digitsEnd - at <= 9 && group <= match.groupCount()) {
                out.append(nullToEmpty(match.group((int) group)));
                return digitsEnd - at;
            }
        }
        return 0;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
