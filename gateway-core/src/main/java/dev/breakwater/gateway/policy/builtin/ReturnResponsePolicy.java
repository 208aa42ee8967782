package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.compile.Trait;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.views.ExpressionFacade;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code <return-response>} with optional {@code <set-status>}, {@code <set-header>}s and
 * {@code <set-body>}: ends the pipeline and answers the client with a new response (200 and empty
 * unless the children say otherwise). As in APIM, nothing after it runs, outbound included. With
 * {@code response-variable-name}, the response a send-request stored in that variable (status,
 * reason, headers, body) is the one the children then edit.
 */
public final class ReturnResponsePolicy implements Step {

    private final String responseVariable;
    private final Step[] steps;
    private final SetBodyPolicy.BodySource body;

    private ReturnResponsePolicy(String responseVariable, List<Step> steps, SetBodyPolicy.BodySource body) {
        this.responseVariable = responseVariable;
        this.steps = steps.toArray(Step[]::new);
        this.body = body;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        context.setResponse(responseVariable == null ? ResponseMessage.empty() : stored(context));
        for (Step step : steps) {
            step.run(context);
        }
        if (body != null) {
            context.response().body().set(body.render(context, false));
        }
        return Outcome.RESPOND;
    }

    /**
     * A copy of the response in the variable: the children's edits do not reach back into it. A
     * variable that is missing or holds no response (send-request with ignore-error left null) fails.
     */
    private ResponseMessage stored(PolicyContext context) throws PolicyException {
        ResponseMessage message = ExpressionFacade.messageOf(context.variablesView().get(responseVariable));
        if (message == null || message.body().isStream()) {
            throw new PolicyException("return-response", "ResponseVariableInvalid", 500, "context variable '"
                    + responseVariable + "' holds no response a call-out received");
        }
        return message.copy();
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
        public Set<Trait> traits() {
            return Set.of(Trait.ENDS_REQUEST);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("response-variable-name");
            String variable = context.values().literal(element, "response-variable-name");
            if (variable != null && variable.isBlank()) {
                throw new PolicyCompileException(element, "attribute 'response-variable-name' is empty");
            }
            element.allowChildren("set-status", "set-header", "set-body");
            element.forbidText();
            List<Step> steps = new ArrayList<>();
            SetBodyPolicy.BodySource body = null;
            boolean sawStatus = false;
            for (PolicyElement child : element.children()) {
                switch (child.name()) {
                    case "set-status" -> {
                        if (sawStatus) {
                            throw new PolicyCompileException(child, "only one <set-status> is allowed in <return-response>");
                        }
                        sawStatus = true;
                        steps.add(SetStatusPolicy.compile(child, context));
                    }
                    case "set-header" -> steps.add(SetHeaderPolicy.compile(child, context, false));
                    default -> {
                        if (body != null) {
                            throw new PolicyCompileException(child, "only one <set-body> is allowed in <return-response>");
                        }
                        body = SetBodyPolicy.compileSource(child, context, false);
                    }
                }
            }
            return new ReturnResponsePolicy(variable, steps, body);
        }
    }
}
