package dev.breakwater.gateway.policy.expression.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a policy expression: {@code @( expression )} or {@code @{ statements }}. Statements are those
 * of C# 7 that a policy needs: locals (also {@code var}), local functions, expression statements, if,
 * switch, for, foreach, while, do, break, continue, return, throw, try/catch/finally.
 */
public final class Parser extends PrimaryParser {

    private Parser(String text, List<Token> tokens) {
        super(text, tokens);
    }

    /** The syntax of a whole policy expression. */
    public sealed interface Result permits SingleExpression, StatementBlock { }

    public record SingleExpression(Expr expression) implements Result { }

    public record StatementBlock(Stmt.Block block) implements Result { }

    /** Parses {@code text}, which must be {@code @(…)} or {@code @{…}} with only white space around. */
    public static Result parse(String text) {
        int at = 0;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        if (!text.startsWith("@(", at) && !text.startsWith("@{", at)) {
            throw new CompileError(at, "a policy expression starts with '@(' or '@{'");
        }
        Parser parser = new Parser(text, Lexer.tokenize(text, at + 1, text.length()));
        Result result;
        if (text.charAt(at + 1) == '(') {
            parser.expectOperator("(");
            Expr expression = parser.parseExpression();
            parser.expectOperator(")");
            result = new SingleExpression(expression);
        } else {
            result = new StatementBlock(parser.parseBlock());
        }
        if (parser.current().kind() != TokenKind.EOF) {
            throw parser.error(parser.current(), "unexpected " + parser.current().describe()
                    + " after the end of the expression");
        }
        return result;
    }

    /** Parses the expression in {@code text[start, end)} (an interpolation hole). */
    static Expr parseFragment(String text, int start, int end) {
        Parser parser = new Parser(text, Lexer.tokenize(text, start, end));
        Expr expression = parser.parseExpression();
        if (parser.current().kind() != TokenKind.EOF) {
            throw parser.error(parser.current(), "unexpected " + parser.current().describe() + " in interpolation");
        }
        return expression;
    }

    @Override
    protected Stmt.Block parseBlock() {
        Token open = expectOperator("{");
        List<Stmt> statements = new ArrayList<>();
        while (!atOperator("}")) {
            if (current().kind() == TokenKind.EOF) {
                throw error(current(), "expected '}' but found end of expression");
            }
            statements.add(parseStatement());
        }
        advance();
        return new Stmt.Block(open.position(), List.copyOf(statements));
    }

    private Stmt parseStatement() {
        Token t = current();
        if (t.isOperator("{")) {
            return parseBlock();
        }
        if (t.isOperator(";")) {
            advance();
            return new Stmt.Empty(t.position());
        }
        if (t.kind() == TokenKind.KEYWORD) {
            Stmt keyword = new StatementKeywords(this).parse(t);
            if (keyword != null) {
                return keyword;
            }
        }
        Stmt declaration = tryParseDeclaration();
        if (declaration != null) {
            return declaration;
        }
        Expr expression = parseExpression();
        expectOperator(";");
        return new Stmt.ExpressionStatement(t.position(), expression);
    }

    /** A local declaration or local function if one starts here, else null with the cursor unchanged. */
    Stmt tryParseDeclaration() {
        int start = index;
        Token first = current();
        boolean isConst = false;
        if (first.isKeyword("const")) {
            advance();
            isConst = true;
        }
        TypeSyntax type = tryParseType(true);
        if (type != null && current().kind() == TokenKind.IDENTIFIER) {
            Token name = current();
            Token after = peek(1);
            if (after.isOperator("(") && !isConst) {
                advance();
                return parseLocalFunction(first, type, name.text());
            }
            if (after.isOperator("=") || after.isOperator(";") || after.isOperator(",")) {
                Stmt declaration = parseDeclarators(first, type);
                expectOperator(";");
                return declaration;
            }
        }
        index = start;
        return null;
    }

    /** {@code name [= init], …} after the type. */
    Stmt.LocalDeclaration parseDeclarators(Token first, TypeSyntax type) {
        List<Stmt.Declarator> declarators = new ArrayList<>();
        do {
            Token name = current();
            expectIdentifier();
            Expr init = acceptOperator("=") ? parseExpression() : null;
            declarators.add(new Stmt.Declarator(name.position(), name.text(), init));
        } while (acceptOperator(","));
        return new Stmt.LocalDeclaration(first.position(), type, List.copyOf(declarators));
    }

    private Stmt parseLocalFunction(Token first, TypeSyntax returnType, String name) {
        expectOperator("(");
        List<Stmt.Parameter> parameters = new ArrayList<>();
        while (!atOperator(")")) {
            TypeSyntax type = parseType();
            parameters.add(new Stmt.Parameter(type, expectIdentifier()));
            if (!acceptOperator(",")) {
                break;
            }
        }
        expectOperator(")");
        if (atOperator("=>")) {
            Token arrow = advance();
            Expr body = parseExpression();
            expectOperator(";");
            Stmt inner = returnType.name().equals("void")
                    ? new Stmt.ExpressionStatement(arrow.position(), body)
                    : new Stmt.Return(arrow.position(), body);
            return new Stmt.LocalFunction(first.position(), returnType, name, List.copyOf(parameters),
                    new Stmt.Block(arrow.position(), List.of(inner)));
        }
        return new Stmt.LocalFunction(first.position(), returnType, name, List.copyOf(parameters), parseBlock());
    }

    // Package-private access for StatementKeywords.
    Stmt statement() {
        return parseStatement();
    }

    Expr expression() {
        return parseExpression();
    }

    Stmt.Block block() {
        return parseBlock();
    }

    Token cursor() {
        return current();
    }

    Token next() {
        return advance();
    }

    Token peekAhead(int n) {
        return peek(n);
    }

    Token expect(String op) {
        return expectOperator(op);
    }

    boolean accept(String op) {
        return acceptOperator(op);
    }

    String identifier() {
        return expectIdentifier();
    }

    TypeSyntax type() {
        return parseType();
    }

    CompileError errorAt(Token t, String message) {
        return error(t, message);
    }
}
