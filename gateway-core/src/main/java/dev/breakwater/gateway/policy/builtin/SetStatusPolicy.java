package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.CompileContext;
import dev.breakwater.gateway.policy.Flow;
import dev.breakwater.gateway.policy.Policy;
import dev.breakwater.gateway.policy.PolicyCompileException;
import dev.breakwater.gateway.policy.PolicyContext;
import dev.breakwater.gateway.policy.PolicyElement;
import dev.breakwater.gateway.policy.PolicyFactory;
import dev.breakwater.gateway.policy.Section;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <set-status code="403" reason="Forbidden"/>}: sets the status of the response.
 * The reason is checked and accepted; the client sees the standard reason phrase of the
 * code, as servlet containers (and HTTP/2) do not carry custom ones.
 */
public final class SetStatusPolicy implements Policy {

    private final int code;

    private SetStatusPolicy(int code) {
        this.code = code;
    }

    static SetStatusPolicy compile(PolicyElement element) throws PolicyCompileException {
        element.allowAttributes("code", "reason");
        element.allowChildren();
        element.forbidText();
        if (element.optionalAttribute("code") == null) {
            throw new PolicyCompileException(element, "attribute 'code' is required");
        }
        element.optionalAttribute("reason");
        int code = element.intAttribute("code", 0, 100, 599);
        if (code < 200) {
            // a 1xx is an interim response: sent as the final one it would desynchronise the connection
            throw new PolicyCompileException(element, "code " + code + " is an interim (1xx) status; a response "
                    + "needs a final status from 200 to 599");
        }
        return new SetStatusPolicy(code);
    }

    @Override
    public Flow apply(PolicyContext context) {
        context.response().setStatus(code);
        return Flow.CONTINUE;
    }

    /** Registered for {@code <set-status>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "set-status";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.allOf(Section.class);
        }

        @Override
        public Policy compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            return SetStatusPolicy.compile(element);
        }
    }
}
