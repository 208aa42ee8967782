package dev.breakwater.gateway.policy.expression.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits C# source into tokens: identifiers and keywords, numeric, character and string literals
 * (regular, verbatim {@code @"…"} and interpolated {@code $"…"}), operators; skips comments.
 * {@code >>} is never one token, so that {@code List<List<int>>} parses; the parser joins adjacent
 * {@code >} tokens into a shift.
 */
public final class Lexer {

    static final Set<String> KEYWORDS = Set.of(
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class",
            "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event",
            "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if",
            "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null",
            "object", "operator", "out", "override", "params", "private", "protected", "public", "readonly",
            "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct",
            "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
            "using", "virtual", "void", "volatile", "while");

    private static final String[] OPERATORS = {
        "<<=", "??=", "<<", "<=", ">=", "==", "!=", "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "%=",
        "&=", "|=", "^=", "=>", "??", "?.", "::", "->",
        "+", "-", "*", "/", "%", "&", "|", "^", "!", "~", "=", "<", ">", "?", ":", ";", ",", ".", "(", ")",
        "[", "]", "{", "}"
    };

    private final String text;
    private final int end;
    private int pos;

    private Lexer(String text, int start, int end) {
        this.text = text;
        this.pos = start;
        this.end = end;
    }

    /** Tokens of {@code text[start, end)}, ending with an EOF token at {@code end}. */
    public static List<Token> tokenize(String text, int start, int end) {
        return new Lexer(text, start, end).run();
    }

    /** The single token that starts at {@code start} (used to skip literals nested in interpolation holes). */
    static Token scanOne(String text, int start, int end) {
        return new Lexer(text, start, end).next();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipTrivia();
            if (pos >= end) {
                tokens.add(new Token(TokenKind.EOF, "", null, end, end));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipTrivia() {
        while (pos < end) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c) || c == '\u00A0' || c == '\uFEFF') {
                pos++;
            } else if (c == '/' && peek(1) == '/') {
                while (pos < end && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && peek(1) == '*') {
                int close = text.indexOf("*/", pos + 2);
                if (close < 0 || close + 2 > end) {
                    throw new CompileError(pos, "unterminated comment");
                }
                pos = close + 2;
            } else {
                return;
            }
        }
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < end ? text.charAt(i) : '\0';
    }

    private Token next() {
        char c = text.charAt(pos);
        int start = pos;
        if (c == '$' && peek(1) == '"') {
            pos += 2;
            return StringLiterals.interpolated(text, start, pos, end, false, this::advanceTo);
        }
        if ((c == '$' && peek(1) == '@' && peek(2) == '"') || (c == '@' && peek(1) == '$' && peek(2) == '"')) {
            pos += 3;
            return StringLiterals.interpolated(text, start, pos, end, true, this::advanceTo);
        }
        if (c == '@' && peek(1) == '"') {
            pos += 2;
            return StringLiterals.verbatim(text, start, pos, end, this::advanceTo);
        }
        if (c == '"') {
            pos++;
            return StringLiterals.regular(text, start, pos, end, this::advanceTo);
        }
        if (c == '\'') {
            pos++;
            return StringLiterals.character(text, start, pos, end, this::advanceTo);
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
            return NumberLiterals.scan(text, start, end, this::advanceTo);
        }
        if (c == '@' && isIdentifierStart(peek(1))) {
            pos++;
            String name = identifier();
            return new Token(TokenKind.IDENTIFIER, name, null, start, pos);
        }
        if (isIdentifierStart(c)) {
            String name = identifier();
            TokenKind kind = KEYWORDS.contains(name) ? TokenKind.KEYWORD : TokenKind.IDENTIFIER;
            return new Token(kind, name, null, start, pos);
        }
        for (String op : OPERATORS) {
            if (text.startsWith(op, pos) && pos + op.length() <= end
                    && !(op.equals("?.") && Character.isDigit(peek(2)))) {
                pos += op.length();
                return new Token(TokenKind.OPERATOR, op, null, start, pos);
            }
        }
        throw new CompileError(pos, "unexpected character '" + c + "'");
    }

    private String identifier() {
        int start = pos;
        while (pos < end && isIdentifierPart(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void advanceTo(int newPos) {
        pos = newPos;
    }

    static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
