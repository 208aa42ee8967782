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
 * the value under the key from the cache {@code caching-type} names; a key with no value is no error.
 * When the external cache (Redis) cannot be reached, the internal copy is removed and the request goes
 * on, unless {@code fail-on-cache-removal-error} is true: then the policy fails (500,
 * {@code CacheRemovalError}, on-error runs), since other replicas may still find the value.
 */
public final class CacheRemoveValuePolicy implements Step {

    static final String NAME = "cache-remove-value";

    private final Value<String> key;
    private final Value<Boolean> failOnError;
    private final AsyncValueCache cache;

    private CacheRemoveValuePolicy(Value<String> key, Value<Boolean> failOnError, AsyncValueCache cache) {
        this.key = key;
        this.failOnError = failOnError;
        this.cache = cache;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        return CacheStages.then(cache.removeAsync(CacheKeys.of(key, context)), removed -> {
            if (!removed && Boolean.TRUE.equals(failOnError.get(context))) {
                throw new PolicyException(NAME, "CacheRemovalError", 500,
                        "the value could not be removed from the external cache");
            }
            return Outcome.CONTINUE;
        });
    }

    /** Registered for {@code <cache-remove-value>}. */
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
            element.allowAttributes("key", "caching-type", "fail-on-cache-removal-error");
            element.allowChildren();
            element.forbidText();
            AsyncValueCache cache = CachingType.values(element, context);
            Value<Boolean> failOnError = context.values().bool(element, "fail-on-cache-removal-error", false);
            Value<String> key = context.values().requiredString(element, "key");
            return new CacheRemoveValuePolicy(key, failOnError, cache);
        }
    }
}
