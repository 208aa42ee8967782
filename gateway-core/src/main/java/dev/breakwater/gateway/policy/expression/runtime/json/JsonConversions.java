package dev.breakwater.gateway.policy.expression.runtime.json;

import dev.breakwater.gateway.policy.expression.eval.Numbers;
import dev.breakwater.gateway.policy.expression.runtime.DefaultValues;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.runtime.DateTimeParser;
import dev.breakwater.gateway.policy.expression.runtime.DotNetDateTime;
import dev.breakwater.gateway.policy.expression.runtime.DotNetDateTimeOffset;
import dev.breakwater.gateway.policy.expression.runtime.DotNetTimeSpan;
import dev.breakwater.gateway.policy.expression.runtime.DotNetUri;
import dev.breakwater.gateway.policy.expression.runtime.GuidFormat;
import dev.breakwater.gateway.policy.expression.runtime.NumberParser;
import dev.breakwater.gateway.policy.expression.runtime.TimeSpanFormat;
import dev.breakwater.gateway.policy.expression.runtime.ValueFormatter;
import dev.breakwater.gateway.policy.expression.types.ArrayType;
import dev.breakwater.gateway.policy.expression.types.NamedType;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON tokens to .NET values: the explicit operators ({@code (int)token}), {@code Value<T>},
 * {@code ToObject<T>} and {@code JsonConvert.DeserializeObject<T>}, with Json.NET's messages.
 */
public final class JsonConversions {

    private JsonConversions() {
    }

    /**
     * Converts {@code t} to {@code target}. {@code missingIsDefault}: a missing token gives default(T)
     * (Value&lt;T&gt;); otherwise (an explicit cast of null) value types fail.
     */
    public static Object convert(JToken t, TypeSymbol target, boolean missingIsDefault) {
        boolean nullable = target.acceptsNull();
        TypeSymbol u = Types.underlying(target);
        if (t == null) {
            if (nullable || missingIsDefault) {
                return nullable ? null : DefaultValues.of(target);
            }
            throw DotNetException.argumentNull("value");
        }
        if (u instanceof NamedType n && n.def().fullName().startsWith("Newtonsoft.Json.Linq.")) {
            if (!u.isInstance(t)) {
                throw DotNetException.invalidCast(t.dotNetTypeName(), n.def().fullName());
            }
            return t;
        }
        if (u instanceof ArrayType a) {
            List<Object> items = elements(t, a.element());
            if (Types.BYTE.equals(a.element()) && t instanceof JValue v) {
                return bytes(v);
            }
            Object[] array = (Object[]) java.lang.reflect.Array.newInstance(runtimeClass(a.element()), items.size());
            return items.toArray(array);
        }
        if (u instanceof NamedType n && n.def().name().equals("List") || u instanceof NamedType m
                && (m.def().name().equals("IList") || m.def().name().equals("IEnumerable") || m.def().name().equals("ICollection"))) {
            return new ArrayList<>(elements(t, ((NamedType) u).arguments().get(0)));
        }
        if (u instanceof NamedType n && (n.def().name().equals("Dictionary") || n.def().name().equals("IDictionary"))) {
            if (!(t instanceof JObject o)) {
                throw DotNetException.of("Newtonsoft.Json.JsonSerializationException", "Cannot deserialize the current JSON array into a dictionary.");
            }
            Map<Object, Object> map = new LinkedHashMap<>();
            for (JProperty p : o.properties()) {
                map.put(p.name(), convert(p.value(), n.arguments().get(1), true));
            }
            return map;
        }
        if (Types.isObject(u)) {
            return t instanceof JValue v ? v.value() : t;
        }
        if (!(t instanceof JValue v)) {
            throw DotNetException.argument("Can not convert " + JTokenType.name(t.type()) + " to " + name(u) + ".");
        }
        Object value = v.value();
        if (value == null) {
            if (nullable) {
                return null;
            }
            throw DotNetException.argument("Can not convert Null to " + name(u) + ".");
        }
        return primitive(v, value, u);
    }

    private static List<Object> elements(JToken t, TypeSymbol element) {
        if (!(t instanceof JArray a)) {
            throw DotNetException.of("Newtonsoft.Json.JsonSerializationException",
                    "Cannot deserialize the current JSON " + JTokenType.name(t.type()).toLowerCase() + " into a collection.");
        }
        List<Object> items = new ArrayList<>();
        for (JToken item : a) {
            items.add(convert(item, element, true));
        }
        return items;
    }

    private static Class<?> runtimeClass(TypeSymbol t) {
        TypeSymbol u = Types.underlying(t);
        return u instanceof NamedType n && n.def().runtimeClass() != null ? n.def().runtimeClass() : Object.class;
    }

