package dev.breakwater.gateway.policy.expression.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Primary expressions: literals, names (with generic arguments when C#'s disambiguation rule says so),
 * parentheses, {@code new}, {@code default(T)}, and the postfix chain of member access, {@code ?.},
 * calls, indexers and {@code x++}.
 */
abstract class PrimaryParser extends CreationParser {

    /** Tokens after which {@code Name<…>} is a generic name rather than a comparison (C# spec 7.6.4.2). */
    private static final Set<String> AFTER_TYPE_ARGUMENTS = Set.of(
            "(", ")", "]", "}", ":", ";", ",", ".", "?", "?.", "==", "!=", "|", "^", "&&", "||", "&", "[");

    PrimaryParser(String text, List<Token> tokens) {
        super(text, tokens);
    }

    @Override
    protected Expr parsePrimary() {
        Expr expr = parsePrimaryStart();
        while (true) {
            Token at = current();
            if (at.isOperator(".") || at.isOperator("?.")) {
                advance();
                Token name = current();
                String member = expectIdentifier();
                expr = new Expr.MemberAccess(name.position(), expr, member, typeArgumentsIfGeneric(), at.isOperator("?."));
            } else if (at.isOperator("?") && peek(1).isOperator("[") && adjacent(at, peek(1))) {
                advance();
                advance();
                expr = new Expr.ElementAccess(at.position(), expr, parseArguments("]"), true);
            } else if (at.isOperator("(")) {
                advance();
                expr = new Expr.Invocation(expr.position(), expr, parseArguments(")"));
            } else if (at.isOperator("[")) {
                advance();
                expr = new Expr.ElementAccess(at.position(), expr, parseArguments("]"), false);
            } else if (at.isOperator("++") || at.isOperator("--")) {
                advance();
                expr = new Expr.IncrementDecrement(at.position(), at.text(), expr, false);
            } else {
                return expr;
            }
        }
    }

    private Expr parsePrimaryStart() {
        Token t = current();
        switch (t.kind()) {
            case NUMBER, STRING, CHAR -> {
                advance();
                return new Expr.Literal(t.position(), t.value());
            }
            case INTERPOLATED_STRING -> {
                advance();
                return interpolated(t);
            }
            case IDENTIFIER -> {
                advance();
                return new Expr.Name(t.position(), t.text(), typeArgumentsIfGeneric());
            }
            case KEYWORD -> {
                return keywordPrimary(t);
            }
            case OPERATOR -> {
                if (t.isOperator("(")) {
                    advance();
                    Expr inner = parseExpression();
                    expectOperator(")");
                    return inner;
                }
                throw error(t, "unexpected " + t.describe());
            }
            default -> throw error(t, "unexpected " + t.describe());
        }
    }

    private Expr keywordPrimary(Token t) {
        switch (t.text()) {
            case "true", "false" -> {
                advance();
                return new Expr.Literal(t.position(), t.text().equals("true"));
            }
            case "null" -> {
                advance();
                return new Expr.Literal(t.position(), null);
            }
            case "new" -> {
                return parseNew();
            }
            case "default" -> {
                advance();
                expectOperator("(");
                TypeSyntax type = parseType();
                expectOperator(")");
                return new Expr.Default(t.position(), type);
            }
            case "throw" -> {
                return parseThrow();
            }
            case "unchecked" -> {
                // Arithmetic is unchecked anyway: unchecked(x) is x.
                advance();
                expectOperator("(");
                Expr inner = parseExpression();
                expectOperator(")");
                return inner;
            }
            default -> {
                if (PREDEFINED_TYPES.contains(t.text())) {
                    advance();
                    return new Expr.Name(t.position(), t.text(), List.of());
                }
                throw error(t, "'" + t.text() + "' is not supported in policy expressions");
            }
        }
    }

    private List<TypeSyntax> typeArgumentsIfGeneric() {
        if (!atOperator("<")) {
            return List.of();
        }
        int start = index;
        List<TypeSyntax> arguments = tryParseTypeArguments();
        if (arguments != null) {
            Token after = current();
            if (after.kind() == TokenKind.EOF || (after.kind() == TokenKind.OPERATOR && AFTER_TYPE_ARGUMENTS.contains(after.text()))) {
                return arguments;
            }
        }
        index = start;
        return List.of();
    }

    private Expr interpolated(Token t) {
        List<Object> parts = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<InterpolationPart> raw = (List<InterpolationPart>) t.value();
        for (InterpolationPart part : raw) {
            if (!part.isHole()) {
                parts.add(part.literal());
                continue;
            }
            Expr value = Parser.parseFragment(text, part.start(), part.end());
            Expr alignment = null;
            if (part.alignment() != null) {
                String a = part.alignment();
                try {
                    alignment = new Expr.Literal(part.start(), Integer.parseInt(a));
                } catch (NumberFormatException e) {
                    throw new CompileError(part.start(), "alignment '" + a + "' must be an integer constant");
                }
            }
            parts.add(new Expr.Hole(value, alignment, part.format()));
        }
        return new Expr.Interpolated(t.position(), List.copyOf(parts));
    }
}
