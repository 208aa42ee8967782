package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.runtime.DefaultValues;
import dev.breakwater.gateway.policy.expression.runtime.EnumValue;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Ref;
import dev.breakwater.gateway.policy.expression.runtime.NumberFormatter;
import dev.breakwater.gateway.policy.expression.runtime.NumberParser;
import dev.breakwater.gateway.policy.expression.runtime.ValueFormatter;
import dev.breakwater.gateway.policy.expression.types.TypeDef;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Function;

/** object, the predefined value types (parse, format, limits), Nullable, and the delegate types. */
final class CoreArea implements LibraryArea {

    private TypeBuilder object;
    private TypeBuilder bool;
    private TypeBuilder character;
    private TypeBuilder nullable;
    private TypeBuilder culture;
    private TypeBuilder nullableExtensions;
    private TypeBuilder enumBase;

    @Override
    public void declare(LibraryBuilder b) {
        object = b.declare(Types.OBJECT_DEF);
        bool = b.declare(Types.BOOL_DEF);
        character = b.declare(Types.CHAR_DEF);
        for (TypeDef d : new TypeDef[] {Types.BYTE_DEF, Types.SHORT_DEF, Types.INT_DEF, Types.LONG_DEF, Types.FLOAT_DEF,
                Types.DOUBLE_DEF, Types.DECIMAL_DEF, Types.VOID_DEF}) {
            b.declare(d);
        }
        nullable = b.declare(Types.NULLABLE);
        for (TypeDef d : new TypeDef[] {Types.FUNC0, Types.FUNC1, Types.FUNC2, Types.FUNC3, Types.ACTION1,
                Types.PREDICATE, Types.COMPARISON}) {
            b.declare(d);
        }
        b.declare("System", "IComparable", TypeDef.Kind.INTERFACE, null);
        b.declare("System", "IFormatProvider", TypeDef.Kind.INTERFACE, null);
        culture = b.declare("System.Globalization", "CultureInfo", TypeDef.Kind.CLASS, Culture.class);
        nullableExtensions = b.declare("System", "NullableExtensions", TypeDef.Kind.STATIC, null);
        enumBase = b.declare("System", "Enum", TypeDef.Kind.CLASS, EnumValue.class);
    }

    /** The only culture: the invariant one (APIM's gateway formats invariantly). */
    enum Culture { INVARIANT }

    @Override
    public void define(LibraryBuilder b) {
        object.method("string ToString()", ValueFormatter::toString)
                .method("bool Equals(object obj)", (s, o) -> Objects.equals(s, o))
                .method("int GetHashCode()", s -> s.hashCode())
                .staticMethod("bool Equals(object a, object b)", (x, y) -> Objects.equals(x, y))
                .staticMethod("bool ReferenceEquals(object a, object b)", (x, y) -> x == y);
        culture.supertypes("IFormatProvider")
                .staticProp("CultureInfo InvariantCulture", () -> Culture.INVARIANT)
                .staticProp("CultureInfo CurrentCulture", () -> Culture.INVARIANT)
                .prop("string Name", c -> "");
        defineBool();
        defineChar();
        integral(b, "byte", "a Byte", 0, 255, v -> (byte) (long) v);
        integral(b, "short", "an Int16", Short.MIN_VALUE, Short.MAX_VALUE, v -> (short) (long) v);
        integral(b, "int", "an Int32", Integer.MIN_VALUE, Integer.MAX_VALUE, v -> (int) (long) v);
        integral(b, "long", "an Int64", Long.MIN_VALUE, Long.MAX_VALUE, v -> v);
        floating(b, "double", NumberParser::parseDouble);
        floating(b, "float", s -> (float) NumberParser.parseDouble(s));
        defineDecimal(b);
        nullable.prop("bool HasValue", v -> v != null)
                .prop("T Value", v -> {
                    if (v == null) {
                        throw DotNetException.invalidOperation("Nullable object must have a value.");
                    }
                    return v;
                })
                .method("T GetValueOrDefault(T defaultValue)", (v, d) -> v == null ? d : v);
        // Nullable<T>.GetValueOrDefault() needs default(T): declared generically so that T is known.
        nullableExtensions.reified().staticMethod("T GetValueOrDefault<T>(this T? value)",
                (v, t) -> v == null ? DefaultValues.of(
                        (TypeSymbol) t) : v);
        enumBase.method("bool HasFlag(Enum flag)", (e, flag) -> ((EnumValue) e)
                .has((EnumValue) flag));
    }

