package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.CompileContext;
import dev.breakwater.gateway.policy.Flow;
import dev.breakwater.gateway.policy.Policy;
import dev.breakwater.gateway.policy.PolicyCompileException;
import dev.breakwater.gateway.policy.PolicyContext;
import dev.breakwater.gateway.policy.PolicyElement;
import dev.breakwater.gateway.policy.PolicyException;
import dev.breakwater.gateway.policy.PolicyFactory;
import dev.breakwater.gateway.policy.ResponseMessage;
import dev.breakwater.gateway.policy.Section;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code <return-response>} with optional {@code <set-status>}, {@code <set-header>}s and
 * {@code <set-body>}: ends the pipeline and answers the client with a new response
 * (200 and empty unless the children say otherwise).
 */
public final class ReturnResponsePolicy implements Policy {

    private final Policy[] steps;
    private final byte[] body;

    private ReturnResponsePolicy(List<Policy> steps, byte[] body) {
        this.steps = steps.toArray(Policy[]::new);
        this.body = body;
    }

    @Override
    public Flow apply(PolicyContext context) throws PolicyException {
        context.setResponse(ResponseMessage.empty());
        for (Policy step : steps) {
            step.apply(context);
        }
        if (body != null) {
            context.response().setBody(body);
        }
        return Flow.RETURN;
    }

    /** Registered for {@code <return-response>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "return-response";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.allOf(Section.class);
        }

        @Override
        public Policy compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            if (element.optionalAttribute("response-variable-name") != null) {
                throw new PolicyCompileException(element,
                        "attribute 'response-variable-name' is not supported yet (it needs send-request)");
            }
            element.allowAttributes();
            element.allowChildren("set-status", "set-header", "set-body");
            element.forbidText();
            List<Policy> steps = new ArrayList<>();
            byte[] body = null;
            boolean sawStatus = false;
            for (PolicyElement child : element.children()) {
                switch (child.name()) {
                    case "set-status" -> {
                        if (sawStatus) {
                            throw new PolicyCompileException(child, "only one <set-status> is allowed in <return-response>");
                        }
                        sawStatus = true;
                        steps.add(SetStatusPolicy.compile(child));
                    }
                    case "set-header" -> steps.add(SetHeaderPolicy.compile(child, false));
                    default -> {
                        if (body != null) {
                            throw new PolicyCompileException(child, "only one <set-body> is allowed in <return-response>");
                        }
                        body = compileBody(child);
                    }
                }
            }
            return new ReturnResponsePolicy(steps, body);
        }

        private static byte[] compileBody(PolicyElement setBody) throws PolicyCompileException {
            if (setBody.optionalAttribute("template") != null) {
                throw new PolicyCompileException(setBody, "attribute 'template' is not supported yet");
            }
            setBody.allowAttributes();
            setBody.allowChildren();
            return setBody.text().getBytes(StandardCharsets.UTF_8);
        }
    }
}
