package dev.breakwater.gateway.policy.expression.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Call arguments (named, {@code out var}, {@code ref}) and {@code new}: objects with object and
 * collection initializers, arrays ({@code new T[n]}, {@code new T[] {…}}, {@code new[] {…}}) and
 * anonymous objects.
 */
abstract class CreationParser extends OperatorParser {

    CreationParser(String text, List<Token> tokens) {
        super(text, tokens);
    }

    /** Arguments up to the closing token (already past the opening one). */
    protected List<Expr.Argument> parseArguments(String close) {
        List<Expr.Argument> arguments = new ArrayList<>();
        while (!atOperator(close)) {
            arguments.add(parseArgument());
            if (!acceptOperator(",")) {
                break;
            }
        }
        expectOperator(close);
        return List.copyOf(arguments);
    }

    private Expr.Argument parseArgument() {
        Token start = current();
        String name = null;
        if (start.kind() == TokenKind.IDENTIFIER && peek(1).isOperator(":")) {
            name = advance().text();
            advance();
        }
        String refKind = null;
        if (atKeyword("out") || atKeyword("ref") || atKeyword("in")) {
            refKind = advance().text();
        }
        if ("out".equals(refKind)) {
            int save = index;
            TypeSyntax type = tryParseType(true);
            if (type != null && current().kind() == TokenKind.IDENTIFIER) {
                return new Expr.Argument(start.position(), name, refKind, null, type, advance().text());
            }
            index = save;
        }
        return new Expr.Argument(start.position(), name, refKind, parseExpression(), null, null);
    }

    protected Expr parseNew() {
        Token t = advance();
        if (atOperator("[")) {
            advance();
            expectOperator("]");
            return new Expr.ArrayCreation(t.position(), null, null, parseArrayInitializer());
        }
        if (atOperator("{")) {
            return parseAnonymousObject(t);
        }
        TypeSyntax type = parseType();
        if (type.arrayRank() > 0) {
            return new Expr.ArrayCreation(t.position(), type.elementType(), null, parseArrayInitializer());
        }
        if (atOperator("[")) {
            advance();
            Expr size = parseExpression();
            expectOperator("]");
            List<Expr> elements = atOperator("{") ? parseArrayInitializer() : null;
            return new Expr.ArrayCreation(t.position(), type, size, elements);
        }
        List<Expr.Argument> arguments = null;
        if (acceptOperator("(")) {
            arguments = parseArguments(")");
        }
        List<Expr.Initializer> initializers = atOperator("{") ? parseObjectInitializer() : null;
        if (arguments == null && initializers == null) {
            throw error(current(), "expected '(' or '{' after 'new " + type.display() + "'");
        }
        return new Expr.ObjectCreation(t.position(), type, arguments, initializers);
    }

    private List<Expr> parseArrayInitializer() {
        expectOperator("{");
        List<Expr> elements = new ArrayList<>();
        while (!atOperator("}")) {
            elements.add(parseExpression());
            if (!acceptOperator(",")) {
                break;
            }
        }
        expectOperator("}");
        return List.copyOf(elements);
    }

    private List<Expr.Initializer> parseObjectInitializer() {
        expectOperator("{");
        List<Expr.Initializer> entries = new ArrayList<>();
        while (!atOperator("}")) {
            Token at = current();
            if (at.kind() == TokenKind.IDENTIFIER && peek(1).isOperator("=")) {
                advance();
                advance();
                entries.add(new Expr.MemberInitializer(at.position(), at.text(), parseExpression()));
            } else if (at.isOperator("[")) {
                advance();
                List<Expr.Argument> keys = parseArguments("]");
                expectOperator("=");
                entries.add(new Expr.IndexInitializer(at.position(), keys, parseExpression()));
            } else if (at.isOperator("{")) {
                entries.add(new Expr.ElementInitializer(at.position(), parseArrayInitializer()));
            } else {
                entries.add(new Expr.ElementInitializer(at.position(), List.of(parseExpression())));
            }
            if (!acceptOperator(",")) {
                break;
            }
        }
        expectOperator("}");
        return List.copyOf(entries);
    }

    private Expr parseAnonymousObject(Token t) {
        expectOperator("{");
        List<Expr.AnonymousMember> members = new ArrayList<>();
        while (!atOperator("}")) {
            Token at = current();
            if (at.kind() == TokenKind.IDENTIFIER && peek(1).isOperator("=")) {
                advance();
                advance();
                members.add(new Expr.AnonymousMember(at.text(), parseExpression()));
            } else {
                Expr value = parseExpression();
                String name = value instanceof Expr.MemberAccess m ? m.name()
                        : value instanceof Expr.Name n ? n.name() : null;
                if (name == null) {
                    throw error(at, "an anonymous type member needs a name ('name = value')");
                }
                members.add(new Expr.AnonymousMember(name, value));
            }
            if (!acceptOperator(",")) {
                break;
            }
        }
        expectOperator("}");
        return new Expr.AnonymousObject(t.position(), List.copyOf(members));
    }
}
