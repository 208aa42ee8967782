package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.eval.Invoker;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;

/** Assignment through an indexer: {@code dict["a"] = 1}, {@code json["x"] = "y"}. */
final class IndexerLValue {

    private IndexerLValue() {
    }

    static LValue of(Eval target, Eval[] keys, Invoker get, Invoker set, TypeSymbol type) {
        return new LValue() {
            @Override
            public TypeSymbol type() {
                return type;
            }

            @Override
            public Eval assign(Update update, boolean read, boolean yieldOld) {
                return f -> {
                    Object self = target.eval(f);
                    if (self == null) {
                        throw DotNetException.nullReference();
                    }
                    Object key = keys[0].eval(f);
                    Object old = read ? get.invoke(f, self, new Object[] {key}) : null;
                    Object value = update.apply(f, old);
                    set.invoke(f, self, new Object[] {key, value});
                    return yieldOld ? old : value;
                };
            }
        };
    }
}
