package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.runtime.DefaultValues;
import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.eval.Exec;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Expr;
import dev.breakwater.gateway.policy.expression.syntax.Stmt;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.ArrayList;
import java.util.List;

/** Local declarations ({@code var} included), expression statements and if/else. */
final class SimpleStatementBinder {

    private final StatementBinder s;
    private final Binder b;

    SimpleStatementBinder(StatementBinder statements) {
        this.s = statements;
        this.b = statements.b;
    }

    StatementBinder.Bound declaration(Stmt.LocalDeclaration d) {
        boolean isVar = d.type().isVar();
        TypeSymbol declared = isVar ? null : b.expressions.type(d.type());
        List<Exec> execs = new ArrayList<>();
        for (Stmt.Declarator v : d.declarators()) {
            TypeSymbol type = declared;
            Eval init = null;
            if (v.initializer() != null) {
                Bound value;
                if (isVar) {
                    value = b.expressions.bindValue(v.initializer());
                    if (value.isNullLiteral() || Types.VOID.equals(value.type)) {
                        throw new CompileError(v.position(), "cannot infer the type of '" + v.name() + "' from "
                                + (value.isNullLiteral() ? "null" : "a method that returns void"));
                    }
                    type = value.type;
                } else {
                    value = b.expressions.bindValue(v.initializer(), type);
                }
                init = value.eval;
            } else if (isVar) {
                throw new CompileError(v.position(), "'var " + v.name() + "' needs an initializer");
            }
            int slot = b.scope.declare(v.position(), v.name(), type).slot();
            Object initial = DefaultValues.of(type);
            Eval e = init;
            execs.add(e == null ? f -> {
                f.locals[slot] = initial;
                return Exec.NORMAL;
            } : f -> {
                f.locals[slot] = e.eval(f);
                return Exec.NORMAL;
            });
        }
        Exec[] all = execs.toArray(new Exec[0]);
        return new StatementBinder.Bound(all.length == 1 ? all[0] : f -> {
            for (Exec e : all) {
                e.exec(f);
            }
            return Exec.NORMAL;
        }, true);
    }

    StatementBinder.Bound expression(Stmt.ExpressionStatement s) {
        Expr e = s.expression();
        if (!isStatementExpression(e)) {
            throw new CompileError(s.position(), "only assignment, call, increment, decrement and new object expressions can be used as a statement");
        }
        Eval eval = b.expressions.bindValue(e).eval;
        return new StatementBinder.Bound(f -> {
            eval.eval(f);
            return Exec.NORMAL;
        }, true);
    }

    private static boolean isStatementExpression(Expr e) {
        return e instanceof Expr.Assignment || e instanceof Expr.Invocation || e instanceof Expr.IncrementDecrement
                || e instanceof Expr.ObjectCreation || e instanceof Expr.Throw;
    }

    StatementBinder.Bound ifStatement(Stmt.If i) {
        Bound condition = b.expressions.condition(i.condition());
        Eval c = condition.eval;
        StatementBinder.Bound then = s.embedded(i.then());
        StatementBinder.Bound otherwise = i.otherwise() == null ? null : s.embedded(i.otherwise());
        boolean completes;
        if (Boolean.TRUE.equals(condition.constant)) {
            completes = then.completes();
        } else if (Boolean.FALSE.equals(condition.constant)) {
            completes = otherwise == null || otherwise.completes();
        } else {
            completes = then.completes() || otherwise == null || otherwise.completes();
        }
        Exec t = then.exec();
        if (otherwise == null) {
            return new StatementBinder.Bound(f -> (Boolean) c.eval(f) ? t.exec(f) : Exec.NORMAL, completes);
        }
        Exec o = otherwise.exec();
        return new StatementBinder.Bound(f -> (Boolean) c.eval(f) ? t.exec(f) : o.exec(f), completes);
    }
}
