package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.runtime.Body;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <set-body>new body</set-body>}: sets the body of the request (inbound, backend) or of the
 * response (outbound, on-error): literal text, inline XML kept as written (a SOAP envelope), an
 * expression, or a Liquid template ({@code template="liquid"}) over the current body and context.
 */
public final class SetBodyPolicy implements Step {

    private final BodySource source;
    private final boolean onRequest;

    private SetBodyPolicy(BodySource source, boolean onRequest) {
        this.source = source;
        this.onRequest = onRequest;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        Body body = onRequest ? context.request().body() : context.response().body();
        body.set(source.render(context, onRequest));
        return Outcome.CONTINUE;
    }

    /** What a set-body (also inside return-response) produces for a request. */
    interface BodySource {
        byte[] render(PolicyContext context, boolean onRequest) throws PolicyException;
    }

    /** Compiles the content of a set-body element. */
    static BodySource compileSource(PolicyElement element, CompileContext context, boolean liquidAllowed)
            throws PolicyCompileException {
        element.allowAttributes("template", "xsi-nil", "parse-date");
        String template = context.values().literal(element, "template");
        String xsiNil = context.values().literal(element, "xsi-nil");
        if (xsiNil != null && !xsiNil.equals("blank") && !xsiNil.equals("null")) {
            throw new PolicyCompileException(element, "attribute 'xsi-nil' must be blank or null, not '" + xsiNil + "'");
        }
        context.values().bool(element, "parse-date", true);
        if (template != null) {
            if (!template.equals("liquid")) {
                throw new PolicyCompileException(element, "attribute 'template' must be liquid, not '" + template + "'");
            }
            return LiquidBody.compile(element, context, liquidAllowed);
        }
        if (!element.children().isEmpty()) {
            // inline XML (a SOAP envelope): the content as written, named values put in
            byte[] xml = context.values().substituted(element, element.innerXml(), "content")
                    .getBytes(StandardCharsets.UTF_8);
            return (request, onRequest) -> xml;
        }
        Value<String> text = context.values().text(element);
        if (text.isConstant()) {
            byte[] bytes = text.constant().getBytes(StandardCharsets.UTF_8);
            return (request, onRequest) -> bytes;
        }
        return (request, onRequest) -> {
            String value = text.get(request);
            return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        };
    }


    /** Registered for {@code <set-body>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "set-body";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.allOf(Section.class);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            return new SetBodyPolicy(compileSource(element, context, true), context.section().actsOnRequest());
        }
    }
}
