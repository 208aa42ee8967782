package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.types.Conversions;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.eval.Exec;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Expr;
import dev.breakwater.gateway.policy.expression.syntax.Stmt;
import dev.breakwater.gateway.policy.expression.types.NullType;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Statements of {@code @{ }} blocks and block-bodied lambdas, with C#'s reachability rules: every path
 * of a body must end in {@code return} (or {@code throw}), and a switch section must not fall through.
 */
final class StatementBinder {

    /** A bound body: its executor and the type its returns produce. */
    record Body(Exec exec, TypeSymbol type) { }

    /** A bound statement and whether control can flow past its end. */
    record Bound(Exec exec, boolean completes) { }

    /** A break/continue target: a loop, or a switch (break only). */
    static final class Target {
        final boolean loop;
        boolean broken;

        Target(boolean loop) {
            this.loop = loop;
        }
    }

    /** What {@code return} must produce in the body being bound. */
    private static final class Returns {
        final TypeSymbol target;
        final boolean infer;
        final boolean lambda;
        final List<TypeSymbol> seen = new ArrayList<>();

        Returns(TypeSymbol target, boolean infer, boolean lambda) {
            this.target = target;
            this.infer = infer;
            this.lambda = lambda;
        }
    }

    final Binder b;
    Deque<Target> targets = new ArrayDeque<>();
    private Returns returns;
    private final LoopBinder loops;
    private final SwitchBinder switches;
    private final TryBinder tries;
    private final SimpleStatementBinder simple;

    StatementBinder(Binder binder) {
        this.b = binder;
        this.loops = new LoopBinder(this);
        this.switches = new SwitchBinder(this);
        this.tries = new TryBinder(this);
        this.simple = new SimpleStatementBinder(this);
    }

    /** The {@code @{ }} body; {@code target} null accepts any value. */
    Body bindBody(Stmt.Block block, TypeSymbol target) {
        returns = new Returns(target, target == null, false);
        Bound body = statement(block);
        if (body.completes()) {
            throw new CompileError(block.position(), "not all code paths return a value: add a 'return' at the end");
        }
        return new Body(body.exec(), resultType(returns, Types.OBJECT));
    }

    /** A lambda's block body; {@code returnType} null means "infer", void means "no value". */
    Body bindLambdaBody(Stmt.Block block, TypeSymbol returnType) {
        Returns savedReturns = returns;
        Deque<Target> savedTargets = targets;
        returns = new Returns(returnType, returnType == null, true);
        targets = new ArrayDeque<>();
        try {
            Bound body = statement(block);
            boolean isVoid = returnType != null && Types.VOID.equals(returnType);
            if (body.completes() && !isVoid && !(returnType == null && returns.seen.isEmpty())) {
                throw new CompileError(block.position(), "not all code paths of the lambda return a value");
            }
            TypeSymbol type = isVoid || returns.seen.isEmpty() ? (returnType == null ? null : returnType)
                    : resultType(returns, null);
            return new Body(body.exec(), type);
        } finally {
            returns = savedReturns;
            targets = savedTargets;
        }
    }

    private static TypeSymbol resultType(Returns r, TypeSymbol fallback) {
        if (r.target != null) {
            return r.target;
        }
        TypeSymbol common = null;
        for (TypeSymbol t : r.seen) {
            if (t instanceof NullType) {
                continue;
            }
            if (common == null) {
                common = t;
            } else if (!common.equals(t)) {
                if (Conversions.isImplicit(t, common)) {
                    continue;
                }
                if (Conversions.isImplicit(common, t)) {
                    common = t;
                    continue;
                }
                return fallback == null ? Types.OBJECT : fallback;
            }
        }
        return common == null ? (fallback == null ? Types.OBJECT : fallback) : common;
    }

