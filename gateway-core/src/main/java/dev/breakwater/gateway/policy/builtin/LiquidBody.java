package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.Trait;
import dev.breakwater.gateway.policy.liquid.BodyBinding;
import dev.breakwater.gateway.policy.liquid.LiquidException;
import dev.breakwater.gateway.policy.liquid.LiquidTemplate;
import dev.breakwater.gateway.policy.runtime.Body;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.nio.charset.StandardCharsets;

/**
 * A set-body Liquid template ({@code template="liquid"}): compiled once, rendered per request over
 * the current message's body (bound as {@code body} when it is JSON or XML) and APIM's
 * {@code context} model. Inside return-response it gets an empty body, as in APIM.
 */
final class LiquidBody {

    private LiquidBody() {
    }

    /**
     * @param onMessage whether the template renders over the current message's body (set-body), or
     *                  over none (set-body inside return-response)
     */
    static SetBodyPolicy.BodySource compile(PolicyElement element, CompileContext context, boolean onMessage)
            throws PolicyCompileException {
        String xsiNil = context.values().literal(element, "xsi-nil");
        String parseDate = context.values().literal(element, "parse-date");
        if (parseDate != null && !parseDate.trim().equals("true") && !parseDate.trim().equals("false")) {
            throw new PolicyCompileException(element, "attribute 'parse-date' must be true or false, not '" + parseDate + "'");
        }
        String source = element.children().isEmpty() ? element.rawText() : element.innerXml();
        LiquidTemplate template;
        try {
            template = LiquidTemplate.compile(context.values().templateText(element, source),
                    new BodyBinding(!"false".equals(parseDate == null ? null : parseDate.trim()), "null".equals(xsiNil)));
        } catch (LiquidException e) {
            throw new PolicyCompileException(element, "the Liquid template " + e.getMessage());
        }
        if (onMessage) {
            context.addTrait(context.section().actsOnRequest() ? Trait.READS_REQUEST_BODY : Trait.READS_RESPONSE_BODY);
        }
        return (request, onRequest) -> render(template, request, onMessage, onRequest);
    }

    private static byte[] render(LiquidTemplate template, PolicyContext context, boolean onMessage, boolean onRequest)
            throws PolicyException {
        byte[] body = new byte[0];
        String contentType = null;
        if (onMessage) {
            Body message = onRequest ? context.request().body() : context.response().body();
            Headers headers = onRequest ? context.request().headers() : context.response().headers();
            body = message.read(true);
            contentType = headers.first("Content-Type");
        }
        try {
            return template.render(LiquidModel.of(context), body, contentType).getBytes(StandardCharsets.UTF_8);
        } catch (LiquidException e) {
            throw new PolicyException("set-body", "LiquidTemplateFailure", 500, "The Liquid template failed: "
                    + e.getMessage());
        }
    }
}
