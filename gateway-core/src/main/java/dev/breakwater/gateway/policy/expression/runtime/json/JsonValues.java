package dev.breakwater.gateway.policy.expression.runtime.json;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Enumerables;
import dev.breakwater.gateway.policy.expression.eval.RuntimeTypes;
import dev.breakwater.gateway.policy.expression.runtime.AnonymousObject;
import dev.breakwater.gateway.policy.expression.runtime.DotNetDateTime;
import dev.breakwater.gateway.policy.expression.runtime.DotNetDateTimeOffset;
import dev.breakwater.gateway.policy.expression.runtime.DotNetTimeSpan;
import dev.breakwater.gateway.policy.expression.runtime.DotNetUri;
import dev.breakwater.gateway.policy.expression.runtime.EnumValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/** .NET values to JSON tokens: the implicit JToken operators, JProperty/JArray content and FromObject. */
public final class JsonValues {

    private JsonValues() {
    }

    /** The token for a .NET value (a token stays itself; collections and anonymous objects become containers). */
    public static JToken from(Object v) {
        if (v == null) {
            return JValue.createNull();
        }
        if (v instanceof JToken t) {
            return t;
        }
        if (v instanceof String s) {
            return new JValue(s, JTokenType.STRING);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return new JValue(((Number) v).longValue(), JTokenType.INTEGER);
        }
        if (v instanceof Byte b) {
            return new JValue((long) (b & 0xFF), JTokenType.INTEGER);
        }
        if (v instanceof BigInteger) {
            return new JValue(v, JTokenType.INTEGER);
        }
        if (v instanceof Double || v instanceof BigDecimal) {
            return new JValue(v, JTokenType.FLOAT);
        }
        if (v instanceof Float f) {
            return new JValue(f.doubleValue(), JTokenType.FLOAT);
        }
        if (v instanceof Boolean) {
            return new JValue(v, JTokenType.BOOLEAN);
        }
        if (v instanceof Character c) {
            return new JValue(String.valueOf(c.charValue()), JTokenType.STRING);
        }
        if (v instanceof DotNetDateTime || v instanceof DotNetDateTimeOffset) {
            return new JValue(v, JTokenType.DATE);
        }
        if (v instanceof UUID) {
            return new JValue(v, JTokenType.GUID);
        }
        if (v instanceof DotNetTimeSpan) {
            return new JValue(v, JTokenType.TIMESPAN);
        }
        if (v instanceof DotNetUri) {
            return new JValue(v, JTokenType.URI);
        }
        if (v instanceof byte[]) {
            return new JValue(v, JTokenType.BYTES);
        }
        if (v instanceof EnumValue e) {
            return new JValue(e.value(), JTokenType.INTEGER);
        }
        if (v instanceof AnonymousObject a) {
            JObject o = new JObject();
            for (int i = 0; i < a.names().length; i++) {
                o.set(a.names()[i], from(a.values()[i]));
            }
            return o;
        }
        if (v instanceof Map<?, ?> m) {
            JObject o = new JObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                o.set(String.valueOf(e.getKey()), from(e.getValue()));
            }
            return o;
        }
        if (v instanceof Map.Entry<?, ?> e) {
            JObject o = new JObject();
            o.set("Key", from(e.getKey()));
            o.set("Value", from(e.getValue()));
            return o;
        }
        if (Enumerables.isEnumerable(v)) {
            JArray a = new JArray();
            for (Iterator<?> it = Enumerables.iterate(v); it.hasNext(); ) {
                a.add(from(it.next()));
            }
            return a;
        }
        throw DotNetException.argument("Could not determine JSON object type for type " + RuntimeTypes.nameOf(v) + ".");
    }
}
