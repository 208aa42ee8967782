package dev.breakwater.gateway.policy.expression.runtime.json;

import dev.breakwater.gateway.policy.expression.runtime.NumberFormatter;
import dev.breakwater.gateway.policy.expression.runtime.ValueFormatter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Objects;

/**
 * Newtonsoft's JValue: a primitive (string, integer as long, float as double or decimal, boolean, null,
 * date, guid, timespan, uri, bytes). Its {@code ToString()} is the value's own, not JSON.
 */
public final class JValue extends JToken {

    private Object value;
    private int type;

    JValue(Object value, int type) {
        this.value = value;
        this.type = type;
    }

    public static JValue createNull() {
        return new JValue(null, JTokenType.NULL);
    }

    public static JValue ofString(String s) {
        return s == null ? createNull() : new JValue(s, JTokenType.STRING);
    }

    public Object value() {
        return value;
    }

    /** {@code Value = x}: the type follows the new value. */
    public void setValue(Object newValue) {
        JValue converted = (JValue) JsonValues.from(newValue instanceof JValue v ? v.value : newValue);
        this.value = converted.value;
        this.type = converted.type;
    }

    @Override
    public int type() {
        return type;
    }

    @Override
    public JToken deepClone() {
        return new JValue(value, type);
    }

    /** The value as .NET's ToString() prints it ("True", "1.5", "" for null). */
    @Override
    public String toString() {
        if (value == null) {
            return "";
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof BigInteger) {
            return value.toString();
        }
        return ValueFormatter.toString(value);
    }

    /** Json.NET compares JValues by value (an integer equals the same float). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JValue v)) {
            return false;
        }
        if (value instanceof Number a && v.value instanceof Number b) {
            return NumberFormatter.exact(normal(a)).compareTo(NumberFormatter.exact(normal(b))) == 0;
        }
        return Objects.equals(value, v.value);
    }

    private static Object normal(Number n) {
        return n instanceof BigInteger b ? new BigDecimal(b) : n;
    }

    @Override
    public int hashCode() {
        return value instanceof Number n ? Double.hashCode(n.doubleValue()) : Objects.hashCode(value);
    }
}
