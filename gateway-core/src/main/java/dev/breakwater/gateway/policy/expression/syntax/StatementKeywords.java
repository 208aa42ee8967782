package dev.breakwater.gateway.policy.expression.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The statements that start with a keyword: if, switch, loops, jumps, throw, try. */
final class StatementKeywords {

    private static final Set<String> UNSUPPORTED = Set.of(
            "lock", "goto", "fixed", "unsafe", "checked", "yield", "class", "struct",
            "interface", "enum", "namespace", "delegate", "static", "public", "private", "internal", "protected");

    private final Parser p;

    StatementKeywords(Parser parser) {
        this.p = parser;
    }

    /** The statement starting at keyword {@code t}, or null when the keyword starts something else. */
    Stmt parse(Token t) {
        switch (t.text()) {
            case "if":
                return parseIf(t);
            case "switch":
                return parseSwitch(t);
            case "for":
                return parseFor(t);
            case "foreach":
                return parseForeach(t);
            case "while": {
                p.next();
                Expr condition = parenthesized();
                return new Stmt.While(t.position(), condition, p.statement());
            }
            case "do": {
                p.next();
                Stmt body = p.statement();
                Token w = p.next();
                if (!w.isKeyword("while")) {
                    throw p.errorAt(w, "expected 'while' but found " + w.describe());
                }
                Expr condition = parenthesized();
                p.expect(";");
                return new Stmt.DoWhile(t.position(), body, condition);
            }
            case "break":
                p.next();
                p.expect(";");
                return new Stmt.Break(t.position());
            case "continue":
                p.next();
                p.expect(";");
                return new Stmt.Continue(t.position());
            case "return": {
                p.next();
                Expr value = p.cursor().isOperator(";") ? null : p.expression();
                p.expect(";");
                return new Stmt.Return(t.position(), value);
            }
            case "throw": {
                p.next();
                Expr value = p.cursor().isOperator(";") ? null : p.expression();
                p.expect(";");
                return new Stmt.Throw(t.position(), value);
            }
            case "try":
                return parseTry(t);
            case "unchecked":
                if (p.peekAhead(1).isOperator("{")) {
                    p.next();
                    return p.block();
                }
                return null;
            case "using":
                return parseUsing(t);
            default:
                if (UNSUPPORTED.contains(t.text())) {
                    throw p.errorAt(t, "'" + t.text() + "' is not supported in policy expressions");
                }
                return null;
        }
    }

    private Expr parenthesized() {
        p.expect("(");
        Expr e = p.expression();
        p.expect(")");
        return e;
    }

    private Stmt parseIf(Token t) {
        p.next();
        Expr condition = parenthesized();
        Stmt then = p.statement();
        Stmt otherwise = null;
        if (p.cursor().isKeyword("else")) {
            p.next();
            otherwise = p.statement();
        }
        return new Stmt.If(t.position(), condition, then, otherwise);
    }

    private Stmt parseSwitch(Token t) {
        p.next();
        Expr subject = parenthesized();
        p.expect("{");
        List<Stmt.SwitchSection> sections = new ArrayList<>();
        while (!p.cursor().isOperator("}")) {
            List<Stmt.SwitchLabel> labels = new ArrayList<>();
            while (p.cursor().isKeyword("case") || p.cursor().isKeyword("default")) {
                Token label = p.next();
                Expr value = label.isKeyword("case") ? p.expression() : null;
                if (p.cursor().is(TokenKind.IDENTIFIER, "when")) {
                    throw p.errorAt(p.cursor(), "'case … when' patterns are not supported in policy expressions");
                }
                p.expect(":");
                labels.add(new Stmt.SwitchLabel(label.position(), value));
            }
            if (labels.isEmpty()) {
                throw p.errorAt(p.cursor(), "expected 'case' or 'default' but found " + p.cursor().describe());
            }
            List<Stmt> statements = new ArrayList<>();
            while (!p.cursor().isKeyword("case") && !p.cursor().isKeyword("default") && !p.cursor().isOperator("}")) {
                if (p.cursor().kind() == TokenKind.EOF) {
                    throw p.errorAt(p.cursor(), "expected '}' but found end of expression");
                }
                statements.add(p.statement());
            }
            sections.add(new Stmt.SwitchSection(List.copyOf(labels), List.copyOf(statements)));
        }
        p.next();
        return new Stmt.Switch(t.position(), subject, List.copyOf(sections));
    }

