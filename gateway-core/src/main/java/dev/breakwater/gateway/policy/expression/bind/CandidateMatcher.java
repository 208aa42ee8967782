package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.types.ArrayType;
import dev.breakwater.gateway.policy.expression.types.MethodSymbol;
import dev.breakwater.gateway.policy.expression.types.ParameterSymbol;
import dev.breakwater.gateway.policy.expression.types.TypeParameter;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether one overload applies to a call: maps arguments to parameters (named, optional,
 * params), infers type arguments, and checks each argument converts (binding lambdas to the
 * delegate's parameter types).
 */
final class CandidateMatcher {

    private final Binder b;
    private final TypeInference inference;

    CandidateMatcher(Binder binder) {
        this.b = binder;
        this.inference = new TypeInference(binder);
    }

    Candidate match(MethodSymbol m, boolean expanded, List<TypeSymbol> explicitTypeArguments, List<Argument> args) {
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
                    perArgument.add(c.elementIfExpanded(declared, i));
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

    /** Why argument {@code i} does not fit its parameter, or null when it does. */
    private String check(Candidate c, int i) {
        Argument a = c.args.get(i);
        int p = c.parameterOf[i];
        ParameterSymbol param = c.method.parameters().get(p);
        TypeSymbol type = c.parameterTypes.get(p);
        if (c.expanded && p == c.parameterTypes.size() - 1) {
            type = ((ArrayType) type).element();
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
}
