package dev.breakwater.gateway.policy.expression.types;

import java.util.ArrayList;
import java.util.List;

/**
 * Classifies the conversion between two types as C# does for the subset: identity, numeric (implicit
 * or explicit), nullable, reference (up is implicit, down is checked at run time), user-defined
 * (Newtonsoft's JToken operators) and enum conversions.
 */
public final class Conversions {

    /** Marks "no constant" for {@link #classify}. */
    public static final Object NOT_CONSTANT = new Object();

    /** A classified conversion; {@code user} is set for user-defined ones. */
    public record Conversion(ConversionKind kind, ConversionSymbol user) {
        static final Conversion NONE = new Conversion(ConversionKind.NONE, null);

        public boolean isImplicit() {
            return kind.isImplicit();
        }

        public boolean exists() {
            return kind.exists();
        }
    }

    private Conversions() {
    }

    public static boolean isImplicit(TypeSymbol from, TypeSymbol to) {
        return classify(from, to, NOT_CONSTANT).isImplicit();
    }

    public static Conversion classify(TypeSymbol from, TypeSymbol to, Object constant) {
        ConversionKind standard = standard(from, to, constant);
        if (standard.isImplicit()) {
            return new Conversion(standard, null);
        }
        ConversionSymbol implicitUser = userDefined(from, to, true);
        if (implicitUser != null) {
            return new Conversion(ConversionKind.USER_IMPLICIT, implicitUser);
        }
        if (standard.exists()) {
            return new Conversion(standard, null);
        }
        ConversionSymbol explicitUser = userDefined(from, to, false);
        if (explicitUser != null) {
            return new Conversion(ConversionKind.USER_EXPLICIT, explicitUser);
        }
        return Conversion.NONE;
    }

    /** The standard (not user-defined) conversion from {@code from} to {@code to}. */
    static ConversionKind standard(TypeSymbol from, TypeSymbol to, Object constant) {
        if (from.equals(to)) {
            return ConversionKind.IDENTITY;
        }
        if (Types.VOID.equals(from) || Types.VOID.equals(to)) {
            return ConversionKind.NONE;
        }
        if (from instanceof NullType) {
            return to.acceptsNull() ? ConversionKind.NULL_LITERAL : ConversionKind.NONE;
        }
        NumericKind fk = NumericKind.of(from);
        NumericKind tk = NumericKind.of(to);
        if (fk != null && tk != null) {
            if (fk.implicitlyConvertsTo(tk)) {
                return ConversionKind.NUMERIC_IMPLICIT;
            }
            if (constant instanceof Integer c && fitsConstant(c, tk)) {
                return ConversionKind.CONSTANT_IMPLICIT;
            }
            return ConversionKind.NUMERIC_EXPLICIT;
        }
        if (Types.isNullable(to)) {
            TypeSymbol u = Types.underlying(to);
            TypeSymbol f = Types.underlying(from);
            if (from.equals(u)) {
                return ConversionKind.NULLABLE_WRAP;
            }
            NumericKind fu = NumericKind.of(f);
            NumericKind tu = NumericKind.of(u);
            if (fu != null && tu != null) {
                return fu.implicitlyConvertsTo(tu) ? ConversionKind.NULLABLE_NUMERIC_IMPLICIT
                        : ConversionKind.NULLABLE_NUMERIC_EXPLICIT;
            }
            if (Types.isNullable(from) && f.equals(u)) {
                return ConversionKind.IDENTITY;
            }
            if (!Types.isNullable(from) && TypeRelations.isSubtype(u, from)) {
                return ConversionKind.REFERENCE_EXPLICIT;
            }
            return ConversionKind.NONE;
        }
        if (Types.isNullable(from)) {
            TypeSymbol f = Types.underlying(from);
            if (f.equals(to)) {
                return ConversionKind.NULLABLE_UNWRAP;
            }
            if (NumericKind.of(f) != null && tk != null) {
                return ConversionKind.NULLABLE_NUMERIC_EXPLICIT;
            }
            return TypeRelations.isSubtype(f, to) ? ConversionKind.REFERENCE_IMPLICIT : ConversionKind.NONE;
        }
        if (TypeRelations.isSubtype(from, to)) {
            return ConversionKind.REFERENCE_IMPLICIT;
        }
        if (TypeRelations.isSubtype(to, from) || isInterface(from) && !isSealedValue(to)
                || isInterface(to) && !isSealedValue(from)) {
            return ConversionKind.REFERENCE_EXPLICIT;
        }
        if (isEnum(from) && tk != null && tk.isIntegral() || isEnum(to) && fk != null && fk.isIntegral()) {
            return ConversionKind.ENUM_EXPLICIT;
        }
        return ConversionKind.NONE;
    }

    private static boolean fitsConstant(int c, NumericKind k) {
        return switch (k) {
            case BYTE -> c >= 0 && c <= 255;
            case SHORT -> c >= Short.MIN_VALUE && c <= Short.MAX_VALUE;
            default -> false;
        };
    }

    private static boolean isInterface(TypeSymbol t) {
        return t instanceof NamedType n && n.def().kind() == TypeDef.Kind.INTERFACE;
    }

    private static boolean isSealedValue(TypeSymbol t) {
        return t.isValueType() || Types.isString(t);
    }

    public static boolean isEnum(TypeSymbol t) {
        return t instanceof NamedType n && n.def().kind() == TypeDef.Kind.ENUM;
    }

    /**
     * The most specific user-defined conversion from {@code from} to {@code to}, looking in both types
     * (C#'s rule, simplified: exact source and target first, then the one whose source is most encompassed).
     */
    private static ConversionSymbol userDefined(TypeSymbol from, TypeSymbol to, boolean implicitOnly) {
        if (from instanceof NullType) {
            return null;
        }
        List<ConversionSymbol> candidates = new ArrayList<>();
        collect(from, candidates);
        collect(to, candidates);
        ConversionSymbol best = null;
        for (ConversionSymbol c : candidates) {
            if (implicitOnly && !c.implicit()) {
                continue;
            }
            boolean sourceOk = implicitOnly ? standard(from, c.from(), NOT_CONSTANT).isImplicit()
                    : standard(from, c.from(), NOT_CONSTANT).exists() || standard(c.from(), from, NOT_CONSTANT).isImplicit();
            boolean targetOk = implicitOnly ? standard(c.to(), to, NOT_CONSTANT).isImplicit()
                    : c.to().equals(to) || standard(c.to(), to, NOT_CONSTANT).isImplicit()
                    || standard(to, c.to(), NOT_CONSTANT).isImplicit();
            if (!sourceOk || !targetOk) {
                continue;
            }
            if (best == null || moreSpecific(c, best, from, to)) {
                best = c;
            }
        }
        return best;
    }

    private static boolean moreSpecific(ConversionSymbol c, ConversionSymbol best, TypeSymbol from, TypeSymbol to) {
        int cScore = (c.from().equals(from) ? 2 : 0) + (c.to().equals(to) ? 1 : 0);
        int bScore = (best.from().equals(from) ? 2 : 0) + (best.to().equals(to) ? 1 : 0);
        if (cScore != bScore) {
            return cScore > bScore;
        }
        return standard(c.from(), best.from(), NOT_CONSTANT).isImplicit()
                && !standard(best.from(), c.from(), NOT_CONSTANT).isImplicit();
    }

    private static void collect(TypeSymbol t, List<ConversionSymbol> into) {
        for (TypeSymbol s : TypeRelations.closure(Types.underlying(t))) {
            if (s instanceof NamedType n) {
                into.addAll(n.def().members().conversions());
            }
        }
    }
}
