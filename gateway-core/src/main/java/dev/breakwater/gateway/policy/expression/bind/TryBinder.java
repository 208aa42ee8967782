package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.ExpressionEvaluationException;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.eval.Exec;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Stmt;
import dev.breakwater.gateway.policy.expression.types.NamedType;
import dev.breakwater.gateway.policy.expression.types.TypeRelations;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * try/catch/finally and throw. A catch sees run-time failures as .NET exceptions (FormatException,
 * JsonReaderException…); an exhausted budget is never caught.
 */
final class TryBinder {

    private final StatementBinder s;
    /** Slots holding the exception of each enclosing catch, for {@code throw;}. */
    private final Deque<Integer> catchSlots = new ArrayDeque<>();

    TryBinder(StatementBinder statements) {
        this.s = statements;
    }

    StatementBinder.Bound throwStatement(Stmt.Throw t) {
        if (t.exception() == null) {
            if (catchSlots.isEmpty()) {
                throw new CompileError(t.position(), "'throw;' is only allowed in a catch clause");
            }
            int slot = catchSlots.peek();
            return new StatementBinder.Bound(f -> {
                throw (ExpressionEvaluationException) f.locals[slot];
            }, false);
        }
        Bound value = s.b.expressions.bindValue(t.exception());
        requireException(t.position(), value.type);
        Eval e = value.eval;
        return new StatementBinder.Bound(f -> {
            throw DotNetException.toThrow(e.eval(f));
        }, false);
    }

    StatementBinder.Bound bind(Stmt.Try t) {
        StatementBinder.Bound body = s.statement(t.body());
        boolean completes = body.completes();
        int n = t.catches().size();
        String[] types = new String[n];
        int[] slots = new int[n];
        Eval[] filters = new Eval[n];
        Exec[] handlers = new Exec[n];
        for (int i = 0; i < n; i++) {
            Stmt.Catch c = t.catches().get(i);
            int index = i;
            StatementBinder.Bound handler = s.b.inChildScope(() -> {
                TypeSymbol type = c.type() == null ? s.b.library.require("System.Exception").type() : s.b.expressions.type(c.type());
                requireException(c.position(), type);
                types[index] = ((NamedType) type).def().fullName();
                slots[index] = c.name() == null ? s.b.slots.allocate() : s.b.scope.declare(c.position(), c.name(), type).slot();
                filters[index] = c.filter() == null ? null : s.b.expressions.condition(c.filter()).eval;
                catchSlots.push(slots[index]);
                try {
                    return s.statement(c.body());
                } finally {
                    catchSlots.pop();
                }
            });
            handlers[i] = handler.exec();
            completes |= handler.completes();
        }
        Exec finallyExec = null;
        if (t.finallyBlock() != null) {
            StatementBinder.Bound fin = s.statement(t.finallyBlock());
            finallyExec = fin.exec();
            completes &= fin.completes();
        }
        Exec tryExec = body.exec();
        Exec fin = finallyExec;
        return new StatementBinder.Bound(f -> {
            try {
                return tryExec.exec(f);
            } catch (RuntimeException | StackOverflowError thrown) {
                ExpressionEvaluationException e = (ExpressionEvaluationException) DotNetException.translate(thrown);
                if (!e.catchable()) {
                    throw e;
                }
                for (int i = 0; i < handlers.length; i++) {
                    if (!DotNetException.isA(e.exceptionType(), types[i])) {
                        continue;
                    }
                    f.locals[slots[i]] = e;
                    if (filters[i] != null && !(Boolean) filters[i].eval(f)) {
                        continue;
                    }
                    return handlers[i].exec(f);
                }
                throw e;
            } finally {
                if (fin != null) {
                    fin.exec(f);
                }
            }
        }, completes);
    }

    private void requireException(int position, TypeSymbol type) {
        TypeSymbol exception = s.b.library.require("System.Exception").type();
        if (!TypeRelations.isSubtype(type, exception)) {
            throw new CompileError(position, "'" + type.display() + "' is not an exception type");
        }
    }
}
