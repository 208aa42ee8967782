package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.backend.SingleBackend;
import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.compile.Trait;
import dev.breakwater.gateway.policy.runtime.ForwardOptions;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Value;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code <forward-request timeout="60" follow-redirects="false" fail-on-error-status-code="false"/>}:
 * sends the request to the backend and waits, without a thread, until the backend's status and
 * headers are the response; outbound then runs on them. A step like any other, so that choose (and
 * later retry) can wrap it. Bodies stream unless a policy reads them, so {@code buffer-request-body}
 * and {@code buffer-response} are accepted and change nothing here.
 */
public final class ForwardRequestPolicy implements Step {

    private final Value<Integer> timeoutSeconds;
    private final Value<Boolean> followRedirects;
    private final Value<Boolean> failOnErrorStatusCode;

    private ForwardRequestPolicy(Value<Integer> timeoutSeconds, Value<Boolean> followRedirects,
                                 Value<Boolean> failOnErrorStatusCode) {
        this.timeoutSeconds = timeoutSeconds;
        this.followRedirects = followRedirects;
        this.failOnErrorStatusCode = failOnErrorStatusCode;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        SingleBackend service = BackendTargets.choose(context);
        if (context.request().baseUrl() == null) {
            throw new PolicyException("forward-request", "BackendServiceNotSet", 500,
                    "No backend service is configured for this API");
        }
        int seconds = timeoutSeconds.get(context);
        if (seconds < 1 || seconds > 3600) {
            throw new PolicyException("forward-request", "InvalidTimeout", 500,
                    "timeout must be from 1 to 3600 seconds, not " + seconds);
        }
        boolean failOnError = failOnErrorStatusCode.get(context);
        ForwardOptions options = new ForwardOptions(seconds * 1000L, followRedirects.get(context), failOnError);
        context.put(ForwardOptions.KEY, options);
        CompletionStage<Outcome> call = BackendTargets.observed(service, context,
                context.forwarder().forward(context, options));
        return Outcome.pending(call.thenCompose(outcome -> {
            int status = context.response().status();
            if (failOnError && status >= 400) {
                return CompletableFuture.failedFuture(new PolicyException("forward-request", "BackendErrorStatusCode",
                        status, "The backend answered with status " + status));
            }
            return CompletableFuture.completedFuture(outcome);
        }));
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
        public Set<Trait> traits() {
            return Set.of(Trait.FORWARDS, Trait.MAY_PAUSE);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("timeout", "follow-redirects", "fail-on-error-status-code",
                    "buffer-request-body", "buffer-response");
            element.allowChildren();
            element.forbidText();
            ForwardOptions defaults = ForwardOptions.DEFAULT;
            Value<Integer> timeout = context.values().integer(element, "timeout",
                    (int) (defaults.timeoutMillis() / 1000), 1, 3600);
            Value<Boolean> follow = context.values().bool(element, "follow-redirects", defaults.followRedirects());
            Value<Boolean> failOnError = context.values().bool(element, "fail-on-error-status-code",
                    defaults.failOnErrorStatusCode());
            context.values().bool(element, "buffer-request-body", false);
            context.values().bool(element, "buffer-response", true);
            return new ForwardRequestPolicy(timeout, follow, failOnError);
        }
    }
}
