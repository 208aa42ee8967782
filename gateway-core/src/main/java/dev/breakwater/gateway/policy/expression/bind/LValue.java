package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.eval.Frame;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;

/**
 * Something an expression can assign to: a local, a property, an indexer, an array element.
 * The receiver and index expressions are evaluated once, as C# does for {@code a[i] += 1}.
 */
interface LValue {

    TypeSymbol type();

    /** Computes the new value from the current one. */
    @FunctionalInterface
    interface Update {
        Object apply(Frame frame, Object current);
    }

    /**
     * The evaluator of an assignment: reads the current value when {@code read} is set, stores
     * {@code update(current)}, and yields the stored value, or the old one when {@code yieldOld}.
     */
    Eval assign(Update update, boolean read, boolean yieldOld);

    /** Stores into a local slot. */
    static LValue local(TypeSymbol type, int slot) {
        return new LValue() {
            @Override
            public TypeSymbol type() {
                return type;
            }

            @Override
            public Eval assign(Update update, boolean read, boolean yieldOld) {
                return f -> {
                    Object old = f.locals[slot];
                    Object value = update.apply(f, old);
                    f.locals[slot] = value;
                    return yieldOld ? old : value;
                };
            }
        };
    }
}
