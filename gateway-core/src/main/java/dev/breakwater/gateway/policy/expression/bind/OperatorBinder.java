package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.ExpressionEvaluationException;
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

/**
 * Unary and binary operators, assignment, compound assignment and {@code ++}/{@code --}, with C#'s
 * numeric promotion, lifting over nullables, string concatenation, ordinal string equality and the
 * library's user-defined operators (DateTime, TimeSpan…).
 */
final class OperatorBinder {

    private final Binder b;
    private final UserOperators user;
    private final AssignmentBinder assignments;
    private final UnaryAndLogicalBinder unaries;

    OperatorBinder(Binder binder) {
        this.b = binder;
        this.user = new UserOperators(binder);
        this.assignments = new AssignmentBinder(binder);
        this.unaries = new UnaryAndLogicalBinder(binder, user);
    }

    Bound bind(Expr e) {
        if (e instanceof Expr.Unary u) {
            return unaries.unary(u);
        }
        if (e instanceof Expr.Binary x) {
            return switch (x.operator()) {
                case "&&", "||" -> unaries.logical(x);
                case "??" -> unaries.coalesce(x);
                default -> binary(x.position(), x.operator(), b.expressions.bindValue(x.left()), b.expressions.bindValue(x.right()));
            };
        }
        if (e instanceof Expr.IncrementDecrement i) {
            return assignments.incrementDecrement(i);
        }
        return assignments.assignment((Expr.Assignment) e);
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
            } catch (ExpressionEvaluationException e) {
                throw new CompileError(position, "the constant expression fails: " + e.getMessage());
            }
        }
        Eval l = left.eval;
        Eval r = right.eval;
        return Bound.value(position, type, f -> op.apply(l.eval(f), r.eval(f)));
    }
}
