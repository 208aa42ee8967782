package dev.breakwater.gateway.policy.cache;

import dev.breakwater.gateway.policy.expression.DotNetValues;
import dev.breakwater.gateway.policy.expression.context.AuthorizationView;
import dev.breakwater.gateway.policy.expression.context.ResponseView;
import dev.breakwater.gateway.policy.expression.runtime.Jwt;
import dev.breakwater.gateway.policy.expression.runtime.json.JToken;

/**
 * Which values the cache takes, and the snapshots it keeps of them. Values are those a variable may
 * hold ({@link DotNetValues#isAllowedVariableValue}) less the ones bound to one request: a call-out's
 * response ({@code IResponse}), a validated {@code Jwt} and an authorization context hold a request's
 * messages and credentials, which must not outlive it or reach another caller. Mutable values (JSON
 * tokens, byte arrays) are copied on the way in and on the way out, so that no expression edits what
 * is cached.
 */
public final class CachedValues {

    /** What an entry costs beyond its value: its key's object, the entry and the cache's bookkeeping. */
    static final int ENTRY_OVERHEAD = 256;
    /** What a value of fixed size (number, date, Guid...) is reckoned to weigh. */
    private static final int SCALAR_WEIGHT = 32;

    private CachedValues() {
    }

    /** True when {@code value} may be cached (never null: the cache has no null entries). */
    public static boolean isCacheable(Object value) {
        return value != null && DotNetValues.isAllowedVariableValue(value) && !(value instanceof ResponseView)
                && !(value instanceof Jwt) && !(value instanceof AuthorizationView);
    }

    /** A copy of a mutable value that nothing else refers to; an immutable value itself. */
    static Object snapshot(Object value) {
        if (value instanceof JToken token) {
            return token.deepClone();
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        return value;
    }

    /**
     * The approximate bytes a value holds, for the cache's weight limit: two per character of text and
     * of a JSON token's text, one per byte. An estimate, not a measure of the heap.
     */
    static long weight(String key, Object value) {
        long own;
        if (value instanceof String text) {
            own = 2L * text.length();
        } else if (value instanceof byte[] bytes) {
            own = bytes.length;
        } else if (value instanceof JToken token) {
            own = 2L * token.toJson(false).length();
        } else {
            own = SCALAR_WEIGHT;
        }
        return ENTRY_OVERHEAD + 2L * key.length() + own;
    }
}
