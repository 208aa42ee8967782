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
import dev.breakwater.gateway.policy.transform.MediaTypes;
import dev.breakwater.gateway.policy.transform.XmlToJson;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code <xml-to-json kind="javascript-friendly|direct" apply="always|content-type-xml"
 * consider-accept-header="true|false" always-array-child-elements="true|false"/>}: converts the request
 * body (inbound) or the response body (outbound, on-error) from XML to JSON ({@link XmlToJson}) and
 * sets {@code Content-Type: application/json}. {@code kind} and {@code apply} are required;
 * {@code consider-accept-header} (default true) converts only when the request's Accept header asks
 * for JSON; {@code always-array-child-elements} (default false; also spelt
 * {@code always-array-children} in some versions of APIM's reference) makes every child element an
 * array. All may be expressions. The attributes of json-to-xml are refused here, as APIM has none of them.
 */
public final class XmlToJsonPolicy implements Step {

    /** json-to-xml's attributes, which APIM's xml-to-json does not take: named as such when misused. */
    private static final List<String> JSON_TO_XML_ONLY = List.of("parse-date", "namespace-separator", "namespace-prefix",
            "attribute-block-name");

    private final BodyConversion conversion;

    private XmlToJsonPolicy(BodyConversion conversion) {
        this.conversion = conversion;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        return conversion.run(context);
    }

    /** Registered for {@code <xml-to-json>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "xml-to-json";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND, Section.OUTBOUND, Section.ON_ERROR);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            for (String attribute : JSON_TO_XML_ONLY) {
                if (element.attribute(attribute) != null) {
                    throw new PolicyCompileException(element, "attribute '" + attribute + "' is json-to-xml's: APIM's "
                            + "xml-to-json takes kind, apply, consider-accept-header and always-array-child-elements");
                }
            }
            element.allowAttributes("kind", "apply", "consider-accept-header", "always-array-child-elements",
                    "always-array-children");
            element.allowChildren();
            element.forbidText();
            Choice kind = Choice.required(element, context, "kind", "javascript-friendly", "direct");
            Choice apply = Choice.required(element, context, "apply", "always", "content-type-xml");
            Value<Boolean> considerAccept = context.values().bool(element, "consider-accept-header", true);
            if (element.attribute("always-array-child-elements") != null && element.attribute("always-array-children") != null) {
                throw new PolicyCompileException(element, "attributes 'always-array-child-elements' and "
                        + "'always-array-children' are two spellings of one setting: give one");
            }
            Value<Boolean> alwaysArray = context.values().bool(element,
                    element.attribute("always-array-children") != null ? "always-array-children" : "always-array-child-elements",
                    false);
            BodyTarget target = BodyTarget.of(context.section());
            context.addTrait(target.readsBody());
            return new XmlToJsonPolicy(new BodyConversion("xml-to-json", target, apply, considerAccept, MediaTypes::isXml,
                    MediaTypes::acceptsJson, MediaTypes.JSON, (body, request) -> XmlToJson.convert(body,
                    new XmlToJson.Options(kind.get(request).equals("direct") ? XmlToJson.Kind.DIRECT
                            : XmlToJson.Kind.JAVASCRIPT_FRIENDLY, Boolean.TRUE.equals(alwaysArray.get(request))))));
        }
    }
}
