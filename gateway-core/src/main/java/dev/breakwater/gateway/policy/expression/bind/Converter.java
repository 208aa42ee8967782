package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.runtime.json.JObject;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.eval.Numbers;
import dev.breakwater.gateway.policy.expression.eval.RuntimeTypes;
import dev.breakwater.gateway.policy.expression.runtime.EnumValue;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.types.ConversionKind;
import dev.breakwater.gateway.policy.expression.types.Conversions;
import dev.breakwater.gateway.policy.expression.types.NamedType;
import dev.breakwater.gateway.policy.expression.types.NumericKind;
import dev.breakwater.gateway.policy.expression.types.TypeRelations;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.function.UnaryOperator;

/** Builds the evaluators of conversions, implicit (assignments, arguments) and explicit (casts). */
final class Converter {

    private final Binder binder;

    Converter(Binder binder) {
        this.binder = binder;
    }

    /** True when {@code value} converts implicitly to {@code to} (null literal and constants included). */
    boolean isImplicit(Bound value, TypeSymbol to) {
        if (value.kind == Bound.Kind.LAMBDA) {
            return Types.isDelegate(to);
        }
        return value.isValue() && Conversions.classify(value.type, to, value.constant).isImplicit();
    }

    /** {@code value} as a {@code to}, or the C# error for a missing implicit conversion. */
    Bound implicit(Bound value, TypeSymbol to) {
        if (value.kind == Bound.Kind.LAMBDA) {
            if (!Types.isDelegate(to)) {
                throw new CompileError(value.position, "a lambda cannot be converted to '" + to.display() + "'");
            }
            return binder.lambdas.bind(value.lambda, to);
        }
        requireValue(value);
        Conversions.Conversion c = Conversions.classify(value.type, to, value.constant);
        if (!c.isImplicit()) {
            String hint = c.exists() ? " (an explicit conversion exists: add a cast)" : "";
            throw new CompileError(value.position, "cannot implicitly convert type '" + value.type.display()
                    + "' to '" + to.display() + "'" + hint);
        }
        return apply(c, value, to);
    }

    /** {@code (to)value}. */
    Bound explicit(Bound value, TypeSymbol to, int position) {
        if (value.kind == Bound.Kind.LAMBDA) {
            return implicit(value, to);
        }
        requireValue(value);
        Conversions.Conversion c = Conversions.classify(value.type, to, value.constant);
        if (!c.exists()) {
            throw new CompileError(position, "cannot convert type '" + value.type.display() + "' to '" + to.display() + "'");
        }
        Bound converted = apply(c, value, to);
        return Types.isObject(value.type) ? converted.markedFromCast() : converted;
    }

    /**
     * The final value of an expression for a policy attribute: converted implicitly to {@code target};
     * an {@code object} (a variable's value) is checked and converted when it runs.
     */
    Bound toTarget(Bound value, TypeSymbol target) {
        requireValue(value);
        if (Types.isObject(value.type) && !Types.isObject(target)) {
            Eval e = value.eval;
            NumericKind k = NumericKind.of(target);
            if (k != null) {
                return Bound.value(value.position, target, f -> {
                    Object v = e.eval(f);
                    if (v instanceof Number || v instanceof Character) {
                        return Numbers.convert(v, k);
                    }
                    if (v == null) {
                        throw DotNetException.nullReference();
                    }
                    throw DotNetException.invalidCast(RuntimeTypes.nameOf(v), target.display());
                });
            }
            return explicit(value, target, value.position);
        }
        return implicit(value, target);
    }

    private static void requireValue(Bound value) {
        if (!value.isValue()) {
            String what = switch (value.kind) {
                case TYPE -> "'" + value.type.display() + "' is a type, not a value";
                case NAMESPACE -> "'" + value.name + "' is not allowed in policy expressions";
                case METHOD_GROUP -> "'" + value.name + "' is a method: call it with ( )";
                default -> "a value is expected here";
            };
            throw new CompileError(value.position, what);
        }
    }

