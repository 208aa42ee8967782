package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.cache.CachedValues;
import dev.breakwater.gateway.policy.cache.AsyncValueCache;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <cache-store-value key="..." value="@(...)" duration="seconds" caching-type="..."/>}: stores a
 * snapshot of the value in the cache {@code caching-type} names (see {@link CachingType}) for {@code duration} seconds. A literal value
 * is a string; an expression's value keeps its type, which must be one variables may hold and not one
 * bound to the request (see {@link CachedValues}), else the policy fails (on-error). A duration an
 * expression makes zero or negative, or a value heavier than the cache takes for one value, stores
 * nothing, as if the entry had been evicted at once: a cache is best effort and the request goes on.
 */
public final class CacheStoreValuePolicy implements Step {

    static final String NAME = "cache-store-value";

    private final Value<String> key;
    private final Value<Object> value;
    private final Value<Integer> duration;
    private final AsyncValueCache cache;

    private CacheStoreValuePolicy(Value<String> key, Value<Object> value, Value<Integer> duration, AsyncValueCache cache) {
        this.key = key;
        this.value = value;
        this.duration = duration;
        this.cache = cache;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        Object result = value.get(context);
        if (!CachedValues.isCacheable(result)) {
            throw new PolicyException(NAME, "InvalidCacheValue", 500, result == null
                    ? "the value to cache is null" : "the value to cache is of a type the cache does not hold");
        }
        Integer seconds = duration.get(context);
        // the request goes on once the cache took the value (at once for the internal cache)
        return CacheStages.continueAfter(cache.storeAsync(CacheKeys.of(key, context), result, seconds == null ? 0 : seconds));
    }

    /** Registered for {@code <cache-store-value>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return NAME;
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.allOf(Section.class);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("key", "value", "duration", "caching-type");
            element.allowChildren();
            element.forbidText();
            AsyncValueCache cache = CachingType.values(element, context);
            Value<String> key = context.values().requiredString(element, "key");
            Value<Object> value = context.values().object(element, "value");
            if (value == null) {
                throw new PolicyCompileException(element, "attribute 'value' is required");
            }
            if (element.attribute("duration") == null) {
                throw new PolicyCompileException(element, "attribute 'duration' is required");
            }
            Value<Integer> duration = context.values().integer(element, "duration", 0, 1, Integer.MAX_VALUE);
            return new CacheStoreValuePolicy(key, value, duration, cache);
        }
    }
}
