package dev.breakwater.gateway.policy.expression.eval;

import dev.breakwater.gateway.policy.expression.types.NumericKind;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * C# arithmetic on boxed values, chosen once per operator and type when compiling: unchecked integer
 * overflow, integer division, DivideByZeroException, decimal with 28 significant digits.
 */
public final class Numbers {

    /** .NET decimal's precision. */
    public static final MathContext DECIMAL = new MathContext(28, RoundingMode.HALF_EVEN);

    private Numbers() {
    }

    /** Converts a boxed number or char to {@code kind} (C#'s unchecked explicit conversion). */
    public static Object convert(Object v, NumericKind kind) {
        if (v instanceof Character c) {
            v = (int) c;
        }
        if (v instanceof Byte b) {
            v = b & 0xFF;
        }
        Number n = (Number) v;
        return switch (kind) {
            case INT -> n instanceof BigDecimal d ? decimalToLong(d, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue()
                    : n instanceof Double || n instanceof Float ? (int) doubleToLong(n.doubleValue()) : n.intValue();
            case LONG -> n instanceof BigDecimal d ? decimalToLong(d, Long.MIN_VALUE, Long.MAX_VALUE)
                    : n instanceof Double || n instanceof Float ? doubleToLong(n.doubleValue()) : n.longValue();
            case DOUBLE -> n.doubleValue();
            case FLOAT -> n.floatValue();
            case DECIMAL -> n instanceof BigDecimal ? n : n instanceof Double || n instanceof Float
                    ? toDecimal(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
            case SHORT -> (short) integral(n);
            case BYTE -> (byte) integral(n);
            case CHAR -> (char) integral(n);
        };
    }

    private static long integral(Number n) {
        if (n instanceof BigDecimal d) {
            return d.longValue();
        }
        return n instanceof Double || n instanceof Float ? doubleToLong(n.doubleValue()) : n.longValue();
    }

    private static long doubleToLong(double d) {
        return Double.isNaN(d) ? 0 : (long) d;
    }

    private static Long decimalToLong(BigDecimal d, long min, long max) {
        BigDecimal t = d.setScale(0, RoundingMode.DOWN);
        if (t.compareTo(BigDecimal.valueOf(min)) < 0 || t.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw DotNetException.overflow();
        }
        return t.longValue();
    }

    /** A double as .NET's decimal converts it (15 significant digits). */
    public static BigDecimal toDecimal(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || Math.abs(d) > 7.9e28) {
            throw DotNetException.overflow();
        }
        BigDecimal r = new BigDecimal(d).round(new MathContext(15, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    /** {@code + - * / %} on two values already converted to {@code kind}, or null when not defined. */
    public static BinaryOperator<Object> arithmetic(String op, NumericKind kind) {
        return switch (kind) {
            case INT -> switch (op) {
                case "+" -> (a, b) -> (Integer) a + (Integer) b;
                case "-" -> (a, b) -> (Integer) a - (Integer) b;
                case "*" -> (a, b) -> (Integer) a * (Integer) b;
                case "/" -> (a, b) -> intDivide((Integer) a, (Integer) b, false);
                case "%" -> (a, b) -> intDivide((Integer) a, (Integer) b, true);
                case "&" -> (a, b) -> (Integer) a & (Integer) b;
                case "|" -> (a, b) -> (Integer) a | (Integer) b;
                case "^" -> (a, b) -> (Integer) a ^ (Integer) b;
                default -> null;
            };
            case LONG -> switch (op) {
                case "+" -> (a, b) -> (Long) a + (Long) b;
                case "-" -> (a, b) -> (Long) a - (Long) b;
                case "*" -> (a, b) -> (Long) a * (Long) b;
                case "/" -> (a, b) -> longDivide((Long) a, (Long) b, false);
                case "%" -> (a, b) -> longDivide((Long) a, (Long) b, true);
                case "&" -> (a, b) -> (Long) a & (Long) b;
                case "|" -> (a, b) -> (Long) a | (Long) b;
                case "^" -> (a, b) -> (Long) a ^ (Long) b;
                default -> null;
            };
            case DOUBLE -> switch (op) {
                case "+" -> (a, b) -> (Double) a + (Double) b;
                case "-" -> (a, b) -> (Double) a - (Double) b;
                case "*" -> (a, b) -> (Double) a * (Double) b;
                case "/" -> (a, b) -> (Double) a / (Double) b;
                case "%" -> (a, b) -> (Double) a % (Double) b;
                default -> null;
            };
            case FLOAT -> switch (op) {
                case "+" -> (a, b) -> (Float) a + (Float) b;
                case "-" -> (a, b) -> (Float) a - (Float) b;
                case "*" -> (a, b) -> (Float) a * (Float) b;
                case "/" -> (a, b) -> (Float) a / (Float) b;
                case "%" -> (a, b) -> (Float) a % (Float) b;
                default -> null;
            };
            case DECIMAL -> switch (op) {
                case "+" -> (a, b) -> ((BigDecimal) a).add((BigDecimal) b);
                case "-" -> (a, b) -> ((BigDecimal) a).subtract((BigDecimal) b);
                case "*" -> (a, b) -> ((BigDecimal) a).multiply((BigDecimal) b, DECIMAL);
                case "/" -> (a, b) -> decimalDivide((BigDecimal) a, (BigDecimal) b);
                case "%" -> (a, b) -> {
                    if (((BigDecimal) b).signum() == 0) {
                        throw DotNetException.divideByZero();
                    }
                    return ((BigDecimal) a).remainder((BigDecimal) b);
                };
                default -> null;
            };
            default -> null;
        };
    }

    private static Object intDivide(int a, int b, boolean remainder) {
        if (b == 0) {
            throw DotNetException.divideByZero();
        }
        if (b == -1 && a == Integer.MIN_VALUE) {
            throw DotNetException.overflow();
        }
        return remainder ? a % b : a / b;
    }

    private static Object longDivide(long a, long b, boolean remainder) {
        if (b == 0) {
            throw DotNetException.divideByZero();
        }
        if (b == -1 && a == Long.MIN_VALUE) {
            throw DotNetException.overflow();
        }
        return remainder ? a % b : a / b;
    }

    private static BigDecimal decimalDivide(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            throw DotNetException.divideByZero();
        }
        BigDecimal q = a.divide(b, DECIMAL);
        return q.scale() < 0 ? q.setScale(0) : q;
    }

    /** {@code << >>} on int or long. */
    public static BinaryOperator<Object> shift(String op, NumericKind kind) {
        if (kind == NumericKind.INT) {
            return op.equals("<<") ? (a, b) -> (Integer) a << (Integer) b : (a, b) -> (Integer) a >> (Integer) b;
        }
        return op.equals("<<") ? (a, b) -> (Long) a << (Integer) b : (a, b) -> (Long) a >> (Integer) b;
    }

    /** {@code < > <= >= == !=} on two values of {@code kind} (NaN compares false, as in C#). */
    public static BiPredicate<Object, Object> comparison(String op, NumericKind kind) {
        return switch (kind) {
            case DOUBLE, FLOAT -> {
                BiPredicate<Object, Object> p = switch (op) {
                    case "<" -> (a, b) -> ((Number) a).doubleValue() < ((Number) b).doubleValue();
                    case ">" -> (a, b) -> ((Number) a).doubleValue() > ((Number) b).doubleValue();
                    case "<=" -> (a, b) -> ((Number) a).doubleValue() <= ((Number) b).doubleValue();
                    case ">=" -> (a, b) -> ((Number) a).doubleValue() >= ((Number) b).doubleValue();
                    case "==" -> (a, b) -> ((Number) a).doubleValue() == ((Number) b).doubleValue();
                    default -> (a, b) -> ((Number) a).doubleValue() != ((Number) b).doubleValue();
                };
                yield p;
            }
            case DECIMAL -> byCompare(op, (a, b) -> ((BigDecimal) a).compareTo((BigDecimal) b));
            default -> byCompare(op, (a, b) -> Long.compare(((Number) a).longValue(), ((Number) b).longValue()));
        };
    }

    private static BiPredicate<Object, Object> byCompare(String op, java.util.Comparator<Object> c) {
        return switch (op) {
            case "<" -> (a, b) -> c.compare(a, b) < 0;
            case ">" -> (a, b) -> c.compare(a, b) > 0;
            case "<=" -> (a, b) -> c.compare(a, b) <= 0;
            case ">=" -> (a, b) -> c.compare(a, b) >= 0;
            case "==" -> (a, b) -> c.compare(a, b) == 0;
            default -> (a, b) -> c.compare(a, b) != 0;
        };
    }

    /** Unary {@code -} and {@code ~}. */
    public static UnaryOperator<Object> unary(String op, NumericKind kind) {
        if (op.equals("~")) {
            return kind == NumericKind.INT ? a -> ~(Integer) a : a -> ~(Long) a;
        }
        return switch (kind) {
            case INT -> a -> -(Integer) a;
            case LONG -> a -> -(Long) a;
            case DOUBLE -> a -> -(Double) a;
            case FLOAT -> a -> -(Float) a;
            case DECIMAL -> a -> ((BigDecimal) a).negate();
            default -> throw new IllegalArgumentException("unary " + op + " on " + kind);
        };
    }

    /** Adds one (or minus one) to a value of {@code kind}, for {@code ++} and {@code --}. */
    public static UnaryOperator<Object> step(NumericKind kind, int delta) {
        return switch (kind) {
            case INT -> a -> (Integer) a + delta;
            case LONG -> a -> (Long) a + delta;
            case DOUBLE -> a -> (Double) a + delta;
            case FLOAT -> a -> (Float) a + delta;
            case DECIMAL -> a -> ((BigDecimal) a).add(BigDecimal.valueOf(delta));
            case SHORT -> a -> (short) ((Short) a + delta);
            case BYTE -> a -> (byte) ((Byte) a + delta);
            case CHAR -> a -> (char) ((Character) a + delta);
        };
    }
}
