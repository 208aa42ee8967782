package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.CompileContext;
import dev.breakwater.gateway.policy.Flow;
import dev.breakwater.gateway.policy.Policy;
import dev.breakwater.gateway.policy.PolicyCompileException;
import dev.breakwater.gateway.policy.PolicyContext;
import dev.breakwater.gateway.policy.PolicyElement;
import dev.breakwater.gateway.policy.PolicyFactory;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.routing.BackendUrls;
import java.util.EnumSet;
import java.util.Set;

/** {@code <set-backend-service base-url="http://host:port/base"/>}: sends the request to another backend. */
public final class SetBackendServicePolicy implements Policy {

    private final String baseUrl;

    private SetBackendServicePolicy(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public Flow apply(PolicyContext context) {
        context.request().setBaseUrl(baseUrl);
        return Flow.CONTINUE;
    }

    /** Registered for {@code <set-backend-service>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "set-backend-service";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND, Section.BACKEND);
        }

        @Override
        public Policy compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            if (element.optionalAttribute("backend-id") != null) {
                throw new PolicyCompileException(element, "attribute 'backend-id' is not supported yet; use base-url");
            }
            element.allowAttributes("base-url");
            element.allowChildren();
            element.forbidText();
            String url = element.requiredAttribute("base-url");
            try {
                return new SetBackendServicePolicy(BackendUrls.normalize(url));
            } catch (IllegalArgumentException e) {
                throw new PolicyCompileException(element, "attribute 'base-url' " + e.getMessage());
            }
        }
    }
}
