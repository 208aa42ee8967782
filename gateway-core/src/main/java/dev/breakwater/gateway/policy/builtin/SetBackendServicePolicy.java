package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.backend.Backend;
import dev.breakwater.gateway.backend.Backends;
import dev.breakwater.gateway.net.BackendUrls;
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
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <set-backend-service base-url="http://host:port/base"/>} sends the request to another URL;
 * {@code <set-backend-service backend-id="orders"/>} to a backend entity, whose credentials,
 * circuit breaker and pool forward-request then applies. Either may be an expression; a constant
 * is checked when the configuration is compiled (a URL like an API's serviceUrl, an id against
 * the configuration's backends), an expression when it runs.
 */
public final class SetBackendServicePolicy {

    private SetBackendServicePolicy() {
    }

    /** To a plain URL. */
    private record ToUrl(Value<String> baseUrl) implements Step {
        @Override
        public Outcome run(PolicyContext context) throws PolicyException {
            String url = baseUrl.get(context);
            if (!baseUrl.isConstant()) {
                try {
                    url = BackendUrls.normalize(String.valueOf(url));
                } catch (IllegalArgumentException e) {
                    throw new PolicyException("set-backend-service", "InvalidBackendUrl", 500,
                            "base-url " + e.getMessage());
                }
            }
            context.request().setBaseUrl(url);
            return Outcome.CONTINUE;
        }
    }

    /** To a backend entity: found when compiled for a constant id, per request for an expression. */
    private record ToBackend(Value<String> id, Backend constant, Backends backends) implements Step {
        @Override
        public Outcome run(PolicyContext context) throws PolicyException {
            Backend backend = constant;
            if (backend == null) {
                String name = id.get(context);
                backend = backends.get(name);
                if (backend == null) {
                    throw new PolicyException("set-backend-service", "BackendNotFound", 500,
                            "backend-id '" + name + "' names no backend; " + backends.ids());
                }
            }
            context.request().setBackend(backend);
            return Outcome.CONTINUE;
        }
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
            element.allowAttributes("base-url", "backend-id");
            element.allowChildren();
            element.forbidText();
            boolean byUrl = element.attribute("base-url") != null;
            if (byUrl == (element.attribute("backend-id") != null)) {
                throw new PolicyCompileException(element, "one of the attributes 'base-url' and 'backend-id' is "
                        + "required, and only one");
            }
            return byUrl ? toUrl(element, context) : toBackend(element, context);
        }

        private static Step toUrl(PolicyElement element, CompileContext context) throws PolicyCompileException {
            Value<String> url = context.values().requiredString(element, "base-url");
            if (url.isConstant()) {
                try {
                    url = Value.of(BackendUrls.normalize(url.constant()));
                } catch (IllegalArgumentException e) {
                    throw new PolicyCompileException(element, "attribute 'base-url' " + e.getMessage());
                }
            }
            return new ToUrl(url);
        }

        private static Step toBackend(PolicyElement element, CompileContext context) throws PolicyCompileException {
            Value<String> id = context.values().requiredString(element, "backend-id");
            Backends backends = context.backends();
            if (!id.isConstant()) {
                return new ToBackend(id, null, backends);
            }
            Backend backend = backends.get(id.constant());
            if (backend == null) {
                throw new PolicyCompileException(element, "attribute 'backend-id': no backend '" + id.constant()
                        + "'; " + backends.ids());
            }
            return new ToBackend(id, backend, backends);
        }
    }
}
