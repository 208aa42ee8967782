package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.compile.Trait;
import dev.breakwater.gateway.policy.runtime.ContextKey;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Preflights;
import dev.breakwater.gateway.policy.runtime.ResponseHooks;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code <cors>}: answers CORS preflights at the gateway and adds CORS headers to the responses of
 * requests from allowed origins (see {@link CorsCompiler} for what it accepts).
 *
 * <ul>
 *   <li>A preflight (OPTIONS with Origin and Access-Control-Request-Method) whose origin, method and
 *       headers match is answered 200 with the Access-Control-Allow-* headers; the backend is not called.
 *       The gateway runs only cors policies for a preflight (see {@code Pipeline.preflightOnly}).</li>
 *   <li>An unmatched preflight, or an unmatched GET/HEAD with an Origin, ends with an empty 200 when
 *       terminate-unmatched-request is true (APIM's default); when false the next cors policy in inbound
 *       decides, or the request goes on without CORS headers.</li>
 *   <li>Any other request from an allowed origin goes on, and its final response (backend's, a policy's
 *       or on-error's) gets Access-Control-Allow-Origin, -Credentials, -Expose-Headers and Vary: Origin,
 *       through {@link ResponseHooks}.</li>
 * </ul>
 */
public final class CorsPolicy implements Step {

    /** Set by the first cors policy that matched the request, so that a later one in scope stands aside. */
    private static final ContextKey<CorsPolicy> MATCHED = new ContextKey<>("cors-matched", CorsPolicy.class);

    private final CorsRules rules;
    private final Value<Boolean> allowCredentials;
    private final Value<Boolean> terminateUnmatched;

    CorsPolicy(CorsRules rules, Value<Boolean> allowCredentials, Value<Boolean> terminateUnmatched) {
        this.rules = rules;
        this.allowCredentials = allowCredentials;
        this.terminateUnmatched = terminateUnmatched;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        Headers request = context.request().headers();
        String origin = request.first(Preflights.ORIGIN);
        if (origin == null || context.get(MATCHED) != null) {
            return Outcome.CONTINUE; // not a cross-origin request, or an earlier cors policy took it
        }
        String method = context.client().method();
        String requestedMethod = request.first(Preflights.REQUEST_METHOD);
        if (Preflights.is(method, origin, requestedMethod)) {
            return preflight(context, origin, requestedMethod, request.first(Preflights.REQUEST_HEADERS));
        }
        if (!rules.allowsOrigin(origin)) {
            boolean simpleRead = method.equals("GET") || method.equals("HEAD");
            return simpleRead && terminateUnmatched.get(context) ? emptyOk(context) : Outcome.CONTINUE;
        }
        context.put(MATCHED, this);
        boolean credentials = credentials(context);
        ResponseHooks.add(context, response -> rules.actualAnswer(response.headers(), origin, credentials));
        return Outcome.CONTINUE;
    }

    private Outcome preflight(PolicyContext context, String origin, String requestedMethod, String requestedHeaders)
            throws PolicyException {
        if (!rules.allowsOrigin(origin) || !rules.allowsPreflight(requestedMethod, requestedHeaders)) {
            return terminateUnmatched.get(context) ? emptyOk(context) : Outcome.CONTINUE;
        }
        context.put(MATCHED, this);
        ResponseMessage answer = ResponseMessage.empty();
        rules.preflightAnswer(answer.headers(), origin, credentials(context), requestedMethod, requestedHeaders);
        context.setResponse(answer);
        return Outcome.RESPOND;
    }

    /** allow-credentials; an expression that allows them with any origin is refused, as a constant is when compiled. */
    private boolean credentials(PolicyContext context) throws PolicyException {
        boolean credentials = allowCredentials.get(context);
        if (credentials && rules.anyOrigin()) {
            throw new PolicyException("cors", "InvalidCorsSettings", 500,
                    "allow-credentials cannot be true when any origin (*) is allowed");
        }
        return credentials;
    }

    private static Outcome emptyOk(PolicyContext context) {
        context.setResponse(ResponseMessage.empty());
        return Outcome.RESPOND;
    }

    /** Registered for {@code <cors>}: inbound only, as in APIM. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "cors";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND);
        }

        @Override
        public Set<Trait> traits() {
            return EnumSet.of(Trait.ANSWERS_PREFLIGHT);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            return CorsCompiler.compile(element, context);
        }
    }
}
