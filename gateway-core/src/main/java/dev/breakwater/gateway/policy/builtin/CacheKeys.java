package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Value;

/** The key of a cache-*-value policy as it runs: the gateway's one namespace, a null key is "". */
final class CacheKeys {

    private CacheKeys() {
    }

    static String of(Value<String> key, PolicyContext context) throws PolicyException {
        String text = key.get(context);
        return text == null ? "" : text;
    }
}
