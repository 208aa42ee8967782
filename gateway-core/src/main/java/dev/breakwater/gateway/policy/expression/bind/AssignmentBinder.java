package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.eval.Numbers;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Expr;
import dev.breakwater.gateway.policy.expression.types.NumericKind;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.function.UnaryOperator;

/**
 * {@code =}, compound assignment ({@code +=}, {@code ??=}, …) and {@code ++}/{@code --}: the target's
 * receiver and indexes are evaluated once; a compound result converts back to the target's type
 * (explicitly where C# allows it, as in {@code byte b += 1}).
 */
final class AssignmentBinder {

    private final Binder b;

    AssignmentBinder(Binder binder) {
        this.b = binder;
    }

    Bound incrementDecrement(Expr.IncrementDecrement i) {
        Bound target = b.expressions.bind(i.operand());
        LValue lvalue = assignable(i.position(), target);
        NumericKind k = NumericKind.of(Types.underlying(lvalue.type()));
        if (k == null) {
            throw new CompileError(i.position(), "operator '" + i.operator() + "' cannot be applied to an operand of type '"
                    + lvalue.type().display() + "'");
        }
        UnaryOperator<Object> step = Numbers.step(k, i.operator().equals("++") ? 1 : -1);
        Eval e = lvalue.assign((f, current) -> current == null ? null : step.apply(current), true, !i.prefix());
        return Bound.value(i.position(), lvalue.type(), e);
    }

    Bound assignment(Expr.Assignment a) {
        Bound target = b.expressions.bind(a.target());
        LValue lvalue = assignable(a.position(), target);
        TypeSymbol type = lvalue.type();
        String op = a.operator();
        if (op.equals("=")) {
            Eval value = b.expressions.bindValue(a.value(), type).eval;
            return Bound.value(a.position(), type, lvalue.assign((f, current) -> value.eval(f), false, false));
        }
        if (op.equals("??=")) {
            if (!type.acceptsNull()) {
                throw new CompileError(a.position(), "operator '??=' cannot be applied to type '" + type.display() + "'");
            }
            Eval value = b.expressions.bindValue(a.value(), type).eval;
            return Bound.value(a.position(), type, lvalue.assign((f, current) -> current != null ? current : value.eval(f),
                    true, false));
        }
        int slot = b.slots.allocate();
        Bound current = Bound.value(a.position(), type, f -> f.locals[slot]);
        Bound result = b.operators.binary(a.position(), op.substring(0, op.length() - 1), current, b.expressions.bindValue(a.value()));
        Bound converted = b.converter.isImplicit(result, type) ? b.converter.implicit(result, type)
                : b.converter.explicit(result, type, a.position());
        Eval compute = converted.eval;
        return Bound.value(a.position(), type, lvalue.assign((f, old) -> {
            f.locals[slot] = old;
            return compute.eval(f);
        }, true, false));
    }

    private static LValue assignable(int position, Bound target) {
        if (target.isValue() && target.lvalue != null) {
            return target.lvalue;
        }
        if (target.isValue() && target.isConstant() && target.position == position) {
            throw new CompileError(position, "a constant cannot be assigned to");
        }
        throw new CompileError(position, "the left-hand side of an assignment must be a variable, a settable property or an indexer");
    }
}
