package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.compile.Trait;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import dev.breakwater.gateway.policy.runtime.ResponseSamples;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <mock-response status-code="200" content-type="application/json"/>}: ends the pipeline and
 * answers with the example the matched operation documents for that status (and content type, else
 * its first representation), as APIM does; without an example, an empty body with that status. The
 * Content-Type is the attribute's, else the representation's; none when neither is known. Nothing
 * after it runs, outbound included. No attribute takes an expression, as in APIM.
 */
public final class MockResponsePolicy implements Step {

    private final int status;
    private final String contentType;

    private MockResponsePolicy(int status, String contentType) {
        this.status = status;
        this.contentType = contentType;
    }

    @Override
    public Outcome run(PolicyContext context) {
        ResponseSamples.Sample sample = context.route().responses().find(status, contentType);
        ResponseMessage response = ResponseMessage.empty();
        response.setStatus(status, null);
        String type = contentType != null ? contentType : sample == null ? null : sample.contentType();
        if (type != null) {
            response.headers().set("Content-Type", type);
        }
        if (sample != null && sample.body() != null) {
            response.body().set(sample.body());
        }
        context.setResponse(response);
        return Outcome.RESPOND;
    }

    /** Registered for {@code <mock-response>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "mock-response";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND, Section.OUTBOUND, Section.ON_ERROR);
        }

        @Override
        public Set<Trait> traits() {
            return Set.of(Trait.ENDS_REQUEST);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            if (element.attribute("index") != null) {
                throw new PolicyCompileException(element, "attribute 'index' is not supported yet (an operation "
                        + "documents one example per status and content type here)");
            }
            element.allowAttributes("status-code", "content-type");
            element.allowChildren();
            element.forbidText();
            String code = context.values().literal(element, "status-code");
            int status = 200;
            if (code != null) {
                try {
                    status = Integer.parseInt(code.trim());
                } catch (NumberFormatException e) {
                    status = -1;
                }
                if (status < 200 || status > 599) {
                    throw new PolicyCompileException(element, "attribute 'status-code' must be a status from 200 to 599, not '"
                            + code + "'");
                }
            }
            String contentType = context.values().literal(element, "content-type");
            if (contentType != null) {
                contentType = contentType.trim();
                String problem = contentType.isEmpty() ? "it is empty" : HttpSyntax.headerValueProblem(contentType);
                if (problem != null) {
                    throw new PolicyCompileException(element, "attribute 'content-type': " + problem);
                }
            }
            return new MockResponsePolicy(status, contentType);
        }
    }
}
