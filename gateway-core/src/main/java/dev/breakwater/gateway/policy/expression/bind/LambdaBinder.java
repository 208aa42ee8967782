package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.Closure;
import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.eval.Exec;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Expr;
import dev.breakwater.gateway.policy.expression.syntax.Stmt;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.List;

/**
 * Binds lambdas against a delegate type (Func, Predicate, Action): the parameters become frame slots
 * in a scope nested where the lambda is written, so the body sees the enclosing locals.
 */
final class LambdaBinder {

    private final Binder b;

    LambdaBinder(Binder binder) {
        this.b = binder;
    }

    /** {@code lambda} as a value of {@code delegateType}. */
    Bound bind(Expr.Lambda lambda, TypeSymbol delegateType) {
        List<TypeSymbol> parameterTypes = Types.delegateParameters(delegateType);
        TypeSymbol returnType = Types.delegateReturn(delegateType);
        Bodied body = bindBody(lambda, parameterTypes, returnType);
        int[] slots = body.slots;
        Eval e = body.eval;
        return Bound.value(lambda.position(), delegateType, f -> new Closure(f, slots, e));
    }

    /** The type the lambda's body produces with these parameter types (for type inference), or null for none. */
    TypeSymbol inferReturnType(Expr.Lambda lambda, List<TypeSymbol> parameterTypes) {
        return bindBody(lambda, parameterTypes, null).type;
    }

    private record Bodied(int[] slots, Eval eval, TypeSymbol type) { }

    /** Binds the body; {@code returnType} null means "infer", {@code void} means "discard the value". */
    private Bodied bindBody(Expr.Lambda lambda, List<TypeSymbol> parameterTypes, TypeSymbol returnType) {
        if (lambda.parameters().size() != parameterTypes.size()) {
            throw new CompileError(lambda.position(), "the lambda takes " + lambda.parameters().size()
                    + " parameters but " + parameterTypes.size() + " are expected here");
        }
        Scope saved = b.scope;
        b.scope = b.scope.child();
        try {
            int[] slots = new int[parameterTypes.size()];
            for (int i = 0; i < slots.length; i++) {
                Expr.LambdaParameter p = lambda.parameters().get(i);
                TypeSymbol type = parameterTypes.get(i);
                if (p.type() != null && !b.expressions.type(p.type()).equals(type)) {
                    throw new CompileError(lambda.position(), "the lambda parameter '" + p.name() + "' is declared '"
                            + p.type().display() + "' but must be '" + type.display() + "' here");
                }
                slots[i] = b.scope.declare(lambda.position(), p.name(), type).slot();
            }
            if (lambda.body() instanceof Expr body) {
                if (returnType != null && Types.VOID.equals(returnType)) {
                    Bound value = b.expressions.bindValue(body);
                    return new Bodied(slots, value.eval, Types.VOID);
                }
                Bound value = returnType == null ? b.expressions.bindValue(body) : b.expressions.bindValue(body, returnType);
                if (Types.VOID.equals(value.type)) {
                    return new Bodied(slots, value.eval, null);
                }
                return new Bodied(slots, value.eval, value.type);
            }
            StatementBinder.Body body = b.statements.bindLambdaBody((Stmt.Block) lambda.body(), returnType);
            Exec exec = body.exec();
            Eval eval = f -> exec.exec(f) == Exec.RETURN ? f.returnValue : null;
            return new Bodied(slots, eval, body.type());
        } finally {
            b.scope = saved;
        }
    }
}
