package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.callout.CalloutFailure;
import dev.breakwater.gateway.policy.callout.CalloutRequest;
import dev.breakwater.gateway.policy.callout.Callouts;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.compile.Trait;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.runtime.views.ExpressionFacade;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import dev.breakwater.gateway.tls.UpstreamTls;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.client.HttpClient;

/**
 * {@code <send-request mode="new|copy" response-variable-name="r" timeout="60" ignore-error="false">}
 * with {@code set-url}, {@code set-method}, {@code set-header}s, {@code set-body} and
 * {@code authentication-basic}, {@code authentication-certificate}: calls a service and stores its whole response in
 * {@code context.Variables["r"]}, which expressions read as {@code IResponse}. The request waits
 * for the answer without a thread (the step is pending; the pipeline resumes on the call-out
 * client's thread). A failed call (no connection, timeout, a body over the policy body limit)
 * runs on-error, or with {@code ignore-error="true"} leaves {@code null} in the variable.
 */
public final class SendRequestPolicy implements Step {

    private static final String ELEMENT = "send-request";

    private final CalloutSpec spec;
    private final Value<String> responseVariable;
    private final boolean ignoreError;
    private final PolicyServices services;

    private SendRequestPolicy(CalloutSpec spec, Value<String> responseVariable, boolean ignoreError,
                              PolicyServices services) {
        this.spec = spec;
        this.responseVariable = responseVariable;
        this.ignoreError = ignoreError;
        this.services = services;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        String variable = responseVariable.get(context);
        if (variable == null || variable.isBlank()) {
            throw new PolicyException(ELEMENT, "InvalidVariableName", 500, "response-variable-name is empty");
        }
        UpstreamTls tls = spec.tls(context);
        CompletableFuture<CalloutRequest> prepared = spec.prepare(context); // with its token, if it needs one
        long timeout = spec.timeoutMillis(context);
        HttpClient client;
        try {
            client = services.httpClient(tls);
        } catch (IllegalStateException stopping) { // the gateway is stopping: its call-out client is closed
            if (!ignoreError) {
                throw errorOf(Callouts.failureOf(stopping));
            }
            context.variables().put(variable, null);
            return Outcome.CONTINUE;
        }
        // a token that cannot be had fails the stage before the call: on-error, whatever ignore-error says
        return Outcome.pending(prepared.thenCompose(request -> Callouts.exchange(client, request, timeout,
                services.bodyLimit()).handle((response, failure) -> {
                    if (failure == null) {
                        context.variables().put(variable, ExpressionFacade.viewOf(response));
                        return Outcome.CONTINUE;
                    }
                    return failed(context, variable, Callouts.failureOf(failure));
                })));
    }

    /** Null in the variable when errors are ignored (APIM), else on-error with APIM's reason (thrown in a stage). */
    private Outcome failed(PolicyContext context, String variable, CalloutFailure failure) {
        if (ignoreError) {
            context.variables().put(variable, null);
            return Outcome.CONTINUE;
        }
        throw new CompletionException(errorOf(failure));
    }

    /** APIM's reasons: {@code Timeout} (documented for send-request), {@code BackendConnectionFailure}. */
    static PolicyException errorOf(CalloutFailure failure) {
        String reason = switch (failure.kind()) {
            case TIMEOUT -> "Timeout";
            case CONNECTION -> "BackendConnectionFailure";
            case TOO_LARGE -> "ResponseTooLarge";
        };
        return new PolicyException(ELEMENT, reason, 500, failure.getMessage());
    }

    /** Registered for {@code <send-request>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return ELEMENT;
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.allOf(Section.class);
        }

        @Override
        public Set<Trait> traits() {
            return Set.of(Trait.MAY_PAUSE);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("mode", "response-variable-name", "timeout", "ignore-error");
            Value<String> variable = context.values().requiredString(element, "response-variable-name");
            boolean ignoreError = literalBool(element, context, "ignore-error", false);
            return new SendRequestPolicy(CalloutSpec.compile(element, context), variable, ignoreError,
                    context.services());
        }
    }

    /** A true/false attribute that takes no expression (APIM's ignore-error). */
    static boolean literalBool(PolicyElement element, CompileContext context, String attribute, boolean defaultValue)
            throws PolicyCompileException {
        String text = context.values().literal(element, attribute);
        if (text == null) {
            return defaultValue;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new PolicyCompileException(element,
                    "attribute '" + attribute + "' must be true or false, not '" + text + "'");
        };
    }
}
