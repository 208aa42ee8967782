package dev.breakwater.gateway.policy.expression.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Expressions by C# precedence: assignment and lambdas, {@code ?:}, {@code ??}, the binary levels,
 * {@code is}/{@code as}, unary operators and casts. Primary expressions come from the subclass.
 */
abstract class OperatorParser extends ParserBase {

    private static final Set<String> ASSIGNMENT = Set.of(
            "=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", "??=");

    /** Binary levels from loosest to tightest; relational and shift are handled specially. */
    private static final List<Set<String>> LEVELS = List.of(
            Set.of("||"), Set.of("&&"), Set.of("|"), Set.of("^"), Set.of("&"), Set.of("==", "!="),
            Set.of(), Set.of(), Set.of("+", "-"), Set.of("*", "/", "%"));
    private static final int RELATIONAL = 6;
    private static final int SHIFT = 7;

    OperatorParser(String text, List<Token> tokens) {
        super(text, tokens);
    }

    /** A primary expression with its postfix operators (member access, calls, indexers, x++). */
    protected abstract Expr parsePrimary();

    protected abstract Stmt.Block parseBlock();

    protected Expr parseExpression() {
        if (lambdaAhead()) {
            return parseLambda();
        }
        Expr left = parseConditional();
        Token at = current();
        String op = null;
        if (at.kind() == TokenKind.OPERATOR && ASSIGNMENT.contains(at.text())) {
            op = advance().text();
        } else if (at.isOperator(">") && peek(1).isOperator(">=") && adjacent(at, peek(1))) {
            advance();
            advance();
            op = ">>=";
        }
        if (op == null) {
            return left;
        }
        return new Expr.Assignment(at.position(), op, left, parseExpression());
    }

    private Expr parseConditional() {
        Expr condition = parseNullCoalescing();
        if (!atOperator("?")) {
            return condition;
        }
        advance();
        Expr whenTrue = parseExpression();
        expectOperator(":");
        Expr whenFalse = parseExpression();
        return new Expr.Conditional(condition.position(), condition, whenTrue, whenFalse);
    }

    private Expr parseNullCoalescing() {
        Expr left = parseBinary(0);
        if (!atOperator("??")) {
            return left;
        }
        Token op = advance();
        Expr right = atKeyword("throw") ? parseThrow() : parseNullCoalescing();
        return new Expr.Binary(op.position(), "??", left, right);
    }

    protected Expr parseThrow() {
        Token t = advance();
        return new Expr.Throw(t.position(), parseExpression());
    }

    private Expr parseBinary(int level) {
        if (level == LEVELS.size()) {
            return parseUnary();
        }
        Expr left = parseBinary(level + 1);
        while (true) {
            Token at = current();
            if (level == RELATIONAL && (at.isKeyword("is") || at.isKeyword("as"))) {
                left = parseTypeTest(left);
                continue;
            }
            String op = binaryOperator(level);
            if (op == null) {
                return left;
            }
            advance();
            if (op.equals(">>")) {
                advance();
            }
            left = new Expr.Binary(at.position(), op, left, parseBinary(level + 1));
        }
    }

    private String binaryOperator(int level) {
        Token at = current();
        if (at.kind() != TokenKind.OPERATOR) {
            return null;
        }
        Token next = peek(1);
        boolean shiftRight = at.isOperator(">") && next.isOperator(">") && adjacent(at, next);
        boolean shiftAssign = at.isOperator(">") && next.isOperator(">=") && adjacent(at, next);
        if (level == SHIFT) {
            return at.isOperator("<<") ? "<<" : shiftRight ? ">>" : null;
        }
        if (level == RELATIONAL) {
            if (shiftRight || shiftAssign) {
                return null;
            }
            return Set.of("<", ">", "<=", ">=").contains(at.text()) ? at.text() : null;
        }
        return LEVELS.get(level).contains(at.text()) ? at.text() : null;
    }

    private Expr parseTypeTest(Expr left) {
        Token op = advance();
        if (op.isKeyword("as")) {
            return new Expr.As(op.position(), left, parseTypeNotNullableAmbiguous());
        }
        Token at = current();
        if (at.isKeyword("null") || at.kind() == TokenKind.NUMBER || at.kind() == TokenKind.STRING
                || at.kind() == TokenKind.CHAR || at.isKeyword("true") || at.isKeyword("false")
                || at.isOperator("-")) {
            return new Expr.IsConstant(op.position(), left, parseUnary());
        }
        TypeSyntax type = parseTypeNotNullableAmbiguous();
        String designation = null;
        if (current().kind() == TokenKind.IDENTIFIER) {
            designation = advance().text();
        }
        return new Expr.IsType(op.position(), left, type, designation);
    }

