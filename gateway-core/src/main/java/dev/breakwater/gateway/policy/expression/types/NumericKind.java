package dev.breakwater.gateway.policy.expression.types;

import java.util.EnumSet;
import java.util.Set;

/** The numeric types of the subset (char counts as one), with C#'s implicit conversions between them. */
public enum NumericKind {
    BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE, DECIMAL;

    /** The kind of {@code t} (nullable unwrapped only if {@code liftNullable}), or null when not numeric. */
    public static NumericKind of(TypeSymbol t) {
        if (!(t instanceof NamedType n)) {
            return null;
        }
        TypeDef d = n.def();
        if (d == Types.INT_DEF) {
            return INT;
        } else if (d == Types.LONG_DEF) {
            return LONG;
        } else if (d == Types.DOUBLE_DEF) {
            return DOUBLE;
        } else if (d == Types.DECIMAL_DEF) {
            return DECIMAL;
        } else if (d == Types.FLOAT_DEF) {
            return FLOAT;
        } else if (d == Types.CHAR_DEF) {
            return CHAR;
        } else if (d == Types.BYTE_DEF) {
            return BYTE;
        } else if (d == Types.SHORT_DEF) {
            return SHORT;
        }
        return null;
    }

    public NamedType type() {
        return switch (this) {
            case BYTE -> Types.BYTE;
            case SHORT -> Types.SHORT;
            case CHAR -> Types.CHAR;
            case INT -> Types.INT;
            case LONG -> Types.LONG;
            case FLOAT -> Types.FLOAT;
            case DOUBLE -> Types.DOUBLE;
            case DECIMAL -> Types.DECIMAL;
        };
    }

    /** True when C# converts this kind to {@code to} implicitly (identity included). */
    public boolean implicitlyConvertsTo(NumericKind to) {
        return this == to || implicitTargets().contains(to);
    }

    private Set<NumericKind> implicitTargets() {
        return switch (this) {
            case BYTE -> EnumSet.of(SHORT, INT, LONG, FLOAT, DOUBLE, DECIMAL);
            case SHORT, CHAR -> EnumSet.of(INT, LONG, FLOAT, DOUBLE, DECIMAL);
            case INT -> EnumSet.of(LONG, FLOAT, DOUBLE, DECIMAL);
            case LONG -> EnumSet.of(FLOAT, DOUBLE, DECIMAL);
            case FLOAT -> EnumSet.of(DOUBLE);
            case DOUBLE, DECIMAL -> EnumSet.noneOf(NumericKind.class);
        };
    }

    public boolean isIntegral() {
        return this != FLOAT && this != DOUBLE && this != DECIMAL;
    }

    /**
     * The type of a binary arithmetic operation on two kinds (C#'s binary numeric promotion), or null
     * when there is none (decimal with float/double).
     */
    public static NumericKind promote(NumericKind a, NumericKind b) {
        if (a == DECIMAL || b == DECIMAL) {
            return (a == FLOAT || a == DOUBLE || b == FLOAT || b == DOUBLE) ? null : DECIMAL;
        }
        if (a == DOUBLE || b == DOUBLE) {
            return DOUBLE;
        }
        if (a == FLOAT || b == FLOAT) {
            return FLOAT;
        }
        if (a == LONG || b == LONG) {
            return LONG;
        }
        return INT;
    }
}
