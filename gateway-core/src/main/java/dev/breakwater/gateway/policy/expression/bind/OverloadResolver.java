package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.library.TypeBuilder;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.types.Conversions;
import dev.breakwater.gateway.policy.expression.types.MethodSymbol;
import dev.breakwater.gateway.policy.expression.types.ParameterSymbol;
import dev.breakwater.gateway.policy.expression.types.TypeParameter;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * C# overload resolution over the library's declarations: applicable candidates (argument count,
 * named and optional parameters, params arrays, out arguments, inferred type arguments, implicit
 * conversions, lambdas bound to the delegate's parameter types), then the best one by C#'s
 * better-conversion rule and tie-breakers.
 */
final class OverloadResolver {

    /** The chosen method with its arguments ready to evaluate. */
    record Resolved(MethodSymbol method, Eval[] arguments, int[] outSlots, TypeSymbol returnType) { }

    private final Binder b;
    private final TypeInference inference;

    OverloadResolver(Binder binder) {
        this.b = binder;
        this.inference = new TypeInference(binder);
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
                Candidate c = match(m, expanded, explicitTypeArguments, args);
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

    /** One candidate's fit: the parameter for each argument, its types after inference, or why it fails. */
    private static final class Candidate {
        MethodSymbol method;
        boolean expanded;
        int[] parameterOf;
        List<TypeSymbol> parameterTypes;
        Map<TypeParameter, TypeSymbol> typeArguments;
        List<Bound> lambdas;
        boolean usesDefaults;
        String failure;
        List<Argument> args;
    }

    private Candidate match(MethodSymbol m, boolean expanded, List<TypeSymbol> explicitTypeArguments, List<Argument> args) {
        Candidate c = new Candidate();
        c.method = m;
        c.expanded = expanded;
        c.args = args;
        List<ParameterSymbol> params = m.parameters();
        int fixedCount = expanded ? params.size() - 1 : params.size();
        c.parameterOf = new int[args.size()];
        boolean[] assigned = new boolean[params.size()];
        for (int i = 0; i < args.size(); i++) {
            Argument a = args.get(i);
            int p;
            if (a.name() != null) {
                p = indexOf(params, a.name());
                if (p < 0) {
                    return fail(c, "'" + m.name() + "' has no parameter named '" + a.name() + "'");
                }
            } else {
                p = i < fixedCount ? i : expanded ? params.size() - 1 : -1;
                if (p < 0) {
                    return fail(c, "'" + m.name() + "' does not take " + args.size() + " arguments");
                }
            }
            if (assigned[p] && !(expanded && p == params.size() - 1)) {
                return fail(c, "parameter '" + params.get(p).name() + "' is given twice");
            }
            assigned[p] = true;
            c.parameterOf[i] = p;
        }
        for (int p = 0; p < params.size(); p++) {
            if (!assigned[p] && !(expanded && p == params.size() - 1)) {
                if (!params.get(p).hasDefault()) {
                    return fail(c, "'" + m.name() + "' does not take " + args.size() + " arguments");
                }
                c.usesDefaults = true;
            }
        }
        List<TypeSymbol> declared = new ArrayList<>();
        for (ParameterSymbol p : params) {
            declared.add(p.type());
        }
        Map<TypeParameter, TypeSymbol> typeArgs = new java.util.HashMap<>();
        if (m.isGeneric()) {
            if (!explicitTypeArguments.isEmpty()) {
                if (explicitTypeArguments.size() != m.typeParameters().size()) {
                    return fail(c, "'" + m.name() + "' takes " + m.typeParameters().size() + " type arguments");
                }
                for (int i = 0; i < explicitTypeArguments.size(); i++) {
                    typeArgs.put(m.typeParameters().get(i), explicitTypeArguments.get(i));
                }
            } else {
                List<TypeSymbol> perArgument = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    perArgument.add(elementIfExpanded(c, declared, i));
                }
                Map<TypeParameter, TypeSymbol> inferred;
                try {
                    inferred = inference.infer(m.typeParameters(), perArgument, args);
                } catch (CompileError e) {
                    return fail(c, e.getMessage());
                }
                if (inferred == null) {
                    return fail(c, "the type arguments of '" + m.name() + "' cannot be inferred from the arguments");
                }
                typeArgs = inferred;
            }
        } else if (!explicitTypeArguments.isEmpty()) {
            return fail(c, "'" + m.name() + "' is not generic");
        }
        c.typeArguments = typeArgs;
        if (m.typeArgumentCheck() != null) {
            List<TypeSymbol> actual = new ArrayList<>();
            for (TypeParameter t : m.typeParameters()) {
                actual.add(typeArgs.get(t));
            }
            String refusal = m.typeArgumentCheck().apply(actual);
            if (refusal != null) {
                return fail(c, refusal);
            }
        }
        c.parameterTypes = new ArrayList<>();
        for (TypeSymbol t : declared) {
            c.parameterTypes.add(t.substitute(typeArgs));
        }
        c.lambdas = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String problem = check(c, i);
            if (problem != null) {
                return fail(c, problem);
            }
        }
        return c;
    }

    private static TypeSymbol elementIfExpanded(Candidate c, List<TypeSymbol> declared, int argument) {
        int p = c.parameterOf[argument];
        TypeSymbol t = declared.get(p);
        if (c.expanded && p == declared.size() - 1) {
            return ((dev.breakwater.gateway.policy.expression.types.ArrayType) t).element();
        }
        return t;
    }

    /** Why argument {@code i} does not fit its parameter, or null when it does. */
    private String check(Candidate c, int i) {
        Argument a = c.args.get(i);
        int p = c.parameterOf[i];
        ParameterSymbol param = c.method.parameters().get(p);
        TypeSymbol type = c.parameterTypes.get(p);
        if (c.expanded && p == c.parameterTypes.size() - 1) {
            type = ((dev.breakwater.gateway.policy.expression.types.ArrayType) type).element();
        }
        String ordinal = "argument " + (i + 1);
        switch (a.kind()) {
            case VALUE -> {
                if (param.isByReference()) {
                    return ordinal + " must be passed with the '" + param.refKind() + "' keyword";
                }
                if (!b.converter.isImplicit(a.value(), type)) {
                    return ordinal + ": cannot convert from '" + a.value().type.display() + "' to '" + type.display() + "'";
                }
            }
            case LAMBDA -> {
                if (!Types.isDelegate(type)) {
                    return ordinal + ": a lambda cannot be converted to '" + type.display() + "'";
                }
                try {
                    c.lambdas.add(b.lambdas.bind(a.lambda(), type));
                } catch (CompileError e) {
                    return e.getMessage();
                }
            }
            case OUT_DECLARATION -> {
                if (!param.isOut()) {
                    return ordinal + " should not be passed with the 'out' keyword";
                }
                if (a.declaredType() != null && !b.expressions.type(a.declaredType()).equals(type)) {
                    return ordinal + ": cannot convert from 'out " + a.declaredType().display() + "' to 'out "
                            + type.display() + "'";
                }
            }
            case BY_REFERENCE -> {
                if (!param.isByReference()) {
                    return ordinal + " should not be passed with the 'out' keyword";
                }
                if (!a.local().type().equals(type)) {
                    return ordinal + ": cannot convert from 'out " + a.local().type().display() + "' to 'out "
                            + type.display() + "'";
                }
            }
            default -> throw new IllegalStateException();
        }
        return null;
    }

    private static Candidate fail(Candidate c, String why) {
        c.failure = why;
        return c;
    }

    private static int indexOf(List<ParameterSymbol> params, String name) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
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
                if (o != c && !better(c, o)) {
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

    /** True when {@code x} is a better function member than {@code y} for the arguments. */
    private boolean better(Candidate x, Candidate y) {
        boolean someBetter = false;
        boolean someWorse = false;
        for (int i = 0; i < x.args.size(); i++) {
            TypeSymbol tx = argumentParameterType(x, i);
            TypeSymbol ty = argumentParameterType(y, i);
            int cmp = compareConversions(x.args.get(i), tx, ty);
            someBetter |= cmp > 0;
            someWorse |= cmp < 0;
        }
        if (someBetter != someWorse) {
            return someBetter;
        }
        if (someBetter) {
            return false;
        }
        if (x.method.isGeneric() != y.method.isGeneric()) {
            return !x.method.isGeneric();
        }
        if (x.expanded != y.expanded) {
            return !x.expanded;
        }
        int specific = moreSpecific(x.method, y.method);
        if (specific != 0) {
            return specific > 0;
        }
        if (x.usesDefaults != y.usesDefaults) {
            return !x.usesDefaults;
        }
        if (x.method.isExtension() != y.method.isExtension()) {
            return !x.method.isExtension();
        }
        return x.method.priority() > y.method.priority();
    }

    /** C#'s "more specific" tie-break on the declared parameter types: a type parameter is least specific. */
    private static int moreSpecific(MethodSymbol x, MethodSymbol y) {
        if (x.parameters().size() != y.parameters().size()) {
            return 0;
        }
        int result = 0;
        for (int i = 0; i < x.parameters().size(); i++) {
            int c = specificity(x.parameters().get(i).type(), y.parameters().get(i).type());
            if (c != 0 && result != 0 && c != result) {
                return 0;
            }
            result = c != 0 ? c : result;
        }
        return result;
    }

    private static int specificity(TypeSymbol a, TypeSymbol b) {
        boolean pa = a instanceof TypeParameter;
        boolean pb = b instanceof TypeParameter;
        if (pa != pb) {
            return pa ? -1 : 1;
        }
        if (a instanceof dev.breakwater.gateway.policy.expression.types.ArrayType aa
                && b instanceof dev.breakwater.gateway.policy.expression.types.ArrayType ab) {
            return specificity(aa.element(), ab.element());
        }
        if (a instanceof dev.breakwater.gateway.policy.expression.types.NamedType na
                && b instanceof dev.breakwater.gateway.policy.expression.types.NamedType nb
                && na.def() == nb.def()) {
            int result = 0;
            for (int i = 0; i < na.arguments().size(); i++) {
                int c = specificity(na.arguments().get(i), nb.arguments().get(i));
                if (c != 0 && result != 0 && c != result) {
                    return 0;
                }
                result = c != 0 ? c : result;
            }
            return result;
        }
        return 0;
    }

    private static TypeSymbol argumentParameterType(Candidate c, int i) {
        int p = c.parameterOf[i];
        TypeSymbol t = c.parameterTypes.get(p);
        if (c.expanded && p == c.parameterTypes.size() - 1) {
            t = ((dev.breakwater.gateway.policy.expression.types.ArrayType) t).element();
        }
        return t;
    }

    /** Positive when converting {@code a} to {@code t1} is better than to {@code t2} (C# 7.5.3.3). */
    private int compareConversions(Argument a, TypeSymbol t1, TypeSymbol t2) {
        if (t1.equals(t2)) {
            return 0;
        }
        TypeSymbol s;
        if (a.kind() == Argument.Kind.LAMBDA) {
            if (!Types.isDelegate(t1) || !Types.isDelegate(t2)) {
                return 0;
            }
            s = b.lambdas.inferReturnType(a.lambda(), Types.delegateParameters(t1));
            t1 = Types.delegateReturn(t1);
            t2 = Types.delegateReturn(t2);
            if (s == null || t1.equals(t2)) {
                return 0;
            }
        } else {
            s = a.type();
            if (s == null) {
                return 0;
            }
        }
        if (s.equals(t1)) {
            return 1;
        }
        if (s.equals(t2)) {
            return -1;
        }
        boolean oneToTwo = Conversions.isImplicit(t1, t2);
        boolean twoToOne = Conversions.isImplicit(t2, t1);
        if (oneToTwo && !twoToOne) {
            return 1;
        }
        if (twoToOne && !oneToTwo) {
            return -1;
        }
        return 0;
    }

    /** Declares {@code out var}s, converts arguments, fills defaults and the params array. */
    private Resolved finish(Candidate c) {
        MethodSymbol m = c.method;
        List<ParameterSymbol> params = m.parameters();
        int count = params.size();
        Eval[] evals = new Eval[count];
        int[] outSlots = new int[count];
        java.util.Arrays.fill(outSlots, -1);
        List<Eval> paramsElements = new ArrayList<>();
        int lambdaIndex = 0;
        for (int i = 0; i < c.args.size(); i++) {
            Argument a = c.args.get(i);
            int p = c.parameterOf[i];
            boolean intoParams = c.expanded && p == count - 1;
            TypeSymbol type = intoParams ? argumentParameterType(c, i) : c.parameterTypes.get(p);
            Eval e;
            switch (a.kind()) {
                case VALUE -> e = b.converter.implicit(a.value(), type).eval;
                case LAMBDA -> e = c.lambdas.get(lambdaIndex++).eval;
                case OUT_DECLARATION -> {
                    Scope.Local local = b.scope.declare(a.position(), a.declaredName(), type);
                    outSlots[p] = local.slot();
                    e = f -> new dev.breakwater.gateway.policy.expression.eval.Ref(null);
                }
                default -> {
                    int slot = a.local().slot();
                    outSlots[p] = slot;
                    e = f -> new dev.breakwater.gateway.policy.expression.eval.Ref(f.locals[slot]);
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
                evals[p] = ArrayValues.creator(((dev.breakwater.gateway.policy.expression.types.ArrayType)
                        c.parameterTypes.get(p)).element(), paramsElements.toArray(new Eval[0]));
                continue;
            }
            if (evals[p] == null) {
                Object value = defaultArgument(params.get(p), c.parameterTypes.get(p));
                evals[p] = f -> value;
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
        return new Resolved(m, all, anyOut ? outSlots : null, returns);
    }

    private Object defaultArgument(ParameterSymbol p, TypeSymbol type) {
        Object v = p.defaultValue();
        if (v == null) {
            return dev.breakwater.gateway.policy.expression.runtime.DefaultValues.of(type);
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
