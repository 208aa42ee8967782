package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.eval.RuntimeTypes;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Frame;
import dev.breakwater.gateway.policy.expression.eval.Numbers;
import dev.breakwater.gateway.policy.expression.runtime.NumberParser;
import dev.breakwater.gateway.policy.expression.runtime.ValueFormatter;
import dev.breakwater.gateway.policy.expression.types.NumericKind;
import dev.breakwater.gateway.policy.expression.types.TypeDef;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/** System.Text.Encoding, System.Convert and System.BitConverter. */
final class EncodingArea implements LibraryArea {

    private TypeBuilder encoding;
    private TypeBuilder convert;
    private TypeBuilder bitConverter;

    @Override
    public void declare(LibraryBuilder b) {
        encoding = b.declare("System.Text", "Encoding", TypeDef.Kind.CLASS, Charset.class);
        convert = b.declare("System", "Convert", TypeDef.Kind.STATIC, null);
        bitConverter = b.declare("System", "BitConverter", TypeDef.Kind.STATIC, null);
    }

    @Override
    public void define(LibraryBuilder b) {
        encoding.staticProp("Encoding UTF8", () -> StandardCharsets.UTF_8)
                .staticProp("Encoding ASCII", () -> StandardCharsets.US_ASCII)
                .staticProp("Encoding Unicode", () -> StandardCharsets.UTF_16LE)
                .staticProp("Encoding BigEndianUnicode", () -> StandardCharsets.UTF_16BE)
                .staticProp("Encoding Latin1", () -> StandardCharsets.ISO_8859_1)
                .staticProp("Encoding Default", () -> StandardCharsets.UTF_8)
                .staticMethod("Encoding GetEncoding(string name)", n -> {
                    try {
                        return Charset.forName((String) n);
                    } catch (IllegalArgumentException e) {
                        throw DotNetException.argument("'" + n + "' is not a supported encoding name.");
                    }
                })
                .prop("string WebName", c -> ((Charset) c).name().toLowerCase())
                .raw("byte[] GetBytes(string s)", (f, c, a) -> {
                    if (a[0] == null) {
                        throw DotNetException.argumentNull("s");
                    }
                    return bytes(f, ((String) a[0]).getBytes((Charset) c));
                })
                .method("string GetString(byte[] bytes)", (c, bytes) -> {
                    if (bytes == null) {
                        throw DotNetException.argumentNull("bytes");
                    }
                    return new String((byte[]) bytes, (Charset) c);
                })
                .method("string GetString(byte[] bytes, int index, int count)", (c, bytes, i, n) ->
                        new String((byte[]) bytes, (Integer) i, (Integer) n, (Charset) c))
                .method("int GetByteCount(string s)", (c, s) -> ((String) s).getBytes((Charset) c).length);
        defineConvert();
        bitConverter.staticMethod("string ToString(byte[] value)", v -> hex((byte[]) v, "-", true))
                .staticMethod("byte[] GetBytes(int value)", v -> ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((Integer) v).array())
                .staticMethod("byte[] GetBytes(long value)", v -> ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong((Long) v).array())
                .staticMethod("int ToInt32(byte[] value, int startIndex)", (v, i) ->
                        ByteBuffer.wrap((byte[]) v, (Integer) i, 4).order(ByteOrder.LITTLE_ENDIAN).getInt())
                .staticMethod("long ToInt64(byte[] value, int startIndex)", (v, i) ->
                        ByteBuffer.wrap((byte[]) v, (Integer) i, 8).order(ByteOrder.LITTLE_ENDIAN).getLong())
                .constant("bool IsLittleEndian", true);
    }

    private static byte[] bytes(Frame f, byte[] b) {
        f.checkSize(b.length);
        return b;
    }

