package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.cache.AsyncResponseCache;
import dev.breakwater.gateway.policy.cache.AsyncValueCache;
import dev.breakwater.gateway.policy.cache.redis.ExternalCache;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.xml.PolicyElement;

/**
 * The {@code caching-type} attribute of the cache policies: {@code internal}, {@code external} or
 * {@code prefer-external} (the default), no expression. With an external cache configured
 * ({@code cache.external=redis}), {@code external} and {@code prefer-external} use it and
 * {@code internal} the gateway's own cache. Without one, {@code external} is refused and
 * {@code prefer-external} uses the internal cache, as APIM does when no external cache is configured.
 */
final class CachingType {

    private CachingType() {
    }

    /** The value cache the attribute names. */
    static AsyncValueCache values(PolicyElement element, CompileContext context) throws PolicyCompileException {
        ExternalCache external = external(element, context);
        return external == null ? context.services().valueCache() : external.values();
    }

    /** The response cache the attribute names. */
    static AsyncResponseCache responses(PolicyElement element, CompileContext context) throws PolicyCompileException {
        ExternalCache external = external(element, context);
        return external == null ? context.services().responseCache() : external.responses();
    }

    /** The external cache to use, or null for the internal one; refuses what cannot be used. */
    private static ExternalCache external(PolicyElement element, CompileContext context) throws PolicyCompileException {
        String type = context.values().literal(element, "caching-type");
        ExternalCache external = context.services().externalCache();
        switch (type == null ? "prefer-external" : type.trim()) {
            case "internal" -> {
                return null;
            }
            case "prefer-external" -> {
                return external;
            }
            case "external" -> {
                if (external == null) {
                    throw new PolicyCompileException(element, "attribute 'caching-type' value 'external'"
                            + " is not supported yet: there is no external cache (use internal or prefer-external, or set"
                            + " cache.external=redis)");
                }
                return external;
            }
            default -> throw new PolicyCompileException(element, "attribute 'caching-type' must be internal,"
                    + " external or prefer-external, not '" + type + "'");
        }
    }
}
