package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.QueryParameters;
import dev.breakwater.gateway.policy.runtime.RequestMessage;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <rewrite-uri template="/v2/items/{id}?view=full" copy-unmatched-params="true"/>}:
 * replaces the backend path (below the backend base URL) and query. {@code {name}} takes the raw
 * value of the operation's URL template parameter; with copy-unmatched-params (the default) the
 * client's query parameters follow the template's. The template may be an expression, parsed then
 * when it runs.
 */
public final class RewriteUriPolicy implements Step {

    private final RewriteTemplate constant;
    private final Value<String> template;
    private final Value<Boolean> copyUnmatched;

    private RewriteUriPolicy(RewriteTemplate constant, Value<String> template, Value<Boolean> copyUnmatched) {
        this.constant = constant;
        this.template = template;
        this.copyUnmatched = copyUnmatched;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        RequestMessage request = context.request();
        try {
            RewriteTemplate rewrite = constant != null ? constant : RewriteTemplate.parse(String.valueOf(template.get(context)));
            QueryParameters query = QueryParameters.parse(rewrite.query(context.templateValues()));
            if (copyUnmatched.get(context)) {
                query.addAll(request.query());
            }
            request.setPath(rewrite.path(context.templateValues()));
            request.setQuery(query);
        } catch (IllegalArgumentException e) {
            throw new PolicyException("rewrite-uri", "InvalidTemplate", 500, e.getMessage());
        }
        return Outcome.CONTINUE;
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
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("template", "copy-unmatched-params");
            element.allowChildren();
            element.forbidText();
            Value<String> template = context.values().requiredString(element, "template");
            Value<Boolean> copyUnmatched = context.values().bool(element, "copy-unmatched-params", true);
            RewriteTemplate constant = null;
            if (template.isConstant()) {
                try {
                    constant = RewriteTemplate.parse(template.constant());
                } catch (IllegalArgumentException e) {
                    throw new PolicyCompileException(element, e.getMessage());
                }
                constant.parameters().forEach(context::usesTemplateParameter);
            }
            return new RewriteUriPolicy(constant, template, copyUnmatched);
        }
    }
}
