package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.Ref;
import dev.breakwater.gateway.policy.expression.runtime.DefaultValues;
import dev.breakwater.gateway.policy.expression.types.ArrayType;
import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.library.TypeBuilder;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.types.Conversions;
import dev.breakwater.gateway.policy.expression.types.MethodSymbol;
import dev.breakwater.gateway.policy.expression.types.ParameterSymbol;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.ArrayList;
import java.util.List;

/**
 * C# overload resolution over the library's declarations: applicable candidates (argument count,
 * named and optional parameters, params arrays, out arguments, inferred type arguments, implicit
 * conversions, lambdas bound to the delegate's parameter types), then the best one by C#'s
 * better-conversion rule and tie-breakers.
 */
final class OverloadResolver {

    /** The chosen method with its arguments ready to evaluate. */
    record Resolved(MethodSymbol method, Eval[] arguments, int[] outSlots, TypeSymbol returnType, Object[] constants) { }

    private final Binder b;
    private final CandidateMatcher matcher;
    private final Betterness betterness;

    OverloadResolver(Binder binder) {
        this.b = binder;
        this.matcher = new CandidateMatcher(binder);
        this.betterness = new Betterness(binder);
    }

    /**
     * Picks among {@code candidates} for {@code args} (for an extension call, the receiver is the first
     * argument). {@code explicitTypeArguments} is empty when not written. Throws a compile error naming
     * {@code what} when no candidate applies or several are equally good.
     */
    Resolved resolve(int position, String what, List<MethodSymbol> candidates, List<TypeSymbol> explicitTypeArguments,
                     List<Argument> args) {
        Resolved r = tryResolve(position, what, candidates, explicitTypeArguments, args, true);
        return r;
    }

    /** As {@link #resolve}, but returns null instead of failing when no candidate applies. */
    Resolved tryResolve(int position, String what, List<MethodSymbol> candidates,
                        List<TypeSymbol> explicitTypeArguments, List<Argument> args, boolean failIfNone) {
        List<Candidate> applicable = new ArrayList<>();
        List<Candidate> failed = new ArrayList<>();
        for (MethodSymbol m : candidates) {
            for (boolean expanded : new boolean[] {false, true}) {
                if (expanded && (m.parameters().isEmpty() || !m.parameters().get(m.parameters().size() - 1).isParams())) {
                    continue;
                }
                Candidate c = matcher.match(m, expanded, explicitTypeArguments, args);
                if (c.failure == null) {
                    applicable.add(c);
                    break;
                }
                failed.add(c);
            }
        }
        if (applicable.isEmpty()) {
            if (!failIfNone) {
                return null;
            }
            throw noMatch(position, what, candidates, failed, args);
        }
        Candidate best = best(position, what, applicable);
        return finish(best);
    }

    private CompileError noMatch(int position, String what, List<MethodSymbol> candidates, List<Candidate> failed,
                                 List<Argument> args) {
        if (candidates.size() == 1 && !failed.isEmpty()) {
            return new CompileError(position, failed.get(failed.size() - 1).failure);
        }
        for (Candidate c : failed) {
            if (c.failure.startsWith("line ") || (c.args.stream().anyMatch(a -> a.kind() == Argument.Kind.LAMBDA)
                    && !c.failure.startsWith("argument") && !c.failure.contains("does not take"))) {
                return new CompileError(position, c.failure);
            }
        }
        StringBuilder types = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            types.append(i > 0 ? ", " : "").append(args.get(i).describe());
        }
        return new CompileError(position, "no overload of '" + what + "' takes the arguments (" + types + ")");
    }

    private Candidate best(int position, String what, List<Candidate> applicable) {
        for (Candidate c : applicable) {
            boolean beatsAll = true;
            for (Candidate o : applicable) {
                if (o != c && !betterness.better(c, o)) {
                    beatsAll = false;
                    break;
                }
            }
            if (beatsAll) {
                return c;
            }
        }
        throw new CompileError(position, "the call to '" + what + "' is ambiguous between '"
                + applicable.get(0).method.signature() + "' and '" + applicable.get(1).method.signature() + "'");
    }

    /** Declares {@code out var}s, converts arguments, fills defaults and the params array. */
    private Resolved finish(Candidate c) {
        MethodSymbol m = c.method;
        List<ParameterSymbol> params = m.parameters();
        int count = params.size();
        Eval[] evals = new Eval[count];
        int[] outSlots = new int[count];
        java.util.Arrays.fill(outSlots, -1);
        Object[] constants = new Object[count];
        java.util.Arrays.fill(constants, Conversions.NOT_CONSTANT);
        List<Eval> paramsElements = new ArrayList<>();
        int lambdaIndex = 0;
        for (int i = 0; i < c.args.size(); i++) {
            Argument a = c.args.get(i);
            int p = c.parameterOf[i];
            boolean intoParams = c.expanded && p == count - 1;
            TypeSymbol type = intoParams ? c.parameterTypeOf(i) : c.parameterTypes.get(p);
            Eval e;
            switch (a.kind()) {
                case VALUE -> {
                    Bound converted = b.converter.implicit(a.value(), type);
                    e = converted.eval;
                    if (!intoParams) {
                        constants[p] = converted.constant;
                    }
                }
                case LAMBDA -> e = c.lambdas.get(lambdaIndex++).eval;
                case OUT_DECLARATION -> {
                    Scope.Local local = b.scope.declare(a.position(), a.declaredName(), type);
                    outSlots[p] = local.slot();
                    e = f -> new Ref(null);
                }
                default -> {
                    int slot = a.local().slot();
                    outSlots[p] = slot;
                    e = f -> new Ref(f.locals[slot]);
                }
            }
            if (intoParams) {
                paramsElements.add(e);
            } else {
                evals[p] = e;
            }
        }
        for (int p = 0; p < count; p++) {
            if (c.expanded && p == count - 1) {
                evals[p] = ArrayValues.creator(((ArrayType)
                        c.parameterTypes.get(p)).element(), paramsElements.toArray(new Eval[0]));
                continue;
            }
            if (evals[p] == null) {
                Object value = defaultArgument(params.get(p), c.parameterTypes.get(p));
                evals[p] = f -> value;
                constants[p] = value;
            }
        }
        TypeSymbol returns = m.returnType().substitute(c.typeArguments);
        Eval[] all = evals;
        if (m.invoker() instanceof TypeBuilder.Reified) {
            all = java.util.Arrays.copyOf(evals, count + m.typeParameters().size());
            for (int i = 0; i < m.typeParameters().size(); i++) {
                TypeSymbol t = c.typeArguments.get(m.typeParameters().get(i));
                all[count + i] = f -> t;
            }
        }
        boolean anyOut = false;
        for (int s : outSlots) {
            anyOut |= s >= 0;
        }
        return new Resolved(m, all, anyOut ? outSlots : null, returns, constants);
    }

    private Object defaultArgument(ParameterSymbol p, TypeSymbol type) {
        Object v = p.defaultValue();
        if (v == null) {
            return DefaultValues.of(type);
        }
        Bound constant = Bound.constant(0, constantType(v), v);
        return b.converter.implicit(constant, type).constant;
    }

    private static TypeSymbol constantType(Object v) {
        if (v instanceof Integer) {
            return Types.INT;
        } else if (v instanceof Long) {
            return Types.LONG;
        } else if (v instanceof Double) {
            return Types.DOUBLE;
        } else if (v instanceof Boolean) {
            return Types.BOOL;
        } else if (v instanceof Character) {
            return Types.CHAR;
        }
        return Types.STRING;
    }
}