    private void defineBool() {
        bool.supertypes("IComparable")
                .staticMethod("bool Parse(string value)", s -> NumberParser.parseBool((String) s))
                .staticMethod("bool TryParse(string value, out bool result)", (s, r) -> {
                    try {
                        return Ref.set(r, NumberParser.parseBool((String) s), true);
                    } catch (RuntimeException e) {
                        return Ref.set(r, false, false);
                    }
                })
                .constant("string TrueString", "True")
                .constant("string FalseString", "False")
                .method("int CompareTo(bool value)", (s, o) -> Boolean.compare((Boolean) s, (Boolean) o));
        bool.def().setDefaultValue(false);
    }

    private void defineChar() {
        character.supertypes("IComparable")
                .staticMethod("bool IsDigit(char c)", c -> Character.isDigit((Character) c))
                .staticMethod("bool IsLetter(char c)", c -> Character.isLetter((Character) c))
                .staticMethod("bool IsLetterOrDigit(char c)", c -> Character.isLetterOrDigit((Character) c))
                .staticMethod("bool IsWhiteSpace(char c)", c -> Character.isWhitespace((Character) c) || (Character) c == '\u00A0')
                .staticMethod("bool IsUpper(char c)", c -> Character.isUpperCase((Character) c))
                .staticMethod("bool IsLower(char c)", c -> Character.isLowerCase((Character) c))
                .staticMethod("bool IsPunctuation(char c)", c -> isPunctuation((Character) c))
                .staticMethod("bool IsControl(char c)", c -> Character.isISOControl((Character) c))
                .staticMethod("char ToUpper(char c)", c -> Character.toUpperCase((Character) c))
                .staticMethod("char ToLower(char c)", c -> Character.toLowerCase((Character) c))
                .staticMethod("char ToUpperInvariant(char c)", c -> Character.toUpperCase((Character) c))
                .staticMethod("char ToLowerInvariant(char c)", c -> Character.toLowerCase((Character) c))
                .staticMethod("char Parse(string s)", s -> {
                    if (s == null || ((String) s).length() != 1) {
                        throw DotNetException.format("String must be exactly one character long.");
                    }
                    return ((String) s).charAt(0);
                })
                .staticMethod("string ToString(char c)", c -> String.valueOf(c))
                .constant("char MaxValue", '\uFFFF')
                .constant("char MinValue", '\0');
    }

    private static boolean isPunctuation(char c) {
        int t = Character.getType(c);
        return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION || t == Character.START_PUNCTUATION
                || t == Character.END_PUNCTUATION || t == Character.INITIAL_QUOTE_PUNCTUATION
                || t == Character.FINAL_QUOTE_PUNCTUATION || t == Character.OTHER_PUNCTUATION;
    }

    private static void integral(LibraryBuilder b, String keyword, String article, long min, long max,
                                 Function<Long, Object> box) {
        TypeDef def = Types.INT_DEF;
        for (TypeDef d : new TypeDef[] {Types.BYTE_DEF, Types.SHORT_DEF, Types.INT_DEF, Types.LONG_DEF}) {
            if (d.displayName().equals(keyword)) {
                def = d;
            }
        }
        TypeBuilder t = b.builder(def.fullName(), 0);
        t.supertypes("IComparable")
                .staticMethod(keyword + " Parse(string s)", s -> box.apply(NumberParser.parseIntegral((String) s, min, max, article)))
                .staticMethod(keyword + " Parse(string s, IFormatProvider provider)",
                        (s, p) -> box.apply(NumberParser.parseIntegral((String) s, min, max, article)))
                .staticMethod("bool TryParse(string s, out " + keyword + " result)", (s, r) -> {
                    try {
                        return Ref.set(r, box.apply(NumberParser.parseIntegral((String) s, min, max, article)), true);
                    } catch (RuntimeException e) {
                        return Ref.set(r, box.apply(0L), false);
                    }
                })
                .constant(keyword + " MaxValue", box.apply(max))
                .constant(keyword + " MinValue", box.apply(min))
                .method("string ToString(string format)", (v, f) -> NumberFormatter.format(v, (String) f))
                .method("string ToString(IFormatProvider provider)", (v, p) -> NumberFormatter.toString(v))
                .method("string ToString(string format, IFormatProvider provider)", (v, f, p) -> NumberFormatter.format(v, (String) f))
                .method("int CompareTo(" + keyword + " value)", (v, o) -> Long.compare(((Number) v).longValue(), ((Number) o).longValue()));
    }

