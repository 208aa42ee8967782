package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.types.ArrayType;
import dev.breakwater.gateway.policy.expression.types.Conversions;
import dev.breakwater.gateway.policy.expression.types.NamedType;
import dev.breakwater.gateway.policy.expression.types.NullType;
import dev.breakwater.gateway.policy.expression.types.TypeParameter;
import dev.breakwater.gateway.policy.expression.types.TypeRelations;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers a generic method's type arguments as C# does, in phases: first from the ordinary arguments
 * ({@code IEnumerable<TSource>} from a {@code List<string>}), then from lambdas whose parameter types
 * are known by then ({@code Func<TSource, TResult>}: TResult is the type of the lambda's body).
 */
final class TypeInference {

    private final Binder b;

    TypeInference(Binder binder) {
        this.b = binder;
    }

    /** The inferred type arguments, or null when some cannot be inferred. */
    Map<TypeParameter, TypeSymbol> infer(List<TypeParameter> typeParameters, List<TypeSymbol> parameterTypes,
                                         List<Argument> arguments) {
        Map<TypeParameter, TypeSymbol> fixed = new HashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            Argument a = arguments.get(i);
            TypeSymbol argType = a.type();
            if (argType != null && !lowerBound(argType, parameterTypes.get(i), typeParameters, fixed)) {
                return null;
            }
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int i = 0; i < arguments.size(); i++) {
                Argument a = arguments.get(i);
                TypeSymbol p = parameterTypes.get(i).substitute(fixed);
                if (a.kind() != Argument.Kind.LAMBDA || !Types.isDelegate(p)) {
                    continue;
                }
                List<TypeSymbol> inputs = Types.delegateParameters(p);
                TypeSymbol output = Types.delegateReturn(p);
                if (inputs.stream().anyMatch(t -> mentions(t, typeParameters)) || !mentions(output, typeParameters)) {
                    continue;
                }
                TypeSymbol body = b.lambdas.inferReturnType(a.lambda(), inputs);
                if (body == null || !lowerBound(body, output, typeParameters, fixed)) {
                    return null;
                }
                progress = true;
            }
        }
        for (TypeParameter t : typeParameters) {
            if (!fixed.containsKey(t)) {
                return null;
            }
        }
        return fixed;
    }

    private static boolean mentions(TypeSymbol t, List<TypeParameter> params) {
        if (t instanceof TypeParameter p) {
            return params.contains(p);
        }
        if (t instanceof ArrayType a) {
            return mentions(a.element(), params);
        }
        if (t instanceof NamedType n) {
            for (TypeSymbol arg : n.arguments()) {
                if (mentions(arg, params)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Records what {@code source} (an argument's type) says about the type parameters in {@code target}. */
    private boolean lowerBound(TypeSymbol source, TypeSymbol target, List<TypeParameter> params,
                               Map<TypeParameter, TypeSymbol> fixed) {
        if (source instanceof NullType || !mentions(target, params)) {
            return true;
        }
        if (target instanceof TypeParameter p) {
            TypeSymbol current = fixed.get(p);
            if (current == null || current.equals(source)) {
                fixed.put(p, source);
                return true;
            }
            if (Conversions.isImplicit(source, current)) {
                return true;
            }
            if (Conversions.isImplicit(current, source)) {
                fixed.put(p, source);
                return true;
            }
            return false;
        }
        if (target instanceof ArrayType ta) {
            if (source instanceof ArrayType sa) {
                return lowerBound(sa.element(), ta.element(), params, fixed);
            }
            return true;
        }
        NamedType tn = (NamedType) target;
        if (Types.isNullable(tn) && !Types.isNullable(source)) {
            return lowerBound(source, tn.arguments().get(0), params, fixed);
        }
        NamedType match = TypeRelations.findConstructed(source, tn.def());
        if (match == null) {
            return true;
        }
        for (int i = 0; i < tn.arguments().size(); i++) {
            if (!lowerBound(match.arguments().get(i), tn.arguments().get(i), params, fixed)) {
                return false;
            }
        }
        return true;
    }
}
