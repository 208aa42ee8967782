package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.compile.Trait;
import dev.breakwater.gateway.policy.identity.ManagedIdentityTokens;
import dev.breakwater.gateway.policy.identity.TokenUnavailableException;
import dev.breakwater.gateway.policy.runtime.Headers;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Steps;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code <authentication-managed-identity resource="https://vault.azure.net" client-id="..."
 * output-token-variable-name="..." ignore-error="false"/>}: gets an access token for the resource
 * from the gateway's identity endpoint (setting {@code identity.endpoint}, see
 * {@link ManagedIdentityTokens}) and puts it in the backend request's {@code Authorization: Bearer}
 * header, or only in the named variable. A cached token costs no wait; a fetch makes the request
 * wait without a thread. When no token is had, the request goes to on-error (500), or, with
 * {@code ignore-error="true"}, on without one. The token never appears in a message or a log line.
 */
public final class AuthenticationManagedIdentityPolicy implements Step {

    static final String SOURCE = "authentication-managed-identity";
    static final String REASON = "TokenAcquisitionFailed";

    private final Value<String> resource;
    private final String clientId;
    private final String variable;
    private final Value<Boolean> ignoreError;
    private final ManagedIdentityTokens tokens;

    private AuthenticationManagedIdentityPolicy(Value<String> resource, String clientId, String variable,
                                                Value<Boolean> ignoreError, ManagedIdentityTokens tokens) {
        this.resource = resource;
        this.clientId = clientId;
        this.variable = variable;
        this.ignoreError = ignoreError;
        this.tokens = tokens;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        CompletableFuture<String> token = token(context);
        if (token.isDone() && !token.isCompletedExceptionally()) {
            use(context, token.join()); // cached: no wait
            return Outcome.CONTINUE;
        }
        return Outcome.pending(token.thenApply(value -> {
            use(context, value);
            return Outcome.CONTINUE;
        }));
    }

    /**
     * The token for this request: at once when cached, else when fetched; {@code null} when none
     * is had and errors are ignored; a {@link PolicyException} (in the stage) otherwise. Also used
     * by a call-out with this policy inside.
     */
    CompletableFuture<String> token(PolicyContext context) throws PolicyException {
        boolean ignore = ignoreError.get(context);
        String target = resource.get(context);
        if (target == null || target.isBlank()) {
            if (ignore) {
                return CompletableFuture.completedFuture(null);
            }
            throw new PolicyException(SOURCE, REASON, 500, "The resource of the managed identity token is empty");
        }
        String cached = tokens.cached(target, clientId);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        return tokens.token(target, clientId).handle((fetched, failure) -> {
            if (failure == null) {
                return fetched.value();
            }
            if (ignore) {
                return null;
            }
            Throwable cause = Steps.cause(failure);
            String why = cause instanceof TokenUnavailableException ? cause.getMessage() : "an internal error";
            throw new CompletionException(new PolicyException(SOURCE, REASON, 500,
                    "Could not obtain a managed identity token for resource '" + target + "': " + why));
        });
    }

    /** Inside a call-out: the token becomes the call-out's {@code Authorization: Bearer} header. */
    static AuthenticationManagedIdentityPolicy compileForCallout(PolicyElement element, CompileContext context)
            throws PolicyCompileException {
        if (element.attribute("output-token-variable-name") != null) {
            throw new PolicyCompileException(element, "attribute 'output-token-variable-name' is not allowed inside "
                    + "a call-out: the token goes into the call-out's Authorization header");
        }
        return (AuthenticationManagedIdentityPolicy) new Factory().compile(element, context);
    }

    private void use(PolicyContext context, String token) {
        if (token == null) {
            return; // none had, and errors ignored: the request goes on without one
        }
        if (variable != null) {
            context.variables().put(variable, token);
            return;
        }
        Headers headers = context.request().headers();
        headers.remove("Authorization");
        headers.add("Authorization", "Bearer " + token);
    }

    /** Registered for {@code <authentication-managed-identity>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return SOURCE;
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.of(Section.INBOUND);
        }

        @Override
        public Set<Trait> traits() {
            return Set.of(Trait.MAY_PAUSE);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("resource", "client-id", "output-token-variable-name", "ignore-error");
            element.allowChildren();
            element.forbidText();
            Value<String> resource = context.values().requiredString(element, "resource");
            String clientId = blankAsNull(context.values().literal(element, "client-id"));
            String variable = blankAsNull(context.values().literal(element, "output-token-variable-name"));
            Value<Boolean> ignoreError = context.values().bool(element, "ignore-error", false);
            return new AuthenticationManagedIdentityPolicy(resource, clientId, variable, ignoreError,
                    context.services().managedIdentityTokens());
        }

        private static String blankAsNull(String text) {
            return text == null || text.isBlank() ? null : text.trim();
        }
    }
}
