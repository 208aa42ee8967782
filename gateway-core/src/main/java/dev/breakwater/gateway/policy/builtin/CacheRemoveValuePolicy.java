package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
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
 * {@code <cache-remove-value key="..." caching-type="..." fail-on-cache-removal-error="..."/>}: removes
 * the value under the key from the cache {@code caching-type} names; a key with no value is no error. Removing
 * never fails (an unreachable Redis falls back to the internal cache), so {@code fail-on-cache-removal-error} (APIM's newer attribute)
 * is read and checked but changes nothing.
 */
public final class CacheRemoveValuePolicy implements Step {

    private final Value<String> key;
    private final AsyncValueCache cache;

    private CacheRemoveValuePolicy(Value<String> key, AsyncValueCache cache) {
        this.key = key;
        this.cache = cache;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        return CacheStages.continueAfter(cache.removeAsync(CacheKeys.of(key, context)));
    }

    /** Registered for {@code <cache-remove-value>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "cache-remove-value";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.allOf(Section.class);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("key", "caching-type", "fail-on-cache-removal-error");
            element.allowChildren();
            element.forbidText();
            AsyncValueCache cache = CachingType.values(element, context);
            context.values().bool(element, "fail-on-cache-removal-error", false); // checked: true/false or an expression
            Value<String> key = context.values().requiredString(element, "key");
            return new CacheRemoveValuePolicy(key, cache);
        }
    }
}
