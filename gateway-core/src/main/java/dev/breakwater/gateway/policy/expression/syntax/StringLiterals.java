package dev.breakwater.gateway.policy.expression.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** Scans C# character and string literals: regular, verbatim and interpolated, with escapes. */
final class StringLiterals {

    private StringLiterals() {
    }

    static Token regular(String text, int start, int p, int end, IntConsumer advance) {
        StringBuilder value = new StringBuilder();
        while (true) {
            if (p >= end || text.charAt(p) == '\n' || text.charAt(p) == '\r') {
                throw new CompileError(start, "unterminated string literal");
            }
            char c = text.charAt(p);
            if (c == '"') {
                p++;
                break;
            }
            if (c == '\\') {
                p = escape(text, p, end, value);
            } else {
                value.append(c);
                p++;
            }
        }
        advance.accept(p);
        // Interned, as C# interns literals: (object)"a" == "a" holds.
        return new Token(TokenKind.STRING, text.substring(start, p), value.toString().intern(), start, p);
    }

    static Token verbatim(String text, int start, int p, int end, IntConsumer advance) {
        StringBuilder value = new StringBuilder();
        while (true) {
            if (p >= end) {
                throw new CompileError(start, "unterminated verbatim string literal");
            }
            char c = text.charAt(p);
            if (c == '"') {
                if (p + 1 < end && text.charAt(p + 1) == '"') {
                    value.append('"');
                    p += 2;
                    continue;
                }
                p++;
                break;
            }
            value.append(c);
            p++;
        }
        advance.accept(p);
        return new Token(TokenKind.STRING, text.substring(start, p), value.toString().intern(), start, p);
    }

    static Token character(String text, int start, int p, int end, IntConsumer advance) {
        StringBuilder value = new StringBuilder();
        if (p < end && text.charAt(p) == '\\') {
            p = escape(text, p, end, value);
        } else if (p < end && text.charAt(p) != '\'' && text.charAt(p) != '\n') {
            value.append(text.charAt(p++));
        }
        if (value.length() != 1 || p >= end || text.charAt(p) != '\'') {
            throw new CompileError(start, "invalid character literal");
        }
        p++;
        advance.accept(p);
        return new Token(TokenKind.CHAR, text.substring(start, p), value.charAt(0), start, p);
    }

    /** {@code $"…"} or {@code $@"…"}; {@code p} is just after the opening quote. */
    static Token interpolated(String text, int start, int p, int end, boolean verbatim, IntConsumer advance) {
        List<InterpolationPart> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        while (true) {
            if (p >= end || (!verbatim && (text.charAt(p) == '\n' || text.charAt(p) == '\r'))) {
                throw new CompileError(start, "unterminated interpolated string");
            }
            char c = text.charAt(p);
            if (c == '"') {
                if (verbatim && p + 1 < end && text.charAt(p + 1) == '"') {
                    literal.append('"');
                    p += 2;
                    continue;
                }
                p++;
                break;
            }
            if ((c == '{' || c == '}') && p + 1 < end && text.charAt(p + 1) == c) {
                literal.append(c);
                p += 2;
            } else if (c == '}') {
                throw new CompileError(p, "a '}' in an interpolated string must be doubled ('}}')");
            } else if (c == '{') {
                if (literal.length() > 0) {
                    parts.add(InterpolationPart.text(literal.toString()));
                    literal.setLength(0);
                }
                p = hole(text, p + 1, end, verbatim, parts);
            } else if (c == '\\' && !verbatim) {
                p = escape(text, p, end, literal);
            } else {
                literal.append(c);
                p++;
            }
        }
        if (literal.length() > 0) {
            parts.add(InterpolationPart.text(literal.toString()));
        }
        advance.accept(p);
        return new Token(TokenKind.INTERPOLATED_STRING, text.substring(start, p), List.copyOf(parts), start, p);
    }

    /** Reads {@code expr[,alignment][:format]}} from {@code p}; returns the offset after the '}'. */
    private static int hole(String text, int p, int end, boolean verbatim, List<InterpolationPart> parts) {
        int exprStart = p;
        int exprEnd = skipExpression(text, p, end);
        if (exprEnd >= end) {
            throw new CompileError(exprStart, "unterminated interpolation hole");
        }
        if (text.substring(exprStart, exprEnd).isBlank()) {
            throw new CompileError(exprStart, "empty interpolation hole");
        }
        p = exprEnd;
        String alignment = null;
        String format = null;
        if (text.charAt(p) == ',') {
            int a = p + 1;
            while (p < end && text.charAt(p) != ':' && text.charAt(p) != '}') {
                p++;
            }
            alignment = text.substring(a, p).trim();
        }
        if (p < end && text.charAt(p) == ':') {
            StringBuilder f = new StringBuilder();
            p++;
            while (p < end && text.charAt(p) != '}' && text.charAt(p) != '"') {
                if (text.charAt(p) == '\\' && !verbatim) {
                    p = escape(text, p, end, f);
                } else {
                    f.append(text.charAt(p++));
                }
            }
            format = f.toString();
        }
        if (p >= end || text.charAt(p) != '}') {
            throw new CompileError(exprStart, "unterminated interpolation hole");
        }
        parts.add(new InterpolationPart(null, exprStart, exprEnd, alignment, format));
        return p + 1;
    }

    /** The offset of the ',', ':' or '}' that ends a hole's expression, skipping nested brackets and literals. */
    private static int skipExpression(String text, int p, int end) {
        int depth = 0;
        while (p < end) {
            char c = text.charAt(p);
            if (depth == 0 && (c == '}' || c == ',' || c == ':')) {
                if (c == ':' && p + 1 < end && text.charAt(p + 1) == ':') {
                    p += 2;
                    continue;
                }
                return p;
            }
            switch (c) {
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth--;
                default -> { }
            }
            if (c == '"' || c == '\'' || ((c == '@' || c == '$') && p + 1 < end
                    && (text.charAt(p + 1) == '"' || text.charAt(p + 1) == '$' || text.charAt(p + 1) == '@'))) {
                p = Lexer.scanOne(text, p, end).end();
                continue;
            }
            p++;
        }
        return p;
    }

    /** Appends the character(s) of the escape sequence at {@code p} (a backslash); returns the offset after it. */
    static int escape(String text, int p, int end, StringBuilder out) {
        if (p + 1 >= end) {
            throw new CompileError(p, "unterminated escape sequence");
        }
        char e = text.charAt(p + 1);
        switch (e) {
            case '\'' -> out.append('\'');
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case '0' -> out.append('\0');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000B');
            case 'u', 'x', 'U' -> {
                int max = e == 'U' ? 8 : 4;
                int q = p + 2;
                int value = 0;
                int digits = 0;
                while (digits < max && q < end && Character.digit(text.charAt(q), 16) >= 0) {
                    value = value * 16 + Character.digit(text.charAt(q), 16);
                    q++;
                    digits++;
                }
                if (digits == 0 || (e != 'x' && digits != max)) {
                    throw new CompileError(p, "invalid escape sequence '\\" + e + "'");
                }
                out.appendCodePoint(value);
                return q;
            }
            default -> throw new CompileError(p, "invalid escape sequence '\\" + e + "'");
        }
        return p + 2;
    }
}
