package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.eval.Numbers;
import dev.breakwater.gateway.policy.expression.runtime.EnumValue;
import dev.breakwater.gateway.policy.expression.runtime.ValueFormatter;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Expr;
import dev.breakwater.gateway.policy.expression.types.Conversions;
import dev.breakwater.gateway.policy.expression.types.NamedType;
import dev.breakwater.gateway.policy.expression.types.NumericKind;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Unary and binary operators, assignment, compound assignment and {@code ++}/{@code --}, with C#'s
 * numeric promotion, lifting over nullables, string concatenation, ordinal string equality and the
 * library's user-defined operators (DateTime, TimeSpan…).
 */
final class OperatorBinder {

    private final Binder b;
    private final UserOperators user;

    OperatorBinder(Binder binder) {
        this.b = binder;
        this.user = new UserOperators(binder);
    }

    Bound bind(Expr e) {
        if (e instanceof Expr.Unary u) {
            return unary(u);
        }
        if (e instanceof Expr.Binary x) {
            return switch (x.operator()) {
                case "&&", "||" -> logical(x);
                case "??" -> coalesce(x);
                default -> binary(x.position(), x.operator(), b.expressions.bindValue(x.left()), b.expressions.bindValue(x.right()));
            };
        }
        if (e instanceof Expr.IncrementDecrement i) {
            return incrementDecrement(i);
        }
        return assignment((Expr.Assignment) e);
    }

    private Bound unary(Expr.Unary u) {
        Bound operand = b.expressions.bindValue(u.operand());
        TypeSymbol t = operand.type;
        boolean lifted = Types.isNullable(t);
        TypeSymbol base = Types.underlying(t);
        if (u.operator().equals("!")) {
            if (!Types.isBool(base)) {
                throw badUnary(u, t);
            }
            return fold(operand, lifted ? Types.nullable(Types.BOOL) : Types.BOOL, v -> v == null ? null : !(Boolean) v);
        }
        NumericKind k = NumericKind.of(base);
        if (k == null) {
            Bound userDefined = u.operator().equals("-") ? user.unary(u.position(), "op_UnaryNegation", operand) : null;
            if (userDefined != null) {
                return userDefined;
            }
            throw badUnary(u, t);
        }
        NumericKind promoted = k == NumericKind.BYTE || k == NumericKind.SHORT || k == NumericKind.CHAR ? NumericKind.INT : k;
        if (u.operator().equals("~") && !promoted.isIntegral()) {
            throw badUnary(u, t);
        }
        Bound converted = b.converter.implicit(operand, lifted ? Types.nullable(promoted.type()) : promoted.type());
        if (u.operator().equals("+")) {
            return converted;
        }
        UnaryOperator<Object> op = Numbers.unary(u.operator(), promoted);
        return fold(converted, converted.type, v -> v == null ? null : op.apply(v));
    }

    private static CompileError badUnary(Expr.Unary u, TypeSymbol t) {
        return new CompileError(u.position(), "operator '" + u.operator() + "' cannot be applied to an operand of type '"
                + t.display() + "'");
    }

    private static Bound fold(Bound operand, TypeSymbol type, UnaryOperator<Object> op) {
        if (operand.isConstant()) {
            return Bound.constant(operand.position, type, op.apply(operand.constant));
        }
        Eval e = operand.eval;
        return Bound.value(operand.position, type, f -> op.apply(e.eval(f)));
    }

    private Bound logical(Expr.Binary x) {
        Eval l = b.expressions.condition(x.left()).eval;
        Eval r = b.expressions.condition(x.right()).eval;
        if (x.operator().equals("&&")) {
            return Bound.value(x.position(), Types.BOOL, f -> (Boolean) l.eval(f) && (Boolean) r.eval(f));
        }
        return Bound.value(x.position(), Types.BOOL, f -> (Boolean) l.eval(f) || (Boolean) r.eval(f));
    }

