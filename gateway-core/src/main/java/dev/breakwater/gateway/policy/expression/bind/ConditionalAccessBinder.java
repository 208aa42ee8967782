package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Expr;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

/**
 * Null-conditional chains: in {@code a?.B.C()} the whole chain is skipped when {@code a} is null, as in
 * C#. The receiver is evaluated once into a frame slot; the chain is bound with that slot in its place.
 */
final class ConditionalAccessBinder {

    private final Binder b;

    ConditionalAccessBinder(Binder binder) {
        this.b = binder;
    }

    /** The innermost {@code ?.} or {@code ?[} of the postfix chain ending at {@code e}, or null. */
    Expr innermostConditional(Expr e) {
        Expr found = null;
        for (Expr node = e; node != null; node = target(node)) {
            if (b.substitutions.containsKey(node)) {
                break;
            }
            boolean conditional = node instanceof Expr.MemberAccess m && m.conditional()
                    || node instanceof Expr.ElementAccess x && x.conditional();
            if (conditional && !b.plainAccess.contains(node)) {
                found = node;
            }
        }
        return found;
    }

    private static Expr target(Expr node) {
        if (node instanceof Expr.MemberAccess m) {
            return m.target();
        }
        if (node instanceof Expr.Invocation i) {
            return i.target();
        }
        if (node instanceof Expr.ElementAccess x) {
            return x.target();
        }
        return null;
    }

    /** {@code whole}, evaluated only when the receiver of {@code conditional} is not null (else null). */
    Bound conditionalChain(Expr whole, Expr conditional) {
        Expr receiverSyntax = target(conditional);
        Bound receiver = b.expressions.bindValue(receiverSyntax);
        if (!receiver.type.acceptsNull()) {
            throw new CompileError(conditional.position(), "'?.' needs a value that can be null, not '"
                    + receiver.type.display() + "'");
        }
        int slot = b.slots.allocate();
        Bound placeholder = Bound.value(receiver.position, Types.underlying(receiver.type), f -> f.locals[slot]);
        if (receiver.fromCast) {
            placeholder = placeholder.markedFromCast();
        }
        b.substitutions.put(receiverSyntax, placeholder);
        b.plainAccess.add(conditional);
        Bound rest;
        try {
            rest = b.expressions.bindValue(whole);
        } finally {
            b.substitutions.remove(receiverSyntax);
            b.plainAccess.remove(conditional);
        }
        TypeSymbol type = rest.type.isValueType() && !Types.VOID.equals(rest.type) ? Types.nullable(rest.type) : rest.type;
        Eval r = receiver.eval;
        Eval tail = rest.eval;
        return Bound.value(whole.position(), type, f -> {
            Object v = r.eval(f);
            if (v == null) {
                return null;
            }
            f.locals[slot] = v;
            return tail.eval(f);
        });
    }
}
