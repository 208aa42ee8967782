package dev.breakwater.gateway.policy.expression.syntax;

import java.util.List;

/** Expression syntax: what the parser produced, before any typing. Each node knows its text offset. */
public sealed interface Expr {

    int position();

    /** null, Boolean, Character, String, Integer, Long, Float, Double or BigDecimal. */
    record Literal(int position, Object value) implements Expr { }

    /** {@code $"…"}: parts are Strings and {@link Hole}s. */
    record Interpolated(int position, List<Object> parts) implements Expr { }

    record Hole(Expr value, Expr alignment, String format) { }

    /** A simple name, with type arguments when written as {@code Name<T>}. Predefined type keywords are names too. */
    record Name(int position, String name, List<TypeSyntax> typeArguments) implements Expr { }

    record MemberAccess(int position, Expr target, String name, List<TypeSyntax> typeArguments,
                        boolean conditional) implements Expr { }

    record Invocation(int position, Expr target, List<Argument> arguments) implements Expr { }

    record ElementAccess(int position, Expr target, List<Argument> arguments, boolean conditional) implements Expr { }

    /** {@code + - ! ~}. */
    record Unary(int position, String operator, Expr operand) implements Expr { }

    /** {@code ++x}, {@code x--}, … */
    record IncrementDecrement(int position, String operator, Expr operand, boolean prefix) implements Expr { }

    record Binary(int position, String operator, Expr left, Expr right) implements Expr { }

    record Conditional(int position, Expr condition, Expr whenTrue, Expr whenFalse) implements Expr { }

    /** {@code =}, {@code +=}, {@code ??=}, … */
    record Assignment(int position, String operator, Expr target, Expr value) implements Expr { }

    record Cast(int position, TypeSyntax type, Expr operand) implements Expr { }

    /** {@code x is T} or {@code x is T name} (designation null when absent). */
    record IsType(int position, Expr operand, TypeSyntax type, String designation) implements Expr { }

    /** {@code x is null}, {@code x is "a"}: a constant pattern. */
    record IsConstant(int position, Expr operand, Expr constant) implements Expr { }

    record As(int position, Expr operand, TypeSyntax type) implements Expr { }

    /** {@code x => …}, {@code (a, b) => …}; body is an {@link Expr} or a {@link Stmt.Block}. */
    record Lambda(int position, List<LambdaParameter> parameters, Object body) implements Expr { }

    /** {@code new T(args) { initializers }}; arguments null when no parentheses, initializers null when none. */
    record ObjectCreation(int position, TypeSyntax type, List<Argument> arguments,
                          List<Initializer> initializers) implements Expr { }

    /** {@code new T[n]}, {@code new T[] {…}}, {@code new[] {…}} (elementType null). */
    record ArrayCreation(int position, TypeSyntax elementType, Expr size, List<Expr> elements) implements Expr { }

    /** {@code new { a = 1, b }}. */
    record AnonymousObject(int position, List<AnonymousMember> members) implements Expr { }

    record Default(int position, TypeSyntax type) implements Expr { }

    /** {@code throw e} as an expression ({@code x ?? throw …}). */
    record Throw(int position, Expr exception) implements Expr { }

    record Argument(int position, String name, String refKind, Expr value, TypeSyntax declaredType, String declaredName) {
        /** {@code out var x} / {@code out T x}: a declaration rather than an expression. */
        public boolean declaresVariable() {
            return declaredName != null;
        }
    }

    record LambdaParameter(TypeSyntax type, String name) { }

    record AnonymousMember(String name, Expr value) { }

    /** One entry of an object or collection initializer. */
    sealed interface Initializer { int position(); }

    /** {@code Name = value}. */
    record MemberInitializer(int position, String name, Expr value) implements Initializer { }

    /** {@code [key] = value}. */
    record IndexInitializer(int position, List<Argument> arguments, Expr value) implements Initializer { }

    /** {@code value} or {@code { a, b }}: a call to Add. */
    record ElementInitializer(int position, List<Expr> values) implements Initializer { }
}
