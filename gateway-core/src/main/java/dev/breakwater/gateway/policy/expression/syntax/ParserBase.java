package dev.breakwater.gateway.policy.expression.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The token cursor shared by the parser layers, and the parsing of types. */
abstract class ParserBase {

    static final Set<String> PREDEFINED_TYPES = Set.of(
            "bool", "byte", "sbyte", "char", "decimal", "double", "float", "int", "uint", "long", "ulong",
            "object", "short", "ushort", "string", "void");

    protected final String text;
    protected final List<Token> tokens;
    protected int index;

    ParserBase(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    protected Token current() {
        return tokens.get(index);
    }

    protected Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    protected Token advance() {
        Token t = tokens.get(index);
        if (t.kind() != TokenKind.EOF) {
            index++;
        }
        return t;
    }

    protected boolean atOperator(String op) {
        return current().isOperator(op);
    }

    protected boolean atKeyword(String keyword) {
        return current().isKeyword(keyword);
    }

    protected boolean acceptOperator(String op) {
        if (atOperator(op)) {
            advance();
            return true;
        }
        return false;
    }

    protected Token expectOperator(String op) {
        if (!atOperator(op)) {
            throw error(current(), "expected '" + op + "' but found " + current().describe());
        }
        return advance();
    }

    protected String expectIdentifier() {
        if (current().kind() != TokenKind.IDENTIFIER) {
            throw error(current(), "expected a name but found " + current().describe());
        }
        return advance().text();
    }

    protected CompileError error(Token at, String message) {
        return new CompileError(at.position(), message);
    }

    /** Two tokens written with nothing between them (to read {@code >>} as one operator). */
    protected static boolean adjacent(Token a, Token b) {
        return a.end() == b.position();
    }

    /** Parses a type; throws when there is none. */
    protected TypeSyntax parseType() {
        TypeSyntax type = tryParseType(true);
        if (type == null) {
            throw error(current(), "expected a type but found " + current().describe());
        }
        return type;
    }

    /**
     * Parses a type if one starts here, else returns null with the cursor unchanged.
     * {@code allowNullable} false leaves a following {@code ?} alone (after {@code is}/{@code as}, where
     * it may start a conditional).
     */
    protected TypeSyntax tryParseType(boolean allowNullable) {
        int start = index;
        Token first = current();
        String name;
        if (first.kind() == TokenKind.KEYWORD && PREDEFINED_TYPES.contains(first.text())) {
            name = advance().text();
        } else if (first.kind() == TokenKind.IDENTIFIER) {
            StringBuilder dotted = new StringBuilder(advance().text());
            if (atOperator("::")) {
                advance();
                dotted.setLength(0);
                dotted.append(expectIdentifier());
            }
            while (atOperator(".") && peek(1).kind() == TokenKind.IDENTIFIER) {
                advance();
                dotted.append('.').append(advance().text());
            }
            name = dotted.toString();
        } else {
            return null;
        }
        List<TypeSyntax> arguments = List.of();
        if (atOperator("<")) {
            arguments = tryParseTypeArguments();
            if (arguments == null) {
                index = start;
                return null;
            }
        }
        boolean nullable = false;
        if (atOperator("?") && (allowNullable || nullableSuffixEnds(peek(1)))) {
            advance();
            nullable = true;
        }
        int rank = 0;
        while (atOperator("[") && peek(1).isOperator("]")) {
            advance();
            advance();
            rank++;
        }
        return new TypeSyntax(first.position(), name, arguments, nullable, rank);
    }

    private static boolean nullableSuffixEnds(Token next) {
        return next.kind() == TokenKind.EOF || (next.kind() == TokenKind.OPERATOR
                && Set.of(")", ",", ";", "&&", "||", "]", "}", "==", "!=", "?", ":").contains(next.text()));
    }

    /** {@code <T, U>} if it parses as type arguments, else null with the cursor unchanged. */
    protected List<TypeSyntax> tryParseTypeArguments() {
        int start = index;
        if (!acceptOperator("<")) {
            return null;
        }
        List<TypeSyntax> arguments = new ArrayList<>();
        while (true) {
            TypeSyntax argument = tryParseType(true);
            if (argument == null) {
                index = start;
                return null;
            }
            arguments.add(argument);
            if (acceptOperator(",")) {
                continue;
            }
            if (acceptOperator(">")) {
                return arguments;
            }
            index = start;
            return null;
        }
    }
}
