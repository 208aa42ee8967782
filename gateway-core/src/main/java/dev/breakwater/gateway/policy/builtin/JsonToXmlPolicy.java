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
import dev.breakwater.gateway.policy.transform.JsonToXml;
import dev.breakwater.gateway.policy.transform.MediaTypes;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code <json-to-xml apply="always|content-type-json" consider-accept-header="true|false"
 * parse-date="true|false" namespace-separator="c" namespace-prefix="xmlns" attribute-block-name="#attrs"/>}:
 * converts the request body (inbound) or the response body (outbound, on-error) from JSON to XML
 * ({@link JsonToXml}) and sets {@code Content-Type: application/xml}. {@code apply} is required;
 * {@code consider-accept-header} (default true) converts only when the request's Accept header asks
 * for XML. Every attribute but {@code parse-date} may be an expression.
 */
public final class JsonToXmlPolicy implements Step {

    private final BodyConversion conversion;

    private JsonToXmlPolicy(BodyConversion conversion) {
        this.conversion = conversion;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        return conversion.run(context);
    }

    /** The converter's options for one request, from constants or expressions. */
    private record OptionValues(boolean parseDates, Value<String> separator, Value<String> prefix, Value<String> block) {

        JsonToXml.Options get(PolicyContext context) throws PolicyException {
            String separatorText = separator.get(context);
            if (separatorText == null || separatorText.length() != 1) {
                throw new PolicyException("json-to-xml", "InvalidValue", 500, separatorProblem(separatorText));
            }
            return new JsonToXml.Options(parseDates, separatorText.charAt(0), emptyToNull(prefix, context),
                    emptyToNull(block, context));
        }

        /** The options when no attribute is an expression (checked once, nothing evaluated per request), else null. */
        JsonToXml.Options constant() {
            boolean constant = separator.isConstant() && (prefix == null || prefix.isConstant())
                    && (block == null || block.isConstant());
            return constant ? new JsonToXml.Options(parseDates, separator.constant().charAt(0),
                    emptyToNull(prefix == null ? null : prefix.constant()), emptyToNull(block == null ? null : block.constant()))
                    : null;
        }

        private static String emptyToNull(Value<String> value, PolicyContext context) throws PolicyException {
            return emptyToNull(value == null ? null : value.get(context));
        }

        private static String emptyToNull(String text) {
            return text == null || text.isEmpty() ? null : text;
        }
    }

    private static String separatorProblem(String text) {
        return "attribute 'namespace-separator' must be one character, not '" + text + "'";
    }

    /** Registered for {@code <json-to-xml>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "json-to-xml";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND, Section.OUTBOUND, Section.ON_ERROR);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("apply", "consider-accept-header", "parse-date", "namespace-separator",
                    "namespace-prefix", "attribute-block-name");
            element.allowChildren();
            element.forbidText();
            Choice apply = Choice.required(element, context, "apply", "always", "content-type-json");
            Value<Boolean> considerAccept = context.values().bool(element, "consider-accept-header", true);
            Value<String> separator = context.values().string(element, "namespace-separator");
            if (separator == null) {
                separator = Value.of("_");
            } else if (separator.isConstant() && separator.constant().length() != 1) {
                throw new PolicyCompileException(element, separatorProblem(separator.constant()));
            }
            OptionValues options = new OptionValues(parseDate(element, context), separator,
                    context.values().string(element, "namespace-prefix"), context.values().string(element, "attribute-block-name"));
            BodyTarget target = BodyTarget.of(context.section());
            context.addTrait(target.readsBody());
            JsonToXml.Options constant = options.constant();
            return new JsonToXmlPolicy(new BodyConversion("json-to-xml", target, apply, considerAccept, MediaTypes::isJson,
                    MediaTypes::acceptsXml, MediaTypes.XML, (body, request) -> JsonToXml.convert(body,
                    constant != null ? constant : options.get(request))));
        }

        /** APIM takes no expression here: a literal true or false, true by default. */
        private static boolean parseDate(PolicyElement element, CompileContext context) throws PolicyCompileException {
            String text = context.values().literal(element, "parse-date");
            if (text == null) {
                return true;
            }
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new PolicyCompileException(element, "attribute 'parse-date' must be true or false, not '"
                        + text + "'");
            };
        }
    }
}
