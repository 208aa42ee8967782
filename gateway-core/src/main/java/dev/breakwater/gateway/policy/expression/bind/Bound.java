package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.ExpressionUse;
import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.syntax.Expr;
import dev.breakwater.gateway.policy.expression.types.Conversions;
import dev.breakwater.gateway.policy.expression.types.MethodSymbol;
import dev.breakwater.gateway.policy.expression.types.NullType;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;

import java.util.List;

/**
 * What binding an expression produced: a typed value with its evaluator (possibly a constant, possibly
 * assignable), or a type, a namespace, a method group, or a lambda still waiting for its target type.
 */
final class Bound {

    enum Kind { VALUE, TYPE, NAMESPACE, METHOD_GROUP, LAMBDA }

    final Kind kind;
    final int position;
    final TypeSymbol type;
    final Eval eval;
    /** The compile-time value, or {@link Conversions#NOT_CONSTANT}. */
    final Object constant;
    /** Non-null when the expression can be assigned to. */
    final LValue lvalue;
    /** NAMESPACE: the dotted name; METHOD_GROUP: the method name. */
    final String name;
    /** METHOD_GROUP: the receiver (a value, or a type for static calls). */
    final Bound receiver;
    final List<MethodSymbol> methods;
    final Expr.Lambda lambda;
    /**
     * True for a value that came out of an {@code object} by a cast or {@code as} (e.g. an IResponse kept
     * in a variable by send-request): reading its Body is not reading {@code context.Response.Body}.
     */
    final boolean fromCast;

    private Bound(Kind kind, int position, TypeSymbol type, Eval eval, Object constant, LValue lvalue, String name,
                  Bound receiver, List<MethodSymbol> methods, Expr.Lambda lambda, boolean fromCast) {
        this.kind = kind;
        this.position = position;
        this.type = type;
        this.eval = eval;
        this.constant = constant;
        this.lvalue = lvalue;
        this.name = name;
        this.receiver = receiver;
        this.methods = methods;
        this.lambda = lambda;
        this.fromCast = fromCast;
    }

    static Bound value(int position, TypeSymbol type, Eval eval) {
        return new Bound(Kind.VALUE, position, type, eval, Conversions.NOT_CONSTANT, null, null, null, null, null, false);
    }

    static Bound constant(int position, TypeSymbol type, Object value) {
        return new Bound(Kind.VALUE, position, type, f -> value, value, null, null, null, null, null, false);
    }

    static Bound variable(int position, TypeSymbol type, Eval eval, LValue lvalue) {
        return new Bound(Kind.VALUE, position, type, eval, Conversions.NOT_CONSTANT, lvalue, null, null, null, null, false);
    }

    static Bound type(int position, TypeSymbol type) {
        return new Bound(Kind.TYPE, position, type, null, Conversions.NOT_CONSTANT, null, null, null, null, null, false);
    }

    static Bound namespace(int position, String name) {
        return new Bound(Kind.NAMESPACE, position, null, null, Conversions.NOT_CONSTANT, null, name, null, null, null, false);
    }

    static Bound methodGroup(int position, String name, Bound receiver, List<MethodSymbol> methods) {
        return new Bound(Kind.METHOD_GROUP, position, null, null, Conversions.NOT_CONSTANT, null, name, receiver,
                methods, null, false);
    }

    static Bound lambda(Expr.Lambda lambda) {
        return new Bound(Kind.LAMBDA, lambda.position(), null, null, Conversions.NOT_CONSTANT, null, null, null, null,
                lambda, false);
    }

    /** The same value, marked as coming from a cast of {@code object} (e.g. an IResponse from a variable). */
    Bound markedFromCast() {
        return new Bound(kind, position, type, eval, constant, lvalue, name, receiver, methods, lambda, true);
    }

    boolean isValue() {
        return kind == Kind.VALUE;
    }

    boolean isConstant() {
        return constant != Conversions.NOT_CONSTANT;
    }

    boolean isNullLiteral() {
        return type instanceof NullType;
    }
}
