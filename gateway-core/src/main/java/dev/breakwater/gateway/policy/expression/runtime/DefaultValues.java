package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.Numbers;
import dev.breakwater.gateway.policy.expression.types.NamedType;
import dev.breakwater.gateway.policy.expression.types.NumericKind;
import dev.breakwater.gateway.policy.expression.types.TypeDef;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

/** {@code default(T)}: null for references and nullables, zero, false, '\0', or the struct's own default. */
public final class DefaultValues {

    private DefaultValues() {
    }

    public static Object of(TypeSymbol t) {
        if (!t.isValueType() || Types.isNullable(t)) {
            return null;
        }
        NumericKind k = NumericKind.of(t);
        if (k != null) {
            return Numbers.convert(0, k);
        }
        if (Types.isBool(t)) {
            return Boolean.FALSE;
        }
        NamedType n = (NamedType) t;
        if (n.def().kind() == TypeDef.Kind.ENUM) {
            return new EnumValue(n.def(), 0);
        }
        return n.def().defaultValue();
    }
}
