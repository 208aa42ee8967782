package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Expr;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.Objects;

/** {@code x is T}, {@code x is T name}, {@code x is null} / constant patterns, and {@code x as T}. */
final class TypeTestBinder {

    private final Binder b;

    TypeTestBinder(Binder binder) {
        this.b = binder;
    }

    Bound isType(Expr.IsType t) {
        Bound value = b.expressions.bindValue(t.operand());
        TypeSymbol type = b.expressions.type(t.type());
        Eval e = value.eval;
        if (t.designation() == null) {
            return Bound.value(t.position(), Types.BOOL, f -> {
                Object v = e.eval(f);
                return v != null && type.isInstance(v);
            });
        }
        Scope.Local local = b.scope.declare(t.position(), t.designation(), Types.underlying(type));
        int slot = local.slot();
        return Bound.value(t.position(), Types.BOOL, f -> {
            Object v = e.eval(f);
            if (v != null && type.isInstance(v)) {
                f.locals[slot] = v;
                return true;
            }
            return false;
        });
    }

    Bound isConstant(Expr.IsConstant t) {
        Bound value = b.expressions.bindValue(t.operand());
        Bound constant = b.expressions.bindValue(t.constant());
        if (!constant.isConstant() && !constant.isNullLiteral()) {
            throw new CompileError(t.constant().position(), "a constant is expected after 'is'");
        }
        Object c = constant.isNullLiteral() ? null : b.converter.implicit(constant, Types.underlying(value.type)).constant;
        Eval e = value.eval;
        return Bound.value(t.position(), Types.BOOL, f -> Objects.equals(e.eval(f), c));
    }

    Bound as(Expr.As a) {
        Bound value = b.expressions.bindValue(a.operand());
        TypeSymbol type = b.expressions.type(a.type());
        if (!type.acceptsNull()) {
            throw new CompileError(a.position(), "the 'as' operator needs a reference or nullable type, not '" + type.display() + "'");
        }
        Eval e = value.eval;
        return Bound.value(a.position(), type, f -> {
            Object v = e.eval(f);
            return v != null && type.isInstance(v) ? v : null;
        }).markedFromCast();
    }
}
