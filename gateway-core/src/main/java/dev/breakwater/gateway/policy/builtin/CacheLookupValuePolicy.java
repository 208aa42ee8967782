package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.cache.AsyncValueCache;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.expression.DotNetValues;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <cache-lookup-value key="..." variable-name="x" default-value="..." caching-type="..."/>}:
 * on a hit, a copy of the cached value goes into {@code context.Variables[x]}. On a miss the variable
 * is set to {@code default-value} when the attribute is there, and left as it was otherwise (APIM's
 * reference says both "not set" and "null is assigned"; "not set" is what its custom-caching example's
 * {@code context.Variables.ContainsKey(...)} test relies on). A default-value expression's value must
 * be one variables may hold, as with set-variable.
 */
public final class CacheLookupValuePolicy implements Step {

    static final String NAME = "cache-lookup-value";

    private final Value<String> key;
    private final String variable;
    private final Value<Object> defaultValue;
    private final AsyncValueCache cache;

    private CacheLookupValuePolicy(Value<String> key, String variable, Value<Object> defaultValue, AsyncValueCache cache) {
        this.key = key;
        this.variable = variable;
        this.defaultValue = defaultValue;
        this.cache = cache;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        return CacheStages.then(cache.lookupAsync(CacheKeys.of(key, context)), found -> found(context, found));
    }

    private Outcome found(PolicyContext context, Object found) throws PolicyException {
        if (found != null) {
            context.variables().put(variable, found);
        } else if (defaultValue != null) {
            Object fallback = defaultValue.get(context);
            if (!DotNetValues.isAllowedVariableValue(fallback)) {
                throw new PolicyException(NAME, "InvalidVariableValue", 500, "the default value of variable '"
                        + variable + "' is of a type variables cannot hold");
            }
            context.variables().put(variable, fallback);
        }
        return Outcome.CONTINUE;
    }

    /** Registered for {@code <cache-lookup-value>}. */
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
            element.allowAttributes("key", "variable-name", "default-value", "caching-type");
            element.allowChildren();
            element.forbidText();
            AsyncValueCache cache = CachingType.values(element, context);
            Value<String> key = context.values().requiredString(element, "key");
            String variable = context.values().requiredLiteral(element, "variable-name");
            Value<Object> defaultValue = context.values().object(element, "default-value");
            return new CacheLookupValuePolicy(key, variable, defaultValue, cache);
        }
    }
}