    private Bound coalesce(Expr.Binary x) {
        Bound left = b.expressions.bindValue(x.left());
        if (!left.type.acceptsNull() && !left.isNullLiteral()) {
            throw new CompileError(x.position(), "operator '??' cannot be applied to an operand of type '" + left.type.display() + "'");
        }
        boolean rightThrows = x.right() instanceof Expr.Throw;
        Bound right = x.right() instanceof Expr.Lambda l ? Bound.lambda(l) : b.expressions.bind(x.right());
        TypeSymbol a0 = Types.underlying(left.type);
        TypeSymbol type;
        Eval l = left.eval;
        Eval r;
        if (rightThrows) {
            type = a0;
            r = right.eval;
        } else if (Types.isNullable(left.type) && b.converter.isImplicit(right, a0)) {
            type = a0;
            r = b.converter.implicit(right, a0).eval;
        } else if (b.converter.isImplicit(right, left.type)) {
            type = left.isNullLiteral() ? right.type : left.type;
            r = b.converter.implicit(right, type).eval;
        } else if (right.isValue() && Conversions.isImplicit(a0, right.type)) {
            type = right.type;
            int slot = b.slots.allocate();
            Eval lc = b.converter.implicit(Bound.value(left.position, a0, f -> f.locals[slot]), type).eval;
            Eval rr = right.eval;
            return Bound.value(x.position(), type, f -> {
                Object v = l.eval(f);
                if (v == null) {
                    return rr.eval(f);
                }
                f.locals[slot] = v;
                return lc.eval(f);
            });
        } else {
            throw new CompileError(x.position(), "operator '??' cannot be applied to operands of type '"
                    + left.type.display() + "' and '" + (right.isValue() ? right.type.display() : "lambda") + "'");
        }
        Eval rr = r;
        return Bound.value(x.position(), type, f -> {
            Object v = l.eval(f);
            return v != null ? v : rr.eval(f);
        });
    }

    /** A binary operator on bound operands (also used for compound assignment). */
    Bound binary(int position, String op, Bound left, Bound right) {
        TypeSymbol lt = left.type;
        TypeSymbol rt = right.type;
        if (op.equals("+") && (Types.isString(lt) || Types.isString(rt))) {
            return concatenate(position, left, right);
        }
        Bound userDefined = user.binary(position, op, left, right);
        if (userDefined != null) {
            return userDefined;
        }
        NumericKind lk = NumericKind.of(Types.underlying(lt));
        NumericKind rk = NumericKind.of(Types.underlying(rt));
        boolean lifted = Types.isNullable(lt) || Types.isNullable(rt) || left.isNullLiteral() || right.isNullLiteral();
        if ((lk != null || left.isNullLiteral()) && (rk != null || right.isNullLiteral()) && (lk != null || rk != null)) {
            return numeric(position, op, left, right, lk != null ? lk : rk, rk != null ? rk : lk, lifted);
        }
        TypeSymbol lu = Types.underlying(lt);
        TypeSymbol ru = Types.underlying(rt);
        if ((Types.isBool(lu) || left.isNullLiteral()) && (Types.isBool(ru) || right.isNullLiteral())
                && List.of("==", "!=", "&", "|", "^").contains(op)) {
            return booleans(position, op, left, right);
        }
        if (Conversions.isEnum(lu) && lu.equals(ru) || Conversions.isEnum(lu) && right.isNullLiteral()
                || Conversions.isEnum(ru) && left.isNullLiteral()) {
            return enums(position, op, left, right, Conversions.isEnum(lu) ? lu : ru);
        }
        if (op.equals("==") || op.equals("!=")) {
            return equality(position, op, left, right);
        }
        throw badBinary(position, op, lt, rt);
    }

    static CompileError badBinary(int position, String op, TypeSymbol lt, TypeSymbol rt) {
        return new CompileError(position, "operator '" + op + "' cannot be applied to operands of type '"
                + lt.display() + "' and '" + rt.display() + "'");
    }

