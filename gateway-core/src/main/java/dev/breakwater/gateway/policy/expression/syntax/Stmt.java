package dev.breakwater.gateway.policy.expression.syntax;

import java.util.List;

/** Statement syntax of {@code @{ … }} blocks. */
public sealed interface Stmt {

    int position();

    record Block(int position, List<Stmt> statements) implements Stmt { }

    /** {@code T a = 1, b;} or {@code var a = …;}. */
    record LocalDeclaration(int position, TypeSyntax type, List<Declarator> declarators) implements Stmt { }

    record Declarator(int position, String name, Expr initializer) { }

    /** A local function: {@code int Twice(int x) { return x * 2; }}. */
    record LocalFunction(int position, TypeSyntax returnType, String name, List<Parameter> parameters,
                         Block body) implements Stmt { }

    record Parameter(TypeSyntax type, String name) { }

    record ExpressionStatement(int position, Expr expression) implements Stmt { }

    record If(int position, Expr condition, Stmt then, Stmt otherwise) implements Stmt { }

    record Switch(int position, Expr subject, List<SwitchSection> sections) implements Stmt { }

    record SwitchSection(List<SwitchLabel> labels, List<Stmt> statements) { }

    /** {@code case value:}, or {@code default:} when value is null. */
    record SwitchLabel(int position, Expr value) { }

    record For(int position, List<Stmt> initializers, Expr condition, List<Expr> iterators, Stmt body) implements Stmt { }

    record Foreach(int position, TypeSyntax type, String name, Expr collection, Stmt body) implements Stmt { }

    record While(int position, Expr condition, Stmt body) implements Stmt { }

    record DoWhile(int position, Stmt body, Expr condition) implements Stmt { }

    record Break(int position) implements Stmt { }

    record Continue(int position) implements Stmt { }

    record Return(int position, Expr value) implements Stmt { }

    record Throw(int position, Expr exception) implements Stmt { }

    record Try(int position, Block body, List<Catch> catches, Block finallyBlock) implements Stmt { }

    /** {@code catch (T name) when (filter) { … }}; type null for a bare {@code catch}. */
    record Catch(int position, TypeSyntax type, String name, Expr filter, Block body) { }

    record Empty(int position) implements Stmt { }
}
