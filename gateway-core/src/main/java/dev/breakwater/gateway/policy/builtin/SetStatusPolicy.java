package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
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
 * {@code <set-status code="403" reason="Forbidden"/>}: sets the status of the response. Either may
 * be an expression. A 1xx is refused (when compiled, or when an expression yields one): sent as a
 * final response it would desynchronise the connection.
 */
public final class SetStatusPolicy implements Step {

    private final Value<Integer> code;
    private final Value<String> reason;

    private SetStatusPolicy(Value<Integer> code, Value<String> reason) {
        this.code = code;
        this.reason = reason;
    }

    static SetStatusPolicy compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
        element.allowAttributes("code", "reason");
        element.allowChildren();
        element.forbidText();
        if (element.attribute("code") == null) {
            throw new PolicyCompileException(element, "attribute 'code' is required");
        }
        Value<Integer> code = context.values().integer(element, "code", 0, 100, 599);
        if (code.isConstant() && code.constant() < 200) {
            throw new PolicyCompileException(element, "code " + code.constant() + " is an interim (1xx) status; a "
                    + "response needs a final status from 200 to 599");
        }
        Value<String> reason = context.values().string(element, "reason");
        return new SetStatusPolicy(code, reason == null ? Value.of(null) : reason);
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        int status = code.get(context);
        if (status < 200 || status > 599) {
            throw new PolicyException("set-status", "InvalidStatusCode", 500,
                    "status code " + status + " is not a final status from 200 to 599");
        }
        String text = reason.get(context);
        if (text != null && HttpSyntax.headerValueProblem(text) != null) {
            text = null; // a reason with a line break would break the status line: the standard one goes instead
        }
        context.response().setStatus(status, text);
        return Outcome.CONTINUE;
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
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            return SetStatusPolicy.compile(element, context);
        }
    }
}
