package dev.breakwater.gateway.policy.cache.redis;

import dev.breakwater.gateway.policy.expression.runtime.DotNetDateTime;
import dev.breakwater.gateway.policy.expression.runtime.DotNetTimeSpan;
import dev.breakwater.gateway.policy.expression.runtime.DotNetUri;
import dev.breakwater.gateway.policy.expression.runtime.json.JToken;
import dev.breakwater.gateway.policy.expression.runtime.json.JsonText;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.UUID;

/**
 * The text a cached value is kept as in Redis: a type tag, a colon, and the value's exact text, so
 * that every type the value cache takes comes back as the same type with the same value (a string
 * stays a string, a long a long, a JSON token a JSON token). Decoding never runs code: it parses one
 * of a fixed set of types, and anything else (another version's text, a foreign key) reads as a miss.
 */
final class CachedValueCodec {

    private CachedValueCodec() {
    }

    /** The text of a value the value cache takes ({@code CachedValues.isCacheable}). */
    static String encode(Object value) {
        if (value instanceof String text) {
            return "s:" + text;
        } else if (value instanceof Boolean b) {
            return "b:" + b;
        } else if (value instanceof Character c) {
            return "c:" + c;
        } else if (value instanceof Byte b) {
            return "i8:" + b;
        } else if (value instanceof Short s) {
            return "i16:" + s;
        } else if (value instanceof Integer i) {
            return "i32:" + i;
        } else if (value instanceof Long l) {
            return "i64:" + l;
        } else if (value instanceof Float f) {
            return "f32:" + f;
        } else if (value instanceof Double d) {
            return "f64:" + d;
        } else if (value instanceof BigDecimal d) {
            return "dec:" + d.toString();
        } else if (value instanceof DotNetDateTime t) {
            return "dt:" + t.ticks() + ":" + t.kind();
        } else if (value instanceof DotNetTimeSpan t) {
            return "ts:" + t.ticks();
        } else if (value instanceof UUID u) {
            return "guid:" + u;
        } else if (value instanceof byte[] bytes) {
            return "bytes:" + Base64.getEncoder().encodeToString(bytes);
        } else if (value instanceof JToken token) {
            return "json:" + token.toJson(false);
        } else if (value instanceof DotNetUri uri) {
            return "uri:" + uri.originalString();
        }
        throw new IllegalArgumentException("a value of this type cannot be cached");
    }

    /** The value of a text {@link #encode} made; null for a text it did not make. */
    static Object decode(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String tag = text.substring(0, colon);
        String body = text.substring(colon + 1);
        try {
            return switch (tag) {
                case "s" -> body;
                case "b" -> Boolean.valueOf(body);
                case "c" -> body.length() == 1 ? body.charAt(0) : null;
                case "i8" -> Byte.valueOf(body);
                case "i16" -> Short.valueOf(body);
                case "i32" -> Integer.valueOf(body);
                case "i64" -> Long.valueOf(body);
                case "f32" -> Float.valueOf(body);
                case "f64" -> Double.valueOf(body);
                case "dec" -> new BigDecimal(body);
                case "dt" -> {
                    int at = body.indexOf(':');
                    yield new DotNetDateTime(Long.parseLong(body.substring(0, at)), Integer.parseInt(body.substring(at + 1)));
                }
                case "ts" -> new DotNetTimeSpan(Long.parseLong(body));
                case "guid" -> UUID.fromString(body);
                case "bytes" -> Base64.getDecoder().decode(body);
                case "json" -> JsonText.parse(body);
                case "uri" -> DotNetUri.parse(body);
                default -> null;
            };
        } catch (RuntimeException e) {
            return null; // not a text this codec made: a miss
        }
    }
}
