package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.PolicyCompileException;
import dev.breakwater.gateway.policy.PolicyElement;
import java.util.Locale;

/** What set-header and set-query-parameter do when the name is already present. */
enum ExistsAction {
    OVERRIDE, SKIP, APPEND, DELETE;

    static ExistsAction of(PolicyElement element) throws PolicyCompileException {
        String value = element.optionalAttribute("exists-action");
        if (value == null) {
            return OVERRIDE;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PolicyCompileException(element,
                    "attribute 'exists-action' must be override, skip, append or delete, not '" + value + "'");
        }
    }
}