    Bound apply(Conversions.Conversion c, Bound value, TypeSymbol to) {
        TypeSymbol from = value.type;
        if (c.kind() == ConversionKind.IDENTITY) {
            return value.type.equals(to) ? value : Bound.value(value.position, to, value.eval);
        }
        UnaryOperator<Object> op = operator(c, from, to);
        if (op == null) {
            return Bound.value(value.position, to, value.eval);
        }
        if (value.isConstant() && c.kind() != ConversionKind.USER_IMPLICIT && c.kind() != ConversionKind.USER_EXPLICIT) {
            Object folded = op.apply(value.constant);
            return Bound.constant(value.position, to, folded);
        }
        Eval e = value.eval;
        return Bound.value(value.position, to, f -> op.apply(e.eval(f)));
    }

    /** The run-time work of a conversion, or null when the representation does not change. */
    private UnaryOperator<Object> operator(Conversions.Conversion c, TypeSymbol from, TypeSymbol to) {
        switch (c.kind()) {
            case IDENTITY, NULL_LITERAL, NULLABLE_WRAP:
                return null;
            case REFERENCE_IMPLICIT:
                return pairsView(from, to);
            case NUMERIC_IMPLICIT, NUMERIC_EXPLICIT, CONSTANT_IMPLICIT: {
                NumericKind k = NumericKind.of(to);
                return v -> Numbers.convert(v, k);
            }
            case NULLABLE_NUMERIC_IMPLICIT, NULLABLE_NUMERIC_EXPLICIT: {
                NumericKind k = NumericKind.of(Types.underlying(to));
                boolean toNullable = Types.isNullable(to);
                return v -> {
                    if (v == null) {
                        if (toNullable) {
                            return null;
                        }
                        throw DotNetException.invalidOperation("Nullable object must have a value.");
                    }
                    return Numbers.convert(v, k);
                };
            }
            case NULLABLE_UNWRAP:
                return v -> {
                    if (v == null) {
                        throw DotNetException.invalidOperation("Nullable object must have a value.");
                    }
                    return v;
                };
            case REFERENCE_EXPLICIT: {
                boolean nullOk = to.acceptsNull();
                String target = dotNetName(to);
                return v -> {
                    if (v == null) {
                        if (nullOk) {
                            return null;
                        }
                        throw DotNetException.nullReference();
                    }
                    if (!to.isInstance(v)) {
                        throw DotNetException.invalidCast(RuntimeTypes.nameOf(v), target);
                    }
                    return v;
                };
            }
            case ENUM_EXPLICIT:
                if (Conversions.isEnum(from)) {
                    NumericKind k = NumericKind.of(to);
                    return v -> Numbers.convert(((EnumValue) v).value(), k);
                } else {
                    NamedType e = (NamedType) to;
                    return v -> new EnumValue(e.def(), ((Number) Numbers.convert(v, NumericKind.LONG)).longValue());
                }
            case USER_IMPLICIT, USER_EXPLICIT: {
                var user = c.user();
                UnaryOperator<Object> pre = step(from, user.from());
                UnaryOperator<Object> post = step(user.to(), to);
                UnaryOperator<Object> convert = user.convert();
                return v -> post.apply(convert.apply(pre.apply(v)));
            }
            default:
                throw new IllegalStateException("no conversion " + c.kind());
        }
    }

    /**
     * A JObject seen as {@code IEnumerable<KeyValuePair<string, JToken>>} (C#'s GetEnumerator of JObject)
     * enumerates name/value pairs; seen as a JToken it enumerates its JProperty children.
     */
    private UnaryOperator<Object> pairsView(TypeSymbol from, TypeSymbol to) {
        TypeSymbol element = TypeRelations.elementType(to);
        if (!(element instanceof NamedType pair) || !pair.def().name().equals("KeyValuePair")) {
            return null;
        }
        var jobject = binder.library.require("Newtonsoft.Json.Linq.JObject");
        if (TypeRelations.findConstructed(from, jobject) == null && !Types.isObject(from)) {
            return null;
        }
        return v -> v instanceof JObject o ? o.pairs() : v;
    }

    private UnaryOperator<Object> step(TypeSymbol from, TypeSymbol to) {
        Conversions.Conversion c = Conversions.classify(from, to, Conversions.NOT_CONSTANT);
        if (!c.exists() || c.kind() == ConversionKind.USER_IMPLICIT || c.kind() == ConversionKind.USER_EXPLICIT) {
            return v -> v;
        }
        UnaryOperator<Object> op = operator(c, from, to);
        return op == null ? v -> v : op;
    }

    static String dotNetName(TypeSymbol t) {
        return Types.dotNetName(t);
    }
}
