package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.syntax.Stmt;
import dev.breakwater.gateway.policy.expression.ExpressionUse;
import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.eval.Exec;
import dev.breakwater.gateway.policy.expression.library.Library;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Expr;
import dev.breakwater.gateway.policy.expression.syntax.Parser;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Types a parsed policy expression and turns it into evaluators. One binder per compilation; its parts
 * (expressions, members, operators, overloads, lambdas, statements) share the scope and slot state here.
 */
public final class Binder {

    /** The outcome: the evaluator, its static type, the frame size and what it reads. */
    public record Result(Eval eval, TypeSymbol type, int slots, Set<ExpressionUse> uses) { }

    final Library library;
    final Set<ExpressionUse> uses = EnumSet.noneOf(ExpressionUse.class);
    final Scope.Slots slots = new Scope.Slots();
    Scope scope = new Scope(null, slots);
    /** Expressions already bound (the receiver of a {@code ?.}), and {@code ?.} nodes being bound as plain access. */
    final Map<Expr, Bound> substitutions = new IdentityHashMap<>();
    final Set<Expr> plainAccess = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Local functions declared at the start of their block, bound where written. */
    final Map<Stmt.LocalFunction, LocalFunction> localFunctions =
            new IdentityHashMap<>();

    final Converter converter = new Converter(this);
    final ExpressionBinder expressions = new ExpressionBinder(this);
    final MemberBinder members = new MemberBinder(this);
    final OperatorBinder operators = new OperatorBinder(this);
    final OverloadResolver overloads = new OverloadResolver(this);
    final LambdaBinder lambdas = new LambdaBinder(this);
    final StatementBinder statements = new StatementBinder(this);

    private Binder(Library library) {
        this.library = library;
    }

    /**
     * Binds a whole expression. {@code target} is the type the result must convert to implicitly, or null
     * for any value ({@code object}-typed results are checked when they run).
     */
    public static Result bind(Library library, Parser.Result syntax, TypeSymbol target) {
        Binder b = new Binder(library);
        if (syntax instanceof Parser.SingleExpression single) {
            Bound value = b.expressions.bindValue(single.expression());
            if (Types.VOID.equals(value.type)) {
                throw new CompileError(value.position, "the expression has no value (it calls a method that returns void)");
            }
            Bound result = target == null ? value : b.converter.toTarget(value, target);
            return new Result(result.eval, result.type, b.slots.count(), b.uses);
        }
        Parser.StatementBlock block = (Parser.StatementBlock) syntax;
        StatementBinder.Body body = b.statements.bindBody(block.block(), target);
        Exec exec = body.exec();
        Eval eval = f -> {
            int completion = exec.exec(f);
            return completion == Exec.RETURN ? f.returnValue : null;
        };
        return new Result(eval, body.type(), b.slots.count(), b.uses);
    }

    /** Runs {@code body} in a new child scope. */
    <T> T inChildScope(java.util.function.Supplier<T> body) {
        Scope saved = scope;
        scope = scope.child();
        try {
            return body.get();
        } finally {
            scope = saved;
        }
    }
}