    static String hex(byte[] bytes, String separator, boolean upper) {
        if (bytes == null) {
            throw DotNetException.argumentNull("value");
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                s.append(separator);
            }
            s.append(String.format(upper ? "%02X" : "%02x", bytes[i] & 0xFF));
        }
        return s.toString();
    }

    private void defineConvert() {
        convert.staticMethod("string ToBase64String(byte[] inArray)", a -> {
                    if (a == null) {
                        throw DotNetException.argumentNull("inArray");
                    }
                    return Base64.getEncoder().encodeToString((byte[]) a);
                })
                .staticMethod("byte[] FromBase64String(string s)", s -> {
                    if (s == null) {
                        throw DotNetException.argumentNull("s");
                    }
                    try {
                        // .NET skips white space inside Base64 text and nothing else.
                        return Base64.getDecoder().decode(((String) s).replaceAll("[ \\t\\r\\n]", ""));
                    } catch (IllegalArgumentException e) {
                        throw DotNetException.format("The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.");
                    }
                })
                .staticMethod("string ToHexString(byte[] inArray)", a -> hex((byte[]) a, "", true))
                .staticMethod("byte[] FromHexString(string s)", s -> {
                    try {
                        return HexFormat.of().parseHex((String) s);
                    } catch (IllegalArgumentException e) {
                        throw DotNetException.format("The input is not a valid hex string as it contains a non-hex character.");
                    }
                })
                .staticMethod("string ToString(object value)", v -> v == null ? "" : ValueFormatter.toString(v))
                .staticMethod("string ToString(object value, IFormatProvider provider)", (v, p) -> v == null ? "" : ValueFormatter.toString(v))
                .staticMethod("string ToString(long value, int toBase)", (v, r) -> toBase((Long) v, (Integer) r))
                .staticMethod("int ToInt32(object value)", v -> (Integer) number(v, NumericKind.INT, "Int32"))
                .staticMethod("int ToInt32(string value, int fromBase)", (v, r) -> (int) Long.parseLong((String) v, (Integer) r))
                .staticMethod("long ToInt64(object value)", v -> number(v, NumericKind.LONG, "Int64"))
                .staticMethod("double ToDouble(object value)", v -> number(v, NumericKind.DOUBLE, "Double"))
                .staticMethod("decimal ToDecimal(object value)", v -> number(v, NumericKind.DECIMAL, "Decimal"))
                .staticMethod("short ToInt16(object value)", v -> number(v, NumericKind.SHORT, "Int16"))
                .staticMethod("byte ToByte(object value)", v -> number(v, NumericKind.BYTE, "Byte"))
                .staticMethod("byte ToByte(string value, int fromBase)", (v, r) -> {
                    int n = Integer.parseInt((String) v, (Integer) r);
                    if (n < 0 || n > 255) {
                        throw DotNetException.overflow();
                    }
                    return (byte) n;
                })
                .staticMethod("char ToChar(object value)", v -> v instanceof String s && s.length() == 1 ? s.charAt(0)
                        : (char) (int) (Integer) number(v, NumericKind.INT, "Char"))
                .staticMethod("bool ToBoolean(object value)", v -> {
                    if (v == null) {
                        return false;
                    }
                    if (v instanceof Boolean x) {
                        return x;
                    }
                    if (v instanceof String s) {
                        return NumberParser.parseBool(s);
                    }
                    if (v instanceof Number n) {
                        return n.doubleValue() != 0;
                    }
                    throw DotNetException.invalidCast(RuntimeTypes.nameOf(v), "System.Boolean");
                });
    }

    private static String toBase(long value, int radix) {
        if (radix != 2 && radix != 8 && radix != 10 && radix != 16) {
            throw DotNetException.argument("Invalid Base.");
        }
        return radix == 10 ? Long.toString(value) : Long.toUnsignedString(value, radix);
    }

    /** Convert.ToInt32(object) and friends: null is 0, strings are parsed, doubles round to even. */
    private static Object number(Object v, NumericKind kind, String type) {
        if (v == null) {
            return Numbers.convert(0, kind);
        }
        if (v instanceof String s) {
            if (kind == NumericKind.DOUBLE) {
                return NumberParser.parseDouble(s);
            }
            if (kind == NumericKind.DECIMAL) {
                return NumberParser.parseDecimal(s);
            }
            long n = NumberParser.parseIntegral(s, Long.MIN_VALUE, Long.MAX_VALUE, "an " + type);
            return checkedConvert(n, kind, type);
        }
        if (v instanceof Boolean b) {
            return Numbers.convert(b ? 1 : 0, kind);
        }
        if ((v instanceof Double || v instanceof Float) && kind != NumericKind.DOUBLE && kind != NumericKind.DECIMAL) {
            double d = Math.rint(((Number) v).doubleValue());
            if (Double.isNaN(d) || Math.abs(d) > 9.2e18) {
                throw DotNetException.of("System.OverflowException", "Value was either too large or too small for an " + type + ".");
            }
            return checkedConvert((long) d, kind, type);
        }
        if (v instanceof BigDecimal m && kind != NumericKind.DECIMAL && kind != NumericKind.DOUBLE) {
            return checkedConvert(m.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact(), kind, type);
        }
        if (v instanceof Number || v instanceof Character) {
            Object converted = Numbers.convert(v, kind);
            if (v instanceof Long l && kind == NumericKind.INT && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)) {
                throw DotNetException.of("System.OverflowException", "Value was either too large or too small for an Int32.");
            }
            return converted;
        }
        throw DotNetException.invalidCast(RuntimeTypes.nameOf(v), "System." + type);
    }

    private static Object checkedConvert(long n, NumericKind kind, String type) {
        long min;
        long max;
        switch (kind) {
            case INT -> {
                min = Integer.MIN_VALUE;
                max = Integer.MAX_VALUE;
            }
            case SHORT -> {
                min = Short.MIN_VALUE;
                max = Short.MAX_VALUE;
            }
            case BYTE -> {
                min = 0;
                max = 255;
            }
            default -> {
                min = Long.MIN_VALUE;
                max = Long.MAX_VALUE;
            }
        }
        if (n < min || n > max) {
            throw DotNetException.of("System.OverflowException", "Value was either too large or too small for an " + type + ".");
        }
        return Numbers.convert(n, kind);
    }
}
