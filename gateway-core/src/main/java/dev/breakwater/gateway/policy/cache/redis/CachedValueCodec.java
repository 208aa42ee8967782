package dev.breakwater.gateway.policy.cache.redis;

import dev.breakwater.gateway.policy.expression.runtime.DotNetDateTime;
import dev.breakwater.gateway.policy.expression.runtime.DotNetTimeSpan;
import dev.breakwater.gateway.policy.expression.runtime.DotNetUri;
import dev.breakwater.gateway.policy.expression.runtime.json.JToken;
import dev.breakwater.gateway.policy.expression.runtime.json.JsonText;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The text a cached value is kept as in Redis: a type tag, a colon, and the value's exact text, so
 * that every type the value cache takes comes back as the same type with the same value (a string
 * stays a string, a long a long, a JSON token a JSON token). Decoding never runs code: it parses one
 * of a fixed set of types, and anything else (another version's text, a foreign key) reads as a miss.
 */
final class CachedValueCodec {

    /** One type the cache takes: its tag, and its text both ways (one row, so the two cannot drift apart). */
    private record Type<T>(String tag, Class<T> type, Function<T, String> text, Function<String, T> parse) {
        String encode(Object value) {
            return tag + ":" + text.apply(type.cast(value));
        }
    }

    private static final List<Type<?>> TYPES = List.of(
            new Type<>("s", String.class, Function.identity(), Function.identity()),
            new Type<>("b", Boolean.class, String::valueOf, Boolean::valueOf),
            new Type<>("c", Character.class, String::valueOf, CachedValueCodec::character),
            new Type<>("i8", Byte.class, String::valueOf, Byte::valueOf),
            new Type<>("i16", Short.class, String::valueOf, Short::valueOf),
            new Type<>("i32", Integer.class, String::valueOf, Integer::valueOf),
            new Type<>("i64", Long.class, String::valueOf, Long::valueOf),
            new Type<>("f32", Float.class, String::valueOf, Float::valueOf),
            new Type<>("f64", Double.class, String::valueOf, Double::valueOf),
            new Type<>("dec", BigDecimal.class, BigDecimal::toString, BigDecimal::new),
            new Type<>("dt", DotNetDateTime.class, t -> t.ticks() + ":" + t.kind(), CachedValueCodec::dateTime),
            new Type<>("ts", DotNetTimeSpan.class, t -> String.valueOf(t.ticks()), t -> new DotNetTimeSpan(Long.parseLong(t))),
            new Type<>("guid", UUID.class, UUID::toString, UUID::fromString),
            new Type<>("bytes", byte[].class, b -> Base64.getEncoder().encodeToString(b), b -> Base64.getDecoder().decode(b)),
            new Type<>("json", JToken.class, t -> t.toJson(false), JsonText::parse),
            new Type<>("uri", DotNetUri.class, DotNetUri::originalString, DotNetUri::parse));

    private static final Map<String, Type<?>> BY_TAG = TYPES.stream().collect(Collectors.toUnmodifiableMap(Type::tag, t -> t));

    private CachedValueCodec() {
    }

    /** The text of a value the value cache takes ({@code CachedValues.isCacheable}). */
    static String encode(Object value) {
        for (Type<?> type : TYPES) {
            if (type.type().isInstance(value)) {
                return type.encode(value);
            }
        }
        throw new IllegalArgumentException("a value of this type cannot be cached");
    }

    /** The value of a text {@link #encode} made; null for a text it did not make. */
    static Object decode(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        Type<?> type = colon < 0 ? null : BY_TAG.get(text.substring(0, colon));
        if (type == null) {
            return null;
        }
        try {
            return type.parse().apply(text.substring(colon + 1));
        } catch (RuntimeException e) {
            return null; // not a text this codec made: a miss
        }
    }

    private static Character character(String text) {
        if (text.length() != 1) {
            throw new IllegalArgumentException("not one character");
        }
        return text.charAt(0);
    }

    private static DotNetDateTime dateTime(String text) {
        int at = text.indexOf(':');
        return new DotNetDateTime(Long.parseLong(text.substring(0, at)), Integer.parseInt(text.substring(at + 1)));
    }
}
