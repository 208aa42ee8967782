package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.PolicyCompileException;
import dev.breakwater.gateway.policy.PolicyElement;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code <value>} children that set-header and set-query-parameter share. */
final class Values {

    private Values() {
    }

    /** The values, checked against the exists-action: every action but delete needs one. */
    static List<String> of(PolicyElement element, ExistsAction action) throws PolicyCompileException {
        element.allowChildren("value");
        element.forbidText();
        List<String> values = new ArrayList<>();
        for (PolicyElement child : element.children()) {
            child.allowAttributes();
            child.allowChildren();
            values.add(child.text());
        }
        if (action == ExistsAction.DELETE && !values.isEmpty()) {
            throw new PolicyCompileException(element, "exists-action 'delete' takes no <value>");
        }
        if (action != ExistsAction.DELETE && values.isEmpty()) {
            throw new PolicyCompileException(element, "at least one <value> is required unless exists-action is 'delete'");
        }
        return values;
    }
}