    private Bound concatenate(int position, Bound left, Bound right) {
        if (Types.VOID.equals(left.type) || Types.VOID.equals(right.type)) {
            throw badBinary(position, "+", left.type, right.type);
        }
        if (left.isConstant() && right.isConstant()) {
            return Bound.constant(position, Types.STRING,
                    ValueFormatter.toString(left.constant) + ValueFormatter.toString(right.constant));
        }
        Eval l = left.eval;
        Eval r = right.eval;
        return Bound.value(position, Types.STRING, f -> {
            String a = ValueFormatter.toString(l.eval(f));
            String c = ValueFormatter.toString(r.eval(f));
            f.checkLength((long) a.length() + c.length());
            return a.concat(c);
        });
    }

    private Bound numeric(int position, String op, Bound left, Bound right, NumericKind lk, NumericKind rk, boolean lifted) {
        boolean shift = op.equals("<<") || op.equals(">>");
        NumericKind k = shift ? NumericKind.promote(lk, NumericKind.INT) : NumericKind.promote(lk, rk);
        if (k == null || shift && !k.isIntegral()) {
            throw badBinary(position, op, left.type, right.type);
        }
        TypeSymbol operandType = lifted ? Types.nullable(k.type()) : k.type();
        Bound l = b.converter.implicit(left, operandType);
        Bound r = b.converter.implicit(right, shift ? (lifted ? Types.nullable(Types.INT) : Types.INT) : operandType);
        switch (op) {
            case "<", ">", "<=", ">=", "==", "!=" -> {
                BiPredicate<Object, Object> test = Numbers.comparison(op, k);
                boolean equality = op.equals("==") || op.equals("!=");
                return combine(position, Types.BOOL, l, r, (a, c) -> {
                    if (a == null || c == null) {
                        return equality ? (op.equals("==") == (a == c)) : Boolean.FALSE;
                    }
                    return test.test(a, c);
                });
            }
            default -> {
                BinaryOperator<Object> arithmetic = shift ? Numbers.shift(op, k) : Numbers.arithmetic(op, k);
                if (arithmetic == null) {
                    throw badBinary(position, op, left.type, right.type);
                }
                return combine(position, operandType, l, r, (a, c) -> a == null || c == null ? null : arithmetic.apply(a, c));
            }
        }
    }

    private Bound booleans(int position, String op, Bound left, Bound right) {
        boolean lifted = !Types.isBool(left.type) || !Types.isBool(right.type);
        TypeSymbol t = lifted ? Types.nullable(Types.BOOL) : Types.BOOL;
        Bound l = b.converter.implicit(left, t);
        Bound r = b.converter.implicit(right, t);
        return switch (op) {
            case "==" -> combine(position, Types.BOOL, l, r, (a, c) -> Objects.equals(a, c));
            case "!=" -> combine(position, Types.BOOL, l, r, (a, c) -> !Objects.equals(a, c));
            case "&" -> combine(position, t, l, r, (a, c) -> a == null || c == null ? null : (Boolean) a & (Boolean) c);
            case "|" -> combine(position, t, l, r, (a, c) -> a == null || c == null ? null : (Boolean) a | (Boolean) c);
            default -> combine(position, t, l, r, (a, c) -> a == null || c == null ? null : (Boolean) a ^ (Boolean) c);
        };
    }

    private Bound enums(int position, String op, Bound left, Bound right, TypeSymbol enumType) {
        NamedType e = (NamedType) enumType;
        return switch (op) {
            case "==" -> combine(position, Types.BOOL, left, right, (a, c) -> Objects.equals(a, c));
            case "!=" -> combine(position, Types.BOOL, left, right, (a, c) -> !Objects.equals(a, c));
            case "|" -> combine(position, enumType, left, right,
                    (a, c) -> new EnumValue(e.def(), ((EnumValue) a).value() | ((EnumValue) c).value()));
            case "&" -> combine(position, enumType, left, right,
                    (a, c) -> new EnumValue(e.def(), ((EnumValue) a).value() & ((EnumValue) c).value()));
            case "^" -> combine(position, enumType, left, right,
                    (a, c) -> new EnumValue(e.def(), ((EnumValue) a).value() ^ ((EnumValue) c).value()));
            default -> throw badBinary(position, op, left.type, right.type);
        };
    }

