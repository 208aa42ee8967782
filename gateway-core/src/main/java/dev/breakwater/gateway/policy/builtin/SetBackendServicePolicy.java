package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.compile.Trait;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import dev.breakwater.gateway.net.BackendUrls;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <set-backend-service base-url="http://host:port/base"/>}: sends the request to another
 * backend. The URL may be an expression; it is checked like an API's serviceUrl.
 */
public final class SetBackendServicePolicy implements Step {

    private final Value<String> baseUrl;

    private SetBackendServicePolicy(Value<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        String url = baseUrl.get(context);
        if (!baseUrl.isConstant()) {
            try {
                url = BackendUrls.normalize(String.valueOf(url));
            } catch (IllegalArgumentException e) {
                throw new PolicyException("set-backend-service", "InvalidBackendUrl", 500, "base-url " + e.getMessage());
            }
        }
        context.request().setBaseUrl(url);
        return Outcome.CONTINUE;
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
        public Set<Trait> traits() {
            return Set.of(Trait.SETS_BACKEND);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            if (element.attribute("backend-id") != null) {
                throw new PolicyCompileException(element, "attribute 'backend-id' is not supported yet; use base-url");
            }
            element.allowAttributes("base-url");
            element.allowChildren();
            element.forbidText();
            Value<String> url = context.values().requiredString(element, "base-url");
            if (url.isConstant()) {
                try {
                    url = Value.of(BackendUrls.normalize(url.constant()));
                } catch (IllegalArgumentException e) {
                    throw new PolicyCompileException(element, "attribute 'base-url' " + e.getMessage());
                }
            }
            return new SetBackendServicePolicy(url);
        }
    }
}
