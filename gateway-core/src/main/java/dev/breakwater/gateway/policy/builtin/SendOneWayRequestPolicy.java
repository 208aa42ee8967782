package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.Section;
import dev.breakwater.gateway.policy.callout.CalloutFailure;
import dev.breakwater.gateway.policy.callout.CalloutRequest;
import dev.breakwater.gateway.policy.callout.Callouts;
import dev.breakwater.gateway.policy.compile.CompileContext;
import dev.breakwater.gateway.policy.compile.PolicyCompileException;
import dev.breakwater.gateway.policy.compile.PolicyFactory;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.PolicyServices;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Steps;
import dev.breakwater.gateway.policy.xml.PolicyElement;
import dev.breakwater.gateway.tls.UpstreamTls;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <send-one-way-request mode="new|copy" timeout="60">} with the children of send-request:
 * fire and forget. The call is built (a failing expression fails the request, as in any policy),
 * started, and the step continues at once; the call completes in the background and its response
 * is dropped as it arrives. A failed call is logged once, naming where it went by scheme, host
 * and port only (a path or query may hold a key), and never touches the request.
 */
public final class SendOneWayRequestPolicy implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(SendOneWayRequestPolicy.class);

    private final CalloutSpec spec;
    private final PolicyServices services;

    private SendOneWayRequestPolicy(CalloutSpec spec, PolicyServices services) {
        this.spec = spec;
        this.services = services;
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        UpstreamTls tls = spec.tls(context);
        CompletableFuture<CalloutRequest> prepared = spec.prepare(context); // with its token, if it needs one
        long timeout = spec.timeoutMillis(context);
        String requestId = context.requestId();
        prepared.whenComplete((request, noToken) -> {
            if (noToken != null) {
                LOG.warn("request {}: send-one-way-request not sent: {}", requestId, Steps.cause(noToken).getMessage());
                return;
            }
            try {
                Callouts.fire(services.httpClient(tls), request, timeout).whenComplete((status, failure) -> {
                    if (failure != null) {
                        logFailure(requestId, request, Callouts.failureOf(failure));
                    } else if (LOG.isDebugEnabled()) {
                        LOG.debug("request {}: send-one-way-request to {} answered {}", requestId, request.origin(),
                                status);
                    }
                });
            } catch (IllegalStateException stopping) { // the gateway is stopping: its call-out client is closed
                logFailure(requestId, request, Callouts.failureOf(stopping));
            }
        });
        return Outcome.CONTINUE;
    }

    private static void logFailure(String requestId, CalloutRequest request, CalloutFailure failure) {
        LOG.warn("request {}: send-one-way-request {} {} failed ({}): {}", requestId, request.method(),
                request.origin(), failure.kind(), failure.getMessage());
    }

    /** Registered for {@code <send-one-way-request>}. */
    public static final class Factory implements PolicyFactory {
        @Override
        public String elementName() {
            return "send-one-way-request";
        }

        @Override
        public Set<Section> sections() {
            return EnumSet.allOf(Section.class);
        }

        @Override
        public Step compile(PolicyElement element, CompileContext context) throws PolicyCompileException {
            element.allowAttributes("mode", "timeout");
            return new SendOneWayRequestPolicy(CalloutSpec.compile(element, context), context.services());
        }
    }
}