    private Stmt parseFor(Token t) {
        p.next();
        p.expect("(");
        List<Stmt> initializers = new ArrayList<>();
        if (!p.cursor().isOperator(";")) {
            Stmt declaration = declarationWithoutSemicolon();
            if (declaration != null) {
                initializers.add(declaration);
            } else {
                do {
                    Token at = p.cursor();
                    initializers.add(new Stmt.ExpressionStatement(at.position(), p.expression()));
                } while (p.accept(","));
            }
        }
        p.expect(";");
        Expr condition = p.cursor().isOperator(";") ? null : p.expression();
        p.expect(";");
        List<Expr> iterators = new ArrayList<>();
        if (!p.cursor().isOperator(")")) {
            do {
                iterators.add(p.expression());
            } while (p.accept(","));
        }
        p.expect(")");
        return new Stmt.For(t.position(), List.copyOf(initializers), condition, List.copyOf(iterators), p.statement());
    }

    private Stmt declarationWithoutSemicolon() {
        int save = p.index;
        Token first = p.cursor();
        TypeSyntax type = p.tryParseType(true);
        if (type != null && p.cursor().kind() == TokenKind.IDENTIFIER
                && (p.peekAhead(1).isOperator("=") || p.peekAhead(1).isOperator(";") || p.peekAhead(1).isOperator(","))) {
            return p.parseDeclarators(first, type);
        }
        p.index = save;
        return null;
    }

    private Stmt parseForeach(Token t) {
        p.next();
        p.expect("(");
        TypeSyntax type = p.type();
        String name = p.identifier();
        Token in = p.next();
        if (!in.isKeyword("in")) {
            throw p.errorAt(in, "expected 'in' but found " + in.describe());
        }
        Expr collection = p.expression();
        p.expect(")");
        return new Stmt.Foreach(t.position(), type, name, collection, p.statement());
    }

    /**
     * {@code using (var x = …) statement}: nothing here holds resources, so it is the declaration
     * followed by the statement, in a block of their own.
     */
    private Stmt parseUsing(Token t) {
        p.next();
        p.expect("(");
        Stmt resource = declarationWithoutSemicolon();
        if (resource == null) {
            Token at = p.cursor();
            resource = new Stmt.ExpressionStatement(at.position(), p.expression());
        }
        p.expect(")");
        Stmt body = p.statement();
        return new Stmt.Block(t.position(), java.util.List.of(resource, body));
    }

    private Stmt parseTry(Token t) {
        p.next();
        Stmt.Block body = p.block();
        List<Stmt.Catch> catches = new ArrayList<>();
        while (p.cursor().isKeyword("catch")) {
            Token c = p.next();
            TypeSyntax type = null;
            String name = null;
            if (p.accept("(")) {
                type = p.type();
                if (p.cursor().kind() == TokenKind.IDENTIFIER) {
                    name = p.identifier();
                }
                p.expect(")");
            }
            Expr filter = null;
            if (p.cursor().kind() == TokenKind.IDENTIFIER && p.cursor().text().equals("when")) {
                p.next();
                filter = parenthesized();
            }
            catches.add(new Stmt.Catch(c.position(), type, name, filter, p.block()));
        }
        Stmt.Block finallyBlock = null;
        if (p.cursor().isKeyword("finally")) {
            p.next();
            finallyBlock = p.block();
        }
        if (catches.isEmpty() && finallyBlock == null) {
            throw p.errorAt(p.cursor(), "expected 'catch' or 'finally' after 'try' block");
        }
        return new Stmt.Try(t.position(), body, List.copyOf(catches), finallyBlock);
    }
}
