package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.runtime.EnumValue;
import dev.breakwater.gateway.policy.expression.types.TypeDef;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** System.Math and MidpointRounding. Round is banker's rounding by default, as in .NET. */
final class MathArea implements LibraryArea {

    private TypeBuilder math;
    private TypeBuilder midpoint;

    @Override
    public void declare(LibraryBuilder b) {
        math = b.declare("System", "Math", TypeDef.Kind.STATIC, null);
        midpoint = b.declare("System", "MidpointRounding", TypeDef.Kind.ENUM, EnumValue.class);
    }

    @Override
    public void define(LibraryBuilder b) {
        midpoint.enumMember("ToEven", 0).enumMember("AwayFromZero", 1).enumMember("ToZero", 2)
                .enumMember("ToNegativeInfinity", 3).enumMember("ToPositiveInfinity", 4);
        math.constant("double PI", Math.PI).constant("double E", Math.E);
        math.staticMethod("int Abs(int value)", v -> {
                    if ((Integer) v == Integer.MIN_VALUE) {
                        throw DotNetException.of("System.OverflowException", "Negating the minimum value of a twos complement number is invalid.");
                    }
                    return Math.abs((Integer) v);
                })
                .staticMethod("long Abs(long value)", v -> Math.abs((Long) v))
                .staticMethod("double Abs(double value)", v -> Math.abs((Double) v))
                .staticMethod("float Abs(float value)", v -> Math.abs((Float) v))
                .staticMethod("decimal Abs(decimal value)", v -> ((BigDecimal) v).abs())
                .staticMethod("int Max(int a, int b)", (x, y) -> Math.max((Integer) x, (Integer) y))
                .staticMethod("long Max(long a, long b)", (x, y) -> Math.max((Long) x, (Long) y))
                .staticMethod("double Max(double a, double b)", (x, y) -> Math.max((Double) x, (Double) y))
                .staticMethod("float Max(float a, float b)", (x, y) -> Math.max((Float) x, (Float) y))
                .staticMethod("decimal Max(decimal a, decimal b)", (x, y) -> ((BigDecimal) x).max((BigDecimal) y))
                .staticMethod("int Min(int a, int b)", (x, y) -> Math.min((Integer) x, (Integer) y))
                .staticMethod("long Min(long a, long b)", (x, y) -> Math.min((Long) x, (Long) y))
                .staticMethod("double Min(double a, double b)", (x, y) -> Math.min((Double) x, (Double) y))
                .staticMethod("float Min(float a, float b)", (x, y) -> Math.min((Float) x, (Float) y))
                .staticMethod("decimal Min(decimal a, decimal b)", (x, y) -> ((BigDecimal) x).min((BigDecimal) y))
                .staticMethod("int Clamp(int value, int min, int max)", (v, lo, hi) -> Math.min(Math.max((Integer) v, (Integer) lo), (Integer) hi))
                .staticMethod("long Clamp(long value, long min, long max)", (v, lo, hi) -> Math.min(Math.max((Long) v, (Long) lo), (Long) hi))
                .staticMethod("double Clamp(double value, double min, double max)", (v, lo, hi) -> Math.min(Math.max((Double) v, (Double) lo), (Double) hi))
                .staticMethod("int Sign(int value)", v -> Integer.signum((Integer) v))
                .staticMethod("int Sign(long value)", v -> Long.signum((Long) v))
                .staticMethod("int Sign(double value)", v -> (int) Math.signum((Double) v))
                .staticMethod("int Sign(decimal value)", v -> ((BigDecimal) v).signum());
        rounding();
        math.staticMethod("double Pow(double x, double y)", (x, y) -> Math.pow((Double) x, (Double) y))
                .staticMethod("double Sqrt(double d)", d -> Math.sqrt((Double) d))
                .staticMethod("double Exp(double d)", d -> Math.exp((Double) d))
                .staticMethod("double Log(double d)", d -> Math.log((Double) d))
                .staticMethod("double Log(double a, double newBase)", (a, nb) -> Math.log((Double) a) / Math.log((Double) nb))
                .staticMethod("double Log10(double d)", d -> Math.log10((Double) d))
                .staticMethod("double Log2(double d)", d -> Math.log((Double) d) / Math.log(2))
                .staticMethod("double Sin(double a)", a -> Math.sin((Double) a))
                .staticMethod("double Cos(double a)", a -> Math.cos((Double) a))
                .staticMethod("double Tan(double a)", a -> Math.tan((Double) a))
                .staticMethod("double Atan(double a)", a -> Math.atan((Double) a))
                .staticMethod("double Atan2(double y, double x)", (y, x) -> Math.atan2((Double) y, (Double) x))
                .staticMethod("long BigMul(int a, int b)", (x, y) -> (long) (Integer) x * (Integer) y);
    }

