package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.types.MethodSymbol;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Operators the library declares as {@code op_Addition}, {@code op_LessThan}… (DateTime, TimeSpan,
 * Guid…), lifted over nullables as C# does: a null operand makes {@code <} false and {@code +} null.
 */
final class UserOperators {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("+", "op_Addition"), Map.entry("-", "op_Subtraction"), Map.entry("*", "op_Multiply"),
            Map.entry("/", "op_Division"), Map.entry("%", "op_Modulus"), Map.entry("==", "op_Equality"),
            Map.entry("!=", "op_Inequality"), Map.entry("<", "op_LessThan"), Map.entry(">", "op_GreaterThan"),
            Map.entry("<=", "op_LessThanOrEqual"), Map.entry(">=", "op_GreaterThanOrEqual"));

    private final Binder b;

    UserOperators(Binder binder) {
        this.b = binder;
    }

    /** The user-defined binary operator for these operands, or null when there is none. */
    Bound binary(int position, String op, Bound left, Bound right) {
        String name = NAMES.get(op);
        if (name == null || left.isNullLiteral() || right.isNullLiteral()) {
            return null;
        }
        List<MethodSymbol> candidates = candidates(name, left.type, right.type);
        if (candidates.isEmpty()) {
            return null;
        }
        List<Argument> args = List.of(Argument.value(left), Argument.value(right));
        OverloadResolver.Resolved r = b.overloads.tryResolve(position, op, candidates, List.of(), args, false);
        if (r != null) {
            return Bound.value(position, r.returnType(), b.members.callEval(null, false, r));
        }
        if (!Types.isNullable(left.type) && !Types.isNullable(right.type)) {
            return null;
        }
        int slotL = b.slots.allocate();
        int slotR = b.slots.allocate();
        Bound l = Bound.value(left.position, Types.underlying(left.type), f -> f.locals[slotL]);
        Bound rr = Bound.value(right.position, Types.underlying(right.type), f -> f.locals[slotR]);
        r = b.overloads.tryResolve(position, op, candidates, List.of(), List.of(Argument.value(l), Argument.value(rr)), false);
        if (r == null) {
            return null;
        }
        Eval call = b.members.callEval(null, false, r);
        Eval le = left.eval;
        Eval re = right.eval;
        boolean comparison = op.equals("<") || op.equals(">") || op.equals("<=") || op.equals(">=");
        boolean equality = op.equals("==") || op.equals("!=");
        TypeSymbol type = comparison || equality ? Types.BOOL : Types.nullable(r.returnType());
        return Bound.value(position, type, f -> {
            Object a = le.eval(f);
            Object c = re.eval(f);
            if (a == null || c == null) {
                if (equality) {
                    return op.equals("==") == (a == c);
                }
                return comparison ? Boolean.FALSE : null;
            }
            f.locals[slotL] = a;
            f.locals[slotR] = c;
            return call.eval(f);
        });
    }

    /** The user-defined unary operator, or null. */
    Bound unary(int position, String name, Bound operand) {
        List<MethodSymbol> candidates = candidates(name, operand.type, operand.type);
        if (candidates.isEmpty()) {
            return null;
        }
        OverloadResolver.Resolved r = b.overloads.tryResolve(position, name, candidates, List.of(),
                List.of(Argument.value(operand)), false);
        return r == null ? null : Bound.value(position, r.returnType(), b.members.callEval(null, false, r));
    }

    private static List<MethodSymbol> candidates(String name, TypeSymbol a, TypeSymbol c) {
        List<MethodSymbol> result = new ArrayList<>(Members.methods(Types.underlying(a), name, true));
        for (MethodSymbol m : Members.methods(Types.underlying(c), name, true)) {
            if (!result.contains(m)) {
                result.add(m);
            }
        }
        return result;
    }
}
