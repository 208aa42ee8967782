package dev.breakwater.gateway.policy.compile;

import dev.breakwater.gateway.policy.xml.PolicyElement;

/**
 * A policy document cannot be compiled. The message names the element and its line, so that an
 * operator can find the mistake; the whole configuration is refused.
 */
public class PolicyCompileException extends Exception {

    public PolicyCompileException(String message) {
        super(message);
    }

    public PolicyCompileException(PolicyElement element, String problem) {
        super(element.describe() + ": " + problem);
    }

    /** The same problem, with where the document came from in front of it. */
    public PolicyCompileException within(String where) {
        return new PolicyCompileException(where + ": " + getMessage());
    }
}
