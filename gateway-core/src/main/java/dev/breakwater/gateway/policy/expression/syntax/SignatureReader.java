package dev.breakwater.gateway.policy.expression.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the C# member declarations the library is written in, e.g.
 * {@code "static bool TryParse(string s, out int result)"}, {@code "int Length"},
 * {@code "char this[int index]"},
 * {@code "IEnumerable<TResult> Select<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, TResult> f)"}.
 */
public final class SignatureReader extends ParserBase {

    /** A parameter as declared; {@code modifier} is null, "out", "ref", "this" or "params". */
    public record Param(TypeSyntax type, String name, String modifier, boolean hasDefault, Object defaultValue) { }

    /**
     * A member declaration. {@code parameters} is null for a property; {@code name} is "this" for an
     * indexer and ".ctor" for a constructor (written as {@code "(params)"}).
     */
    public record Declaration(boolean isStatic, TypeSyntax type, String name, List<String> typeParameters,
                              List<Param> parameters) { }

    private SignatureReader(String text) {
        super(text, Lexer.tokenize(text, 0, text.length()));
    }

    public static Declaration read(String declaration) {
        SignatureReader r = new SignatureReader(declaration);
        Declaration d = r.declaration();
        if (r.current().kind() != TokenKind.EOF) {
            throw r.error(r.current(), "unexpected " + r.current().describe() + " in '" + declaration + "'");
        }
        return d;
    }

    /** A type written alone, e.g. {@code "IEnumerable<T>"}. */
    public static TypeSyntax readType(String type) {
        SignatureReader r = new SignatureReader(type);
        TypeSyntax t = r.parseType();
        if (r.current().kind() != TokenKind.EOF) {
            throw r.error(r.current(), "unexpected " + r.current().describe() + " in '" + type + "'");
        }
        return t;
    }

    private Declaration declaration() {
        boolean isStatic = false;
        if (atKeyword("static")) {
            advance();
            isStatic = true;
        }
        if (atOperator("(")) {
            return new Declaration(isStatic, null, ".ctor", List.of(), parameters(")"));
        }
        TypeSyntax type = parseType();
        if (atKeyword("this")) {
            advance();
            expectOperator("[");
            return new Declaration(isStatic, type, "this", List.of(), parameters("]"));
        }
        String name = expectIdentifier();
        List<String> typeParameters = new ArrayList<>();
        if (acceptOperator("<")) {
            do {
                typeParameters.add(expectIdentifier());
            } while (acceptOperator(","));
            expectOperator(">");
        }
        if (!acceptOperator("(")) {
            return new Declaration(isStatic, type, name, List.of(), null);
        }
        return new Declaration(isStatic, type, name, List.copyOf(typeParameters), parameters(")"));
    }

    private List<Param> parameters(String close) {
        if (atOperator("(")) {
            advance();
        }
        List<Param> params = new ArrayList<>();
        while (!atOperator(close)) {
            String modifier = null;
            Token t = current();
            if (t.isKeyword("out") || t.isKeyword("ref") || t.isKeyword("this") || t.isKeyword("params")) {
                modifier = advance().text();
            }
            TypeSyntax type = parseType();
            String name = expectIdentifier();
            boolean hasDefault = false;
            Object value = null;
            if (acceptOperator("=")) {
                hasDefault = true;
                value = literal();
            }
            params.add(new Param(type, name, modifier, hasDefault, value));
            if (!acceptOperator(",")) {
                break;
            }
        }
        expectOperator(close);
        return List.copyOf(params);
    }

    private Object literal() {
        Token t = advance();
        boolean negative = false;
        if (t.isOperator("-")) {
            negative = true;
            t = advance();
        }
        return switch (t.kind()) {
            case NUMBER -> negative ? negate(t.value()) : t.value();
            case STRING, CHAR -> t.value();
            case KEYWORD -> switch (t.text()) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null", "default" -> null;
                default -> throw error(t, "unsupported default value " + t.describe());
            };
            default -> throw error(t, "unsupported default value " + t.describe());
        };
    }

    private static Object negate(Object number) {
        if (number instanceof Integer i) {
            return -i;
        }
        if (number instanceof Long l) {
            return -l;
        }
        if (number instanceof Double d) {
            return -d;
        }
        throw new IllegalArgumentException("cannot negate " + number);
    }
}
