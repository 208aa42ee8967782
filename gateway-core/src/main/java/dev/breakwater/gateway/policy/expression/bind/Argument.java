package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Expr;
import dev.breakwater.gateway.policy.expression.syntax.TypeSyntax;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;

import java.util.ArrayList;
import java.util.List;

/**
 * An argument of a call, bound as far as it can be before the method is known: a value, a lambda
 * (bound once its parameter types are known), an {@code out var x} declaration, or an {@code out}/
 * {@code ref} local.
 */
record Argument(Kind kind, int position, String name, Bound value, Expr.Lambda lambda, TypeSyntax declaredType,
                String declaredName, Scope.Local local) {

    enum Kind { VALUE, LAMBDA, OUT_DECLARATION, BY_REFERENCE }

    static Argument value(Bound value) {
        return new Argument(Kind.VALUE, value.position, null, value, null, null, null, null);
    }

    /** The argument's type for inference and error messages (null for lambdas and {@code out var}). */
    TypeSymbol type() {
        return switch (kind) {
            case VALUE -> value.type;
            case BY_REFERENCE -> local.type();
            default -> null;
        };
    }

    String describe() {
        return switch (kind) {
            case VALUE -> value.type.display();
            case LAMBDA -> "lambda";
            case OUT_DECLARATION -> "out " + (declaredType == null ? "var" : declaredType.display());
            case BY_REFERENCE -> "out " + local.type().display();
        };
    }

    /** Binds the arguments of a call as far as possible without knowing the method. */
    static List<Argument> bindAll(Binder b, List<Expr.Argument> syntax) {
        List<Argument> args = new ArrayList<>();
        for (Expr.Argument a : syntax) {
            if (a.declaresVariable()) {
                TypeSyntax type = a.declaredType().isVar() ? null : a.declaredType();
                args.add(new Argument(Kind.OUT_DECLARATION, a.position(), a.name(), null, null, type, a.declaredName(), null));
            } else if (a.refKind() != null) {
                if (!(a.value() instanceof Expr.Name n) || b.scope.lookup(n.name()) == null) {
                    throw new CompileError(a.position(), "an '" + a.refKind() + "' argument must be a local variable");
                }
                Scope.Local local = b.scope.lookup(n.name());
                args.add(new Argument(Kind.BY_REFERENCE, a.position(), a.name(), null, null, null, null, local));
            } else if (a.value() instanceof Expr.Lambda l) {
                args.add(new Argument(Kind.LAMBDA, a.position(), a.name(), null, l, null, null, null));
            } else {
                Bound v = b.expressions.bindValue(a.value());
                args.add(new Argument(Kind.VALUE, a.position(), a.name(), v, null, null, null, null));
            }
        }
        return args;
    }
}