    Bound statement(Stmt s) {
        if (s instanceof Stmt.Block block) {
            return b.inChildScope(() -> block(block.statements()));
        } else if (s instanceof Stmt.LocalDeclaration d) {
            return simple.declaration(d);
        } else if (s instanceof Stmt.LocalFunction fn) {
            LocalFunctions.define(this, fn);
            return new Bound(f -> Exec.NORMAL, true);
        } else if (s instanceof Stmt.ExpressionStatement e) {
            return simple.expression(e);
        } else if (s instanceof Stmt.If i) {
            return simple.ifStatement(i);
        } else if (s instanceof Stmt.While || s instanceof Stmt.DoWhile || s instanceof Stmt.For || s instanceof Stmt.Foreach) {
            return loops.bind(s);
        } else if (s instanceof Stmt.Switch sw) {
            return switches.bind(sw);
        } else if (s instanceof Stmt.Break br) {
            Target t = targets.peek();
            if (t == null) {
                throw new CompileError(br.position(), "'break' must be inside a loop or a switch");
            }
            t.broken = true;
            return new Bound(f -> Exec.BREAK, false);
        } else if (s instanceof Stmt.Continue c) {
            Target loop = targets.stream().filter(t -> t.loop).findFirst().orElse(null);
            if (loop == null) {
                throw new CompileError(c.position(), "'continue' must be inside a loop");
            }
            return new Bound(f -> Exec.CONTINUE, false);
        } else if (s instanceof Stmt.Return r) {
            return returnStatement(r);
        } else if (s instanceof Stmt.Throw t) {
            return tries.throwStatement(t);
        } else if (s instanceof Stmt.Try t) {
            return tries.bind(t);
        } else if (s instanceof Stmt.Empty) {
            return new Bound(f -> Exec.NORMAL, true);
        }
        throw new CompileError(s.position(), "unsupported statement");
    }

    /** The statements of a block, in the current scope (local functions are declared first). */
    Bound block(List<Stmt> statements) {
        LocalFunctions.declareAll(this, statements);
        List<Exec> execs = new ArrayList<>();
        boolean completes = true;
        for (Stmt s : statements) {
            Bound bound = statement(s);
            if (completes) {
                execs.add(bound.exec());
            }
            completes &= bound.completes();
        }
        Exec[] all = execs.toArray(new Exec[0]);
        if (all.length == 1) {
            return new Bound(all[0], completes);
        }
        return new Bound(f -> {
            for (Exec e : all) {
                int r = e.exec(f);
                if (r != Exec.NORMAL) {
                    return r;
                }
            }
            return Exec.NORMAL;
        }, completes);
    }

    /** A statement in its own scope (the body of if/while/for…). */
    Bound embedded(Stmt s) {
        if (s instanceof Stmt.LocalDeclaration d) {
            throw new CompileError(d.position(), "a declaration is not allowed here: put it in a block { }");
        }
        return b.inChildScope(() -> statement(s));
    }

    private Bound returnStatement(Stmt.Return r) {
        if (returns == null) {
            throw new CompileError(r.position(), "'return' is not allowed here");
        }
        boolean isVoid = returns.target != null && Types.VOID.equals(returns.target);
        if (r.value() == null) {
            if (!isVoid) {
                throw new CompileError(r.position(), "'return' needs a value here");
            }
            return new Bound(f -> Exec.RETURN, false);
        }
        if (isVoid) {
            throw new CompileError(r.position(), "this lambda returns no value ('return;')");
        }
        dev.breakwater.gateway.policy.expression.bind.Bound value;
        if (returns.infer) {
            value = r.value() instanceof Expr.Lambda l
                    ? dev.breakwater.gateway.policy.expression.bind.Bound.lambda(l) : b.expressions.bindValue(r.value());
            if (value.isValue() && Types.VOID.equals(value.type)) {
                throw new CompileError(r.position(), "'return' needs a value, but this call returns void");
            }
            if (!value.isValue()) {
                throw new CompileError(r.position(), "a lambda cannot be returned here");
            }
        } else if (returns.lambda) {
            value = b.expressions.bindValue(r.value(), returns.target);
        } else {
            value = b.converter.toTarget(b.expressions.bindValue(r.value()), returns.target);
        }
        returns.seen.add(value.type);
        Eval e = value.eval;
        return new Bound(f -> {
            f.returnValue = e.eval(f);
            return Exec.RETURN;
        }, false);
    }

    /** Runs a nested construct with {@code target} as the innermost break/continue target. */
    <T> T withTarget(Target target, java.util.function.Supplier<T> body) {
        targets.push(target);
        try {
            return body.get();
        } finally {
            targets.pop();
        }
    }

    static RuntimeException failure(Throwable t) {
        return DotNetException.translate(t);
    }
}
