package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.Exec;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Stmt;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;

import java.util.ArrayList;
import java.util.List;

/**
 * Local functions: declared when their block starts (so calls may come first), bound where they are
 * written (so they see the locals declared before them).
 */
final class LocalFunctions {

    private LocalFunctions() {
    }

    static void declareAll(StatementBinder s, List<Stmt> statements) {
        Binder b = s.b;
        for (Stmt st : statements) {
            if (st instanceof Stmt.LocalFunction fn) {
                TypeSymbol returns = b.expressions.type(fn.returnType());
                List<String> names = new ArrayList<>();
                List<TypeSymbol> types = new ArrayList<>();
                for (Stmt.Parameter p : fn.parameters()) {
                    names.add(p.name());
                    types.add(b.expressions.type(p.type()));
                }
                LocalFunction function = new LocalFunction(fn.name(), returns, names, types, b.slots.allocate());
                b.scope.declareFunction(fn.position(), function);
                b.localFunctions.put(fn, function);
            }
        }
    }

    static void define(StatementBinder s, Stmt.LocalFunction fn) {
        Binder b = s.b;
        LocalFunction function = b.localFunctions.get(fn);
        if (function == null) {
            throw new CompileError(fn.position(), "a local function must be declared directly in a block");
        }
        int first = b.slots.count();
        Scope saved = b.scope;
        b.scope = b.scope.child();
        try {
            var params = function.symbol().parameters();
            int[] slots = new int[params.size()];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = b.scope.declare(fn.position(), params.get(i).name(), params.get(i).type()).slot();
            }
            TypeSymbol returns = function.symbol().returnType();
            StatementBinder.Body body = s.bindLambdaBody(fn.body(), returns);
            Exec exec = body.exec();
            function.define(slots, first, b.slots.count(), exec);
        } finally {
            b.scope = saved;
        }
    }
}