    private TypeSyntax parseTypeNotNullableAmbiguous() {
        TypeSyntax type = tryParseType(false);
        if (type == null) {
            throw error(current(), "expected a type but found " + current().describe());
        }
        return type;
    }

    protected Expr parseUnary() {
        Token at = current();
        if (at.kind() == TokenKind.OPERATOR) {
            switch (at.text()) {
                case "+", "-", "!", "~" -> {
                    advance();
                    Expr operand = parseUnary();
                    if (at.text().equals("-") && operand instanceof Expr.Literal lit
                            && Long.valueOf(2147483648L).equals(lit.value())) {
                        return new Expr.Literal(at.position(), Integer.MIN_VALUE);
                    }
                    return new Expr.Unary(at.position(), at.text(), operand);
                }
                case "++", "--" -> {
                    advance();
                    return new Expr.IncrementDecrement(at.position(), at.text(), parseUnary(), true);
                }
                case "(" -> {
                    Expr cast = tryParseCast();
                    if (cast != null) {
                        return cast;
                    }
                }
                default -> { }
            }
        }
        return parsePrimary();
    }

    /** {@code (T)x} if the parenthesis holds a type and what follows reads as its operand (C#'s rule). */
    private Expr tryParseCast() {
        int start = index;
        Token open = advance();
        TypeSyntax type = tryParseType(true);
        if (type == null || !atOperator(")")) {
            index = start;
            return null;
        }
        Token after = peek(1);
        boolean onlyAType = PREDEFINED_TYPES.contains(type.name()) || type.arrayRank() > 0 || type.nullable()
                || !type.typeArguments().isEmpty();
        boolean operandFollows = after.isOperator("~") || after.isOperator("!") || after.isOperator("(")
                || after.kind() == TokenKind.IDENTIFIER || after.kind() == TokenKind.NUMBER
                || after.kind() == TokenKind.STRING || after.kind() == TokenKind.CHAR
                || after.kind() == TokenKind.INTERPOLATED_STRING
                || (after.kind() == TokenKind.KEYWORD && !after.text().equals("as") && !after.text().equals("is"));
        if (onlyAType && !(after.kind() == TokenKind.OPERATOR && Set.of(")", ",", ";", "]", "}", ".").contains(after.text()))
                || operandFollows) {
            advance();
            return new Expr.Cast(open.position(), type, parseUnary());
        }
        index = start;
        return null;
    }

    private boolean lambdaAhead() {
        Token t = current();
        if (t.kind() == TokenKind.IDENTIFIER && peek(1).isOperator("=>")) {
            return true;
        }
        if (!t.isOperator("(")) {
            return false;
        }
        int depth = 0;
        for (int i = index; i < tokens.size(); i++) {
            Token k = tokens.get(i);
            if (k.isOperator("(")) {
                depth++;
            } else if (k.isOperator(")")) {
                depth--;
                if (depth == 0) {
                    return tokens.get(Math.min(i + 1, tokens.size() - 1)).isOperator("=>");
                }
            } else if (k.kind() == TokenKind.EOF) {
                return false;
            }
        }
        return false;
    }

    private Expr parseLambda() {
        Token start = current();
        List<Expr.LambdaParameter> parameters = new ArrayList<>();
        if (start.kind() == TokenKind.IDENTIFIER) {
            parameters.add(new Expr.LambdaParameter(null, advance().text()));
        } else {
            expectOperator("(");
            while (!atOperator(")")) {
                if (current().kind() == TokenKind.IDENTIFIER && (peek(1).isOperator(",") || peek(1).isOperator(")"))) {
                    parameters.add(new Expr.LambdaParameter(null, advance().text()));
                } else {
                    TypeSyntax type = parseType();
                    parameters.add(new Expr.LambdaParameter(type, expectIdentifier()));
                }
                if (!acceptOperator(",")) {
                    break;
                }
            }
            expectOperator(")");
        }
        expectOperator("=>");
        Object body = atOperator("{") ? parseBlock() : parseExpression();
        return new Expr.Lambda(start.position(), List.copyOf(parameters), body);
    }
}
