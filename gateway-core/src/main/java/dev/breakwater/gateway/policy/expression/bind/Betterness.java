package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.types.ArrayType;
import dev.breakwater.gateway.policy.expression.types.Conversions;
import dev.breakwater.gateway.policy.expression.types.MethodSymbol;
import dev.breakwater.gateway.policy.expression.types.NamedType;
import dev.breakwater.gateway.policy.expression.types.TypeParameter;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

/** C#'s better-function-member rules: better conversions per argument, then the tie-breakers. */
final class Betterness {

    private final Binder b;

    Betterness(Binder binder) {
        this.b = binder;
    }

    /** True when {@code x} is a better function member than {@code y} for the arguments. */
    boolean better(Candidate x, Candidate y) {
        boolean someBetter = false;
        boolean someWorse = false;
        for (int i = 0; i < x.args.size(); i++) {
            TypeSymbol tx = x.parameterTypeOf(i);
            TypeSymbol ty = y.parameterTypeOf(i);
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
        if (a instanceof ArrayType aa
                && b instanceof ArrayType ab) {
            return specificity(aa.element(), ab.element());
        }
        if (a instanceof NamedType na
                && b instanceof NamedType nb
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
}
