package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.Enumerables;
import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.eval.Exec;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Expr;
import dev.breakwater.gateway.policy.expression.syntax.Stmt;
import dev.breakwater.gateway.policy.expression.types.Conversions;
import dev.breakwater.gateway.policy.expression.types.TypeRelations;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** while, do, for and foreach; each iteration is a step of the evaluation budget. */
final class LoopBinder {

    private final StatementBinder s;

    LoopBinder(StatementBinder statements) {
        this.s = statements;
    }

    StatementBinder.Bound bind(Stmt st) {
        return s.b.inChildScope(() -> {
            if (st instanceof Stmt.While w) {
                return whileLoop(w.condition(), w.body(), false);
            }
            if (st instanceof Stmt.DoWhile d) {
                return whileLoop(d.condition(), d.body(), true);
            }
            if (st instanceof Stmt.For f) {
                return forLoop(f);
            }
            return foreach((Stmt.Foreach) st);
        });
    }

    private StatementBinder.Bound whileLoop(Expr conditionSyntax, Stmt bodySyntax, boolean doWhile) {
        Bound condition = s.b.expressions.condition(conditionSyntax);
        StatementBinder.Target target = new StatementBinder.Target(true);
        StatementBinder.Bound body = s.withTarget(target, () -> s.embedded(bodySyntax));
        boolean forever = Boolean.TRUE.equals(condition.constant);
        Eval c = condition.eval;
        Exec e = body.exec();
        Exec exec = doWhile ? f -> {
            do {
                f.step();
                int r = e.exec(f);
                if (r == Exec.BREAK) {
                    break;
                }
                if (r == Exec.RETURN) {
                    return r;
                }
            } while ((Boolean) c.eval(f));
            return Exec.NORMAL;
        } : f -> {
            while ((Boolean) c.eval(f)) {
                f.step();
                int r = e.exec(f);
                if (r == Exec.BREAK) {
                    break;
                }
                if (r == Exec.RETURN) {
                    return r;
                }
            }
            return Exec.NORMAL;
        };
        return new StatementBinder.Bound(exec, !forever || target.broken);
    }

    private StatementBinder.Bound forLoop(Stmt.For loop) {
        List<Exec> init = new ArrayList<>();
        for (Stmt i : loop.initializers()) {
            init.add(s.statement(i).exec());
        }
        Bound condition = loop.condition() == null ? null : s.b.expressions.condition(loop.condition());
        List<Eval> iterators = new ArrayList<>();
        for (Expr i : loop.iterators()) {
            iterators.add(s.b.expressions.bindValue(i).eval);
        }
        StatementBinder.Target target = new StatementBinder.Target(true);
        StatementBinder.Bound body = s.withTarget(target, () -> s.embedded(loop.body()));
        boolean forever = condition == null || Boolean.TRUE.equals(condition.constant);
        Exec[] inits = init.toArray(new Exec[0]);
        Eval c = condition == null ? f -> true : condition.eval;
        Eval[] steps = iterators.toArray(new Eval[0]);
        Exec e = body.exec();
        return new StatementBinder.Bound(f -> {
            for (Exec i : inits) {
                i.exec(f);
            }
            while ((Boolean) c.eval(f)) {
                f.step();
                int r = e.exec(f);
                if (r == Exec.BREAK) {
                    break;
                }
                if (r == Exec.RETURN) {
                    return r;
                }
                for (Eval step : steps) {
                    step.eval(f);
                }
            }
            return Exec.NORMAL;
        }, !forever || target.broken);
    }

    private StatementBinder.Bound foreach(Stmt.Foreach loop) {
        Bound collection = s.b.expressions.bindValue(loop.collection());
        TypeSymbol element = TypeRelations.elementType(collection.type);
        if (element == null) {
            throw new CompileError(loop.collection().position(), "foreach cannot enumerate a value of type '"
                    + collection.type.display() + "'");
        }
        Bound source = s.b.converter.implicit(collection,
                Types.IENUMERABLE.of(element));
        TypeSymbol declared = loop.type().isVar() ? element : s.b.expressions.type(loop.type());
        Conversions.Conversion conversion = Conversions.classify(element, declared, Conversions.NOT_CONSTANT);
        if (!conversion.exists()) {
            throw new CompileError(loop.position(), "cannot convert type '" + element.display() + "' to '" + declared.display() + "'");
        }
        int itemSlot = s.b.slots.allocate();
        Bound raw = Bound.value(loop.position(), element, f -> f.locals[itemSlot]);
        Eval convert = s.b.converter.apply(conversion, raw, declared).eval;
        int slot = s.b.scope.declare(loop.position(), loop.name(), declared).slot();
        StatementBinder.Target target = new StatementBinder.Target(true);
        StatementBinder.Bound body = s.withTarget(target, () -> s.embedded(loop.body()));
        Eval src = source.eval;
        Exec e = body.exec();
        return new StatementBinder.Bound(f -> {
            Iterator<?> it = Enumerables.iterate(src.eval(f));
            while (it.hasNext()) {
                f.step();
                f.locals[itemSlot] = it.next();
                f.locals[slot] = convert.eval(f);
                int r = e.exec(f);
                if (r == Exec.BREAK) {
                    break;
                }
                if (r == Exec.RETURN) {
                    return r;
                }
            }
            return Exec.NORMAL;
        }, true);
    }
}
