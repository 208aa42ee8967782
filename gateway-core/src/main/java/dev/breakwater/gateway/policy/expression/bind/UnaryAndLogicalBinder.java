package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.eval.Numbers;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Expr;
import dev.breakwater.gateway.policy.expression.types.Conversions;
import dev.breakwater.gateway.policy.expression.types.NumericKind;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.function.UnaryOperator;

/**
 * Unary operators (with numeric promotion and lifting), the short-circuit {@code &&} and {@code ||},
 * and {@code ??} with C#'s typing rules.
 */
final class UnaryAndLogicalBinder {

    private final Binder b;
    private final UserOperators user;

    UnaryAndLogicalBinder(Binder binder, UserOperators user) {
        this.b = binder;
        this.user = user;
    }

    Bound unary(Expr.Unary u) {
        Bound operand = b.expressions.bindValue(u.operand());
        TypeSymbol t = operand.type;
        boolean lifted = Types.isNullable(t);
        TypeSymbol base = Types.underlying(t);
        if (u.operator().equals("!")) {
            if (!Types.isBool(base)) {
                throw badUnary(u, t);
            }
            return fold(operand, lifted ? Types.nullable(Types.BOOL) : Types.BOOL, v -> v == null ? null : !(Boolean) v);
        }
        NumericKind k = NumericKind.of(base);
        if (k == null) {
            Bound userDefined = u.operator().equals("-") ? user.unary(u.position(), "op_UnaryNegation", operand) : null;
            if (userDefined != null) {
                return userDefined;
            }
            throw badUnary(u, t);
        }
        NumericKind promoted = k == NumericKind.BYTE || k == NumericKind.SHORT || k == NumericKind.CHAR ? NumericKind.INT : k;
        if (u.operator().equals("~") && !promoted.isIntegral()) {
            throw badUnary(u, t);
        }
        Bound converted = b.converter.implicit(operand, lifted ? Types.nullable(promoted.type()) : promoted.type());
        if (u.operator().equals("+")) {
            return converted;
        }
        UnaryOperator<Object> op = Numbers.unary(u.operator(), promoted);
        return fold(converted, converted.type, v -> v == null ? null : op.apply(v));
    }

    private static CompileError badUnary(Expr.Unary u, TypeSymbol t) {
        return new CompileError(u.position(), "operator '" + u.operator() + "' cannot be applied to an operand of type '"
                + t.display() + "'");
    }

    private static Bound fold(Bound operand, TypeSymbol type, UnaryOperator<Object> op) {
        if (operand.isConstant()) {
            return Bound.constant(operand.position, type, op.apply(operand.constant));
        }
        Eval e = operand.eval;
        return Bound.value(operand.position, type, f -> op.apply(e.eval(f)));
    }

    Bound logical(Expr.Binary x) {
        Eval l = b.expressions.condition(x.left()).eval;
        Eval r = b.expressions.condition(x.right()).eval;
        if (x.operator().equals("&&")) {
            return Bound.value(x.position(), Types.BOOL, f -> (Boolean) l.eval(f) && (Boolean) r.eval(f));
        }
        return Bound.value(x.position(), Types.BOOL, f -> (Boolean) l.eval(f) || (Boolean) r.eval(f));
    }

    Bound coalesce(Expr.Binary x) {
        Bound left = b.expressions.bindValue(x.left());
        if (!left.type.acceptsNull() && !left.isNullLiteral()) {
            throw new CompileError(x.position(), "operator '??' cannot be applied to an operand of type '" + left.type.display() + "'");
        }
        boolean rightThrows = x.right() instanceof Expr.Throw;
        Bound right = x.right() instanceof Expr.Lambda l ? Bound.lambda(l) : b.expressions.bind(x.right());
        TypeSymbol a0 = Types.underlying(left.type);
        TypeSymbol type;
        Eval l = left.eval;
        Eval r;
        if (rightThrows) {
            type = a0;
            r = right.eval;
        } else if (Types.isNullable(left.type) && b.converter.isImplicit(right, a0)) {
            type = a0;
            r = b.converter.implicit(right, a0).eval;
        } else if (b.converter.isImplicit(right, left.type)) {
            type = left.isNullLiteral() ? right.type : left.type;
            r = b.converter.implicit(right, type).eval;
        } else if (right.isValue() && Conversions.isImplicit(a0, right.type)) {
            type = right.type;
            int slot = b.slots.allocate();
            Eval lc = b.converter.implicit(Bound.value(left.position, a0, f -> f.locals[slot]), type).eval;
            Eval rr = right.eval;
            return Bound.value(x.position(), type, f -> {
                Object v = l.eval(f);
                if (v == null) {
                    return rr.eval(f);
                }
                f.locals[slot] = v;
                return lc.eval(f);
            });
        } else {
            throw new CompileError(x.position(), "operator '??' cannot be applied to operands of type '"
                    + left.type.display() + "' and '" + (right.isValue() ? right.type.display() : "lambda") + "'");
        }
        Eval rr = r;
        return Bound.value(x.position(), type, f -> {
            Object v = l.eval(f);
            return v != null ? v : rr.eval(f);
        });
    }
}
