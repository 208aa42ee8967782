package dev.breakwater.gateway.policy.builtin;

import java.util.Locale;

/** What set-header and set-query-parameter do when the name is already present. */
enum ExistsAction {
    OVERRIDE, SKIP, APPEND, DELETE;

    /** The action named (any case), or {@code null} when it is not one. */
    static ExistsAction parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String problem(String text) {
        return "attribute 'exists-action' must be override, skip, append or delete, not '" + text + "'";
    }
}
