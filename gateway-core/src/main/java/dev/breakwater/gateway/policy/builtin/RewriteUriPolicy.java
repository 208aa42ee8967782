package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.CompileContext;
import dev.breakwater.gateway.policy.Flow;
import dev.breakwater.gateway.policy.Policy;
import dev.breakwater.gateway.policy.PolicyCompileException;
import dev.breakwater.gateway.policy.PolicyContext;
import dev.breakwater.gateway.policy.PolicyElement;
import dev.breakwater.gateway.policy.PolicyFactory;
import dev.breakwater.gateway.policy.QueryParameters;
import dev.breakwater.gateway.policy.RequestMessage;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.TemplateValues;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code <rewrite-uri template="/v2/items/{id}?view=full" copy-unmatched-params="true"/>}:
 * replaces the backend path (below the backend base URL) and query. {@code {name}} takes the
 * raw value of the operation's URL template parameter; with copy-unmatched-params (the
 * default) the client's query parameters follow the template's.
 */
public final class RewriteUriPolicy implements Policy {

    /** Characters that cannot stand in a URL as they are. */
    private static final String UNSAFE = " \"<>\\^`|#";

    private final Part[] path;
    private final Part[] query;
    private final boolean copyUnmatched;

    private RewriteUriPolicy(Part[] path, Part[] query, boolean copyUnmatched) {
        this.path = path;
        this.query = query;
        this.copyUnmatched = copyUnmatched;
    }

    @Override
    public Flow apply(PolicyContext context) {
        RequestMessage request = context.request();
        TemplateValues values = context.templateValues();
        QueryParameters newQuery = QueryParameters.parse(query == null ? null : expand(query, values));
        if (copyUnmatched) {
            newQuery.addAll(request.query());
        }
        request.setPath(expand(path, values));
        request.setQuery(newQuery);
        return Flow.CONTINUE;
    }

    private static String expand(Part[] parts, TemplateValues values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            out.append(part.parameter ? values.get(part.text) : part.text);
        }
        return out.toString();
    }

    private record Part(String text, boolean parameter) {
    }

    /** Registered for {@code <rewrite-uri>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "rewrite-uri";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND);
        }

        @Override
        public Policy compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("template", "copy-unmatched-params");
            element.allowChildren();
            element.forbidText();
            String template = element.requiredAttribute("template").trim();
            boolean copyUnmatched = element.booleanAttribute("copy-unmatched-params", true);
            if (!template.startsWith("/")) {
                throw new PolicyCompileException(element, "template must start with '/', not '" + template + "'");
            }
            int question = template.indexOf('?');
            Part[] path = parse(element, question < 0 ? template : template.substring(0, question), context);
            Part[] query = question < 0 ? null : parse(element, template.substring(question + 1), context);
            return new RewriteUriPolicy(path, query, copyUnmatched);
        }

        private static Part[] parse(PolicyElement element, String text, CompileContext context)
                throws PolicyCompileException {
            List<Part> parts = new ArrayList<>();
            int at = 0;
            while (at < text.length()) {
                int open = text.indexOf('{', at);
                int literalEnd = open < 0 ? text.length() : open;
                if (literalEnd > at) {
                    parts.add(new Part(checkLiteral(element, text.substring(at, literalEnd)), false));
                }
                if (open < 0) {
                    break;
                }
                int close = text.indexOf('}', open);
                if (close < 0) {
                    throw new PolicyCompileException(element, "template has a '{' without its '}'");
                }
                String name = text.substring(open + 1, close);
                if (context.knowsTemplateParameters() && !context.templateParameters().contains(name)) {
                    throw new PolicyCompileException(element, "template parameter {" + name
                            + "} is not a parameter of the operation's URL template"
                            + (context.templateParameters().isEmpty() ? " (it has none)"
                            : " (it has " + String.join(", ", context.templateParameters()) + ")"));
                }
                parts.add(new Part(name, true));
                at = close + 1;
            }
            return parts.toArray(Part[]::new);
        }

        private static String checkLiteral(PolicyElement element, String literal) throws PolicyCompileException {
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                if (c < 0x21 || c > 0x7e || UNSAFE.indexOf(c) >= 0 || c == '}') {
                    throw new PolicyCompileException(element, "template has a character that must be "
                            + "percent-encoded: '" + c + "'");
                }
            }
            return literal;
        }
    }
}
