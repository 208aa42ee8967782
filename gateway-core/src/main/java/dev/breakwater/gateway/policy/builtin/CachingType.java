package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.xml.PolicyElement;

/**
 * The {@code caching-type} attribute of the cache-*-value policies: {@code internal}, {@code external}
 * or {@code prefer-external} (the default), no expression. There is no external cache yet, so
 * {@code external} is refused; {@code prefer-external} uses the internal cache, as APIM does when no
 * external cache is configured.
 */
final class CachingType {

    private CachingType() {
    }

    /** Checks the attribute: the internal cache is the one to use, or the document is refused. */
    static void requireInternal(PolicyElement element, CompileContext context) throws PolicyCompileException {
        String type = context.values().literal(element, "caching-type");
        if (type == null) {
            return;
        }
        switch (type.trim()) {
            case "internal", "prefer-external" -> {
                return;
            }
            case "external" -> throw new PolicyCompileException(element, "attribute 'caching-type' value 'external'"
                    + " is not supported yet: there is no external cache (use internal or prefer-external)");
            default -> throw new PolicyCompileException(element, "attribute 'caching-type' must be internal,"
                    + " external or prefer-external, not '" + type + "'");
        }
    }
}