    private static String name(TypeSymbol t) {
        return t instanceof NamedType n ? n.def().name() : t.display();
    }

    private static Object primitive(JValue v, Object value, TypeSymbol u) {
        String target = ((NamedType) u).def().fullName();
        switch (target) {
            case "System.String":
                if (value instanceof byte[] b) {
                    return Base64.getEncoder().encodeToString(b);
                }
                return value instanceof BigInteger ? value.toString() : ValueFormatter.toString(value);
            case "System.Int32":
                return (int) integral(v, value, Integer.MIN_VALUE, Integer.MAX_VALUE, "an Int32");
            case "System.Int64":
                return integral(v, value, Long.MIN_VALUE, Long.MAX_VALUE, "an Int64");
            case "System.Int16":
                return (short) integral(v, value, Short.MIN_VALUE, Short.MAX_VALUE, "an Int16");
            case "System.Byte":
                return (byte) integral(v, value, 0, 255, "an unsigned byte");
            case "System.Double":
                return floating(v, value);
            case "System.Single":
                return (float) floating(v, value);
            case "System.Decimal":
                if (value instanceof String s) {
                    return NumberParser.parseDecimal(s);
                }
                if (value instanceof Boolean b) {
                    return b ? BigDecimal.ONE : BigDecimal.ZERO;
                }
                return value instanceof Double d ? Numbers.toDecimal(d)
                        : new BigDecimal(value.toString());
            case "System.Boolean":
                if (value instanceof Boolean b) {
                    return b;
                }
                if (value instanceof String s) {
                    return NumberParser.parseBool(s);
                }
                if (value instanceof Number n) {
                    return n.doubleValue() != 0;
                }
                break;
            case "System.Char":
                if (value instanceof String s && s.length() == 1) {
                    return s.charAt(0);
                }
                break;
            case "System.DateTime":
                if (value instanceof DotNetDateTime d) {
                    return d;
                }
                if (value instanceof DotNetDateTimeOffset o) {
                    return o.dateTime();
                }
                if (value instanceof String s) {
                    return DateTimeParser.toDateTime(DateTimeParser.parse(s), DateTimeParser.ROUNDTRIP_KIND);
                }
                break;
            case "System.DateTimeOffset":
                if (value instanceof DotNetDateTimeOffset o) {
                    return o;
                }
                if (value instanceof DotNetDateTime d) {
                    return DotNetDateTimeOffset.of(d);
                }
                if (value instanceof String s) {
                    return DateTimeParser.toDateTimeOffset(DateTimeParser.parse(s));
                }
                break;
            case "System.Guid":
                if (value instanceof java.util.UUID g) {
                    return g;
                }
                if (value instanceof String s) {
                    return GuidFormat.parse(s);
                }
                break;
            case "System.TimeSpan":
                if (value instanceof DotNetTimeSpan ts) {
                    return ts;
                }
                if (value instanceof String s) {
                    return TimeSpanFormat.parse(s);
                }
                break;
            case "System.Uri":
                if (value instanceof DotNetUri uri) {
                    return uri;
                }
                if (value instanceof String s) {
                    return DotNetUri.parse(s);
                }
                break;
            default:
                break;
        }
        throw DotNetException.argument("Can not convert " + JTokenType.name(v.type()) + " to " + name(u) + ".");
    }

    private static long integral(JValue v, Object value, long min, long max, String article) {
        if (value instanceof String s) {
            return NumberParser.parseIntegral(s, min, max, article);
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        BigDecimal d = value instanceof BigInteger bi ? new BigDecimal(bi) : value instanceof BigDecimal bd ? bd
                : value instanceof Double dbl ? BigDecimal.valueOf(Math.rint(dbl)) : value instanceof Number n
                ? BigDecimal.valueOf(n.longValue()) : null;
        if (d == null) {
            throw DotNetException.argument("Can not convert " + JTokenType.name(v.type()) + " to " + article.substring(article.indexOf(' ') + 1) + ".");
        }
        d = d.setScale(0, RoundingMode.HALF_EVEN);
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw DotNetException.of("System.OverflowException", "Value was either too large or too small for " + article + ".");
        }
        return d.longValue();
    }

    private static double floating(JValue v, Object value) {
        if (value instanceof String s) {
            return NumberParser.parseDouble(s);
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw DotNetException.argument("Can not convert " + JTokenType.name(v.type()) + " to Double.");
    }

    private static byte[] bytes(JValue v) {
        if (v.value() instanceof byte[] b) {
            return b;
        }
        if (v.value() instanceof String s) {
            try {
                return Base64.getDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                throw DotNetException.format("The input is not a valid Base-64 string as it contains a non-base 64 character.");
            }
        }
        throw DotNetException.argument("Can not convert " + JTokenType.name(v.type()) + " to byte array.");
    }
}
