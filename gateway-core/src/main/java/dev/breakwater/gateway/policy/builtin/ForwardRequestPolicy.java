package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.CompileContext;
import dev.breakwater.gateway.policy.Flow;
import dev.breakwater.gateway.policy.ForwardOptions;
import dev.breakwater.gateway.policy.Policy;
import dev.breakwater.gateway.policy.PolicyCompileException;
import dev.breakwater.gateway.policy.PolicyContext;
import dev.breakwater.gateway.policy.PolicyElement;
import dev.breakwater.gateway.policy.PolicyFactory;
import dev.breakwater.gateway.policy.Section;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <forward-request timeout="60" follow-redirects="false" fail-on-error-status-code="false"/>}:
 * hands the request to the backend. Bodies always stream, so {@code buffer-request-body} and
 * {@code buffer-response} are accepted and change nothing.
 */
public final class ForwardRequestPolicy implements Policy {

    private final ForwardOptions options;

    private ForwardRequestPolicy(ForwardOptions options) {
        this.options = options;
    }

    @Override
    public Flow apply(PolicyContext context) {
        context.put(ForwardOptions.KEY, options);
        return Flow.FORWARD;
    }

    /** Registered for {@code <forward-request>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "forward-request";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.BACKEND);
        }

        @Override
        public Policy compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("timeout", "follow-redirects", "fail-on-error-status-code",
                    "buffer-request-body", "buffer-response");
            element.allowChildren();
            element.forbidText();
            ForwardOptions defaults = ForwardOptions.DEFAULT;
            int timeoutSeconds = element.intAttribute("timeout", (int) (defaults.timeoutMillis() / 1000), 1, 3600);
            boolean followRedirects = element.booleanAttribute("follow-redirects", defaults.followRedirects());
            boolean failOnError = element.booleanAttribute("fail-on-error-status-code", defaults.failOnErrorStatusCode());
            element.booleanAttribute("buffer-request-body", false);
            element.booleanAttribute("buffer-response", true);
            return new ForwardRequestPolicy(new ForwardOptions(timeoutSeconds * 1000L, followRedirects, failOnError));
        }
    }
}