    /** Reference and string equality: ordinal for strings, identity otherwise (as C#'s object ==). */
    private Bound equality(int position, String op, Bound left, Bound right) {
        TypeSymbol lt = left.type;
        TypeSymbol rt = right.type;
        boolean comparable = left.isNullLiteral() || right.isNullLiteral()
                || Conversions.classify(lt, rt, Conversions.NOT_CONSTANT).exists()
                || Conversions.classify(rt, lt, Conversions.NOT_CONSTANT).exists();
        if (!comparable || (lt.isValueType() && !Types.isNullable(lt) && !right.isNullLiteral() && !lt.equals(rt))) {
            throw badBinary(position, op, lt, rt);
        }
        boolean strings = Types.isString(lt) && Types.isString(rt);
        boolean values = lt.isValueType() || rt.isValueType();
        boolean negate = op.equals("!=");
        BinaryOperator<Object> test = strings || values ? (a, c) -> Objects.equals(a, c) != negate
                : (a, c) -> (a == c) != negate;
        return combine(position, Types.BOOL, left, right, test);
    }

    static Bound combine(int position, TypeSymbol type, Bound left, Bound right, BinaryOperator<Object> op) {
        if (left.isConstant() && right.isConstant()) {
            try {
                return Bound.constant(position, type, op.apply(left.constant, right.constant));
            } catch (dev.breakwater.gateway.policy.expression.ExpressionEvaluationException e) {
                throw new CompileError(position, "the constant expression fails: " + e.getMessage());
            }
        }
        Eval l = left.eval;
        Eval r = right.eval;
        return Bound.value(position, type, f -> op.apply(l.eval(f), r.eval(f)));
    }

    private Bound incrementDecrement(Expr.IncrementDecrement i) {
        Bound target = b.expressions.bind(i.operand());
        LValue lvalue = assignable(i.position(), target);
        NumericKind k = NumericKind.of(Types.underlying(lvalue.type()));
        if (k == null) {
            throw new CompileError(i.position(), "operator '" + i.operator() + "' cannot be applied to an operand of type '"
                    + lvalue.type().display() + "'");
        }
        UnaryOperator<Object> step = Numbers.step(k, i.operator().equals("++") ? 1 : -1);
        Eval e = lvalue.assign((f, current) -> current == null ? null : step.apply(current), true, !i.prefix());
        return Bound.value(i.position(), lvalue.type(), e);
    }

    private Bound assignment(Expr.Assignment a) {
        Bound target = b.expressions.bind(a.target());
        LValue lvalue = assignable(a.position(), target);
        TypeSymbol type = lvalue.type();
        String op = a.operator();
        if (op.equals("=")) {
            Eval value = b.expressions.bindValue(a.value(), type).eval;
            return Bound.value(a.position(), type, lvalue.assign((f, current) -> value.eval(f), false, false));
        }
        if (op.equals("??=")) {
            if (!type.acceptsNull()) {
                throw new CompileError(a.position(), "operator '??=' cannot be applied to type '" + type.display() + "'");
            }
            Eval value = b.expressions.bindValue(a.value(), type).eval;
            return Bound.value(a.position(), type, lvalue.assign((f, current) -> current != null ? current : value.eval(f),
                    true, false));
        }
        int slot = b.slots.allocate();
        Bound current = Bound.value(a.position(), type, f -> f.locals[slot]);
        Bound result = binary(a.position(), op.substring(0, op.length() - 1), current, b.expressions.bindValue(a.value()));
        Bound converted = b.converter.isImplicit(result, type) ? b.converter.implicit(result, type)
                : b.converter.explicit(result, type, a.position());
        Eval compute = converted.eval;
        return Bound.value(a.position(), type, lvalue.assign((f, old) -> {
            f.locals[slot] = old;
            return compute.eval(f);
        }, true, false));
    }

    private static LValue assignable(int position, Bound target) {
        if (target.isValue() && target.lvalue != null) {
            return target.lvalue;
        }
        if (target.isValue() && target.isConstant() && target.position == position) {
            throw new CompileError(position, "a constant cannot be assigned to");
        }
        throw new CompileError(position, "the left-hand side of an assignment must be a variable, a settable property or an indexer");
    }
}