    private void rounding() {
        math.staticMethod("double Round(double a)", a -> Math.rint((Double) a))
                .staticMethod("double Round(double value, int digits)", (v, d) -> round((Double) v, (Integer) d, 0))
                .staticMethod("double Round(double value, MidpointRounding mode)", (v, m) -> round((Double) v, 0, mode(m)))
                .staticMethod("double Round(double value, int digits, MidpointRounding mode)", (v, d, m) -> round((Double) v, (Integer) d, mode(m)))
                .staticMethod("decimal Round(decimal d)", d -> ((BigDecimal) d).setScale(0, RoundingMode.HALF_EVEN))
                .staticMethod("decimal Round(decimal d, int decimals)", (d, n) -> ((BigDecimal) d).setScale(decimals(n), RoundingMode.HALF_EVEN))
                .staticMethod("decimal Round(decimal d, MidpointRounding mode)", (d, m) -> ((BigDecimal) d).setScale(0, decimalMode(mode(m))))
                .staticMethod("decimal Round(decimal d, int decimals, MidpointRounding mode)",
                        (d, n, m) -> ((BigDecimal) d).setScale((Integer) n, decimalMode(mode(m))))
                .staticMethod("double Floor(double d)", d -> Math.floor((Double) d))
                .staticMethod("decimal Floor(decimal d)", d -> ((BigDecimal) d).setScale(0, RoundingMode.FLOOR))
                .staticMethod("double Ceiling(double a)", a -> Math.ceil((Double) a))
                .staticMethod("decimal Ceiling(decimal d)", d -> ((BigDecimal) d).setScale(0, RoundingMode.CEILING))
                .staticMethod("double Truncate(double d)", d -> (Double) d < 0 ? Math.ceil((Double) d) : Math.floor((Double) d))
                .staticMethod("decimal Truncate(decimal d)", d -> ((BigDecimal) d).setScale(0, RoundingMode.DOWN));
    }

    /** .NET accepts 0 to 28 decimals. */
    private static int decimals(Object n) {
        int d = (Integer) n;
        if (d < 0 || d > 28) {
            throw DotNetException.outOfRange("decimals", "Decimal can only round to between 0 and 28 digits of precision.");
        }
        return d;
    }

    private static int mode(Object m) {
        return (int) ((EnumValue) m).value();
    }

    private static RoundingMode decimalMode(int mode) {
        return switch (mode) {
            case 1 -> RoundingMode.HALF_UP;
            case 2 -> RoundingMode.DOWN;
            case 3 -> RoundingMode.FLOOR;
            case 4 -> RoundingMode.CEILING;
            default -> RoundingMode.HALF_EVEN;
        };
    }

    /** .NET's Math.Round(double, digits, mode): scale by a power of ten, round, scale back. */
    private static double round(double value, int digits, int mode) {
        if (digits < 0 || digits > 15) {
            throw DotNetException.outOfRange("digits", "Rounding digits must be between 0 and 15, inclusive.");
        }
        double power = Math.pow(10, digits);
        double scaled = value * power;
        if (Double.isInfinite(scaled)) {
            return value;
        }
        double r = switch (mode) {
            case 1 -> awayFromZero(scaled);
            case 2 -> scaled < 0 ? Math.ceil(scaled) : Math.floor(scaled);
            case 3 -> Math.floor(scaled);
            case 4 -> Math.ceil(scaled);
            default -> Math.rint(scaled);
        };
        return r / power;
    }

    private static double awayFromZero(double x) {
        double f = Math.floor(Math.abs(x));
        double frac = Math.abs(x) - f;
        double r = frac >= 0.5 ? f + 1 : f;
        return x < 0 ? -r : r;
    }
}