    private static void floating(LibraryBuilder b, String keyword, Function<String, Object> parse) {
        TypeDef def = keyword.equals("double") ? Types.DOUBLE_DEF : Types.FLOAT_DEF;
        boolean isDouble = keyword.equals("double");
        TypeBuilder t = b.builder(def.fullName(), 0);
        t.supertypes("IComparable")
                .staticMethod(keyword + " Parse(string s)", s -> parse.apply((String) s))
                .staticMethod(keyword + " Parse(string s, IFormatProvider provider)", (s, p) -> parse.apply((String) s))
                .staticMethod("bool TryParse(string s, out " + keyword + " result)", (s, r) -> {
                    try {
                        return Ref.set(r, parse.apply((String) s), true);
                    } catch (RuntimeException e) {
                        return Ref.set(r, isDouble ? (Object) 0.0 : (Object) 0.0f, false);
                    }
                })
                .staticMethod("bool IsNaN(" + keyword + " d)", d -> Double.isNaN(((Number) d).doubleValue()))
                .staticMethod("bool IsInfinity(" + keyword + " d)", d -> Double.isInfinite(((Number) d).doubleValue()))
                .staticMethod("bool IsPositiveInfinity(" + keyword + " d)", d -> ((Number) d).doubleValue() == Double.POSITIVE_INFINITY)
                .staticMethod("bool IsNegativeInfinity(" + keyword + " d)", d -> ((Number) d).doubleValue() == Double.NEGATIVE_INFINITY)
                .constant(keyword + " MaxValue", isDouble ? (Object) Double.MAX_VALUE : (Object) Float.MAX_VALUE)
                .constant(keyword + " MinValue", isDouble ? (Object) (-Double.MAX_VALUE) : (Object) (-Float.MAX_VALUE))
                .constant(keyword + " Epsilon", isDouble ? (Object) Double.MIN_VALUE : (Object) Float.MIN_VALUE)
                .constant(keyword + " NaN", isDouble ? (Object) Double.NaN : (Object) Float.NaN)
                .constant(keyword + " PositiveInfinity", isDouble ? (Object) Double.POSITIVE_INFINITY : (Object) Float.POSITIVE_INFINITY)
                .constant(keyword + " NegativeInfinity", isDouble ? (Object) Double.NEGATIVE_INFINITY : (Object) Float.NEGATIVE_INFINITY)
                .method("string ToString(string format)", (v, f) -> NumberFormatter.format(v, (String) f))
                .method("string ToString(IFormatProvider provider)", (v, p) -> NumberFormatter.toString(v))
                .method("string ToString(string format, IFormatProvider provider)", (v, f, p) -> NumberFormatter.format(v, (String) f))
                .method("int CompareTo(" + keyword + " value)", (v, o) -> Double.compare(((Number) v).doubleValue(), ((Number) o).doubleValue()));
    }

    private static void defineDecimal(LibraryBuilder b) {
        TypeBuilder t = b.builder(Types.DECIMAL_DEF.fullName(), 0);
        t.supertypes("IComparable")
                .staticMethod("decimal Parse(string s)", s -> NumberParser.parseDecimal((String) s))
                .staticMethod("decimal Parse(string s, IFormatProvider provider)", (s, p) -> NumberParser.parseDecimal((String) s))
                .staticMethod("bool TryParse(string s, out decimal result)", (s, r) -> {
                    try {
                        return Ref.set(r, NumberParser.parseDecimal((String) s), true);
                    } catch (RuntimeException e) {
                        return Ref.set(r, BigDecimal.ZERO, false);
                    }
                })
                .constant("decimal MaxValue", new BigDecimal("79228162514264337593543950335"))
                .constant("decimal MinValue", new BigDecimal("-79228162514264337593543950335"))
                .constant("decimal Zero", BigDecimal.ZERO)
                .constant("decimal One", BigDecimal.ONE)
                .method("string ToString(string format)", (v, f) -> NumberFormatter.format(v, (String) f))
                .method("string ToString(IFormatProvider provider)", (v, p) -> NumberFormatter.toString(v))
                .method("string ToString(string format, IFormatProvider provider)", (v, f, p) -> NumberFormatter.format(v, (String) f))
                .method("int CompareTo(decimal value)", (v, o) -> ((BigDecimal) v).compareTo((BigDecimal) o));
    }
}
