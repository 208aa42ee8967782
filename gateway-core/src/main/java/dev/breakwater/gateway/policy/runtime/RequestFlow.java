package dev.breakwater.gateway.policy.runtime;

import dev.breakwater.gateway.policy.Section;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one request through its pipeline: inbound, backend (whose forward-request waits for the
 * backend's response head), outbound; on-error from wherever something failed. A step that waits
 * makes the run pending, and it resumes on the thread that completes the wait. Knows nothing of
 * servlets, so that it can be tested without a server. When the backend's response is in, the
 * {@link BackendResponseHooks} run before outbound; once the response is settled, the
 * {@link ResponseHooks} inbound policies left are applied to it.
 */
public final class RequestFlow {

    private static final Logger LOG = LoggerFactory.getLogger(RequestFlow.class);
    private static final Section[] SECTIONS = {Section.INBOUND, Section.BACKEND, Section.OUTBOUND};

    private final Pipeline pipeline;
    private final PolicyContext context;

    public RequestFlow(Pipeline pipeline, PolicyContext context) {
        this.pipeline = pipeline;
        this.context = context;
    }

    public PolicyContext context() {
        return context;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /**
     * Runs the whole pipeline. The outcome is {@link Outcome#RESPOND} once the context's response is
     * the one the client gets, or pending until then; it never fails (failures become on-error's response).
     */
    public Outcome run() {
        Outcome outcome = runFrom(0);
        if (!outcome.isPending()) {
            return finished(outcome);
        }
        return Outcome.pending(outcome.stage().thenApply(this::finished));
    }

    /** The response is settled: what inbound policies asked to be done to it is done now (see ResponseHooks). */
    private Outcome finished(Outcome outcome) {
        try {
            ResponseHooks.apply(context);
        } catch (RuntimeException e) {
            LOG.error("request {}: a response hook failed", context.requestId(), e);
            context.setResponse(ResponseMessage.error(500, "Internal server error"));
        }
        return outcome;
    }

    private Outcome runFrom(int first) {
        for (int i = first; i < SECTIONS.length; i++) {
            Outcome outcome;
            try {
                if (SECTIONS[i] == Section.OUTBOUND) {
                    BackendResponseHooks.apply(context); // the backend's response is in: before outbound sees it
                }
                outcome = Steps.run(pipeline.steps(SECTIONS[i]), context);
            } catch (PolicyException e) {
                return fail(e.error());
            }
            if (outcome == Outcome.RESPOND) {
                return Outcome.RESPOND;
            }
            if (outcome.isPending()) {
                int next = i + 1;
                return Outcome.pending(resumeAfter(outcome.stage(), next));
            }
        }
        return Outcome.RESPOND;
    }

    private CompletionStage<Outcome> resumeAfter(CompletionStage<Outcome> wait, int next) {
        return wait.handle((settled, failure) -> {
            if (failure != null) {
                return fail(errorOf(Steps.cause(failure)));
            }
            return settled == Outcome.RESPOND ? Outcome.RESPOND : runFrom(next);
        }).thenCompose(Steps::settle);
    }

    /**
     * Sets the last error and the default error response, then runs on-error, which may change or
     * replace that response. A failure inside on-error leaves a plain 500.
     */
    public Outcome fail(PolicyError error) {
        context.setLastError(error);
        context.setResponse(ResponseMessage.error(error.statusCode(), error.clientMessage()));
        Outcome outcome;
        try {
            outcome = Steps.run(pipeline.onError(), context);
        } catch (PolicyException e) {
            return failedInOnError(e);
        }
        if (!outcome.isPending()) {
            return Outcome.RESPOND;
        }
        return Outcome.pending(outcome.stage().handle((settled, failure) ->
                failure == null ? Outcome.RESPOND : failedInOnError(Steps.cause(failure))));
    }

    private Outcome failedInOnError(Throwable failure) {
        LOG.warn("request {}: on-error failed too: {}", context.requestId(), failure.toString());
        context.setResponse(ResponseMessage.error(500, "Internal server error"));
        return Outcome.RESPOND;
    }

    private PolicyError errorOf(Throwable failure) {
        if (failure instanceof PolicyException e) {
            return e.error();
        }
        LOG.error("request {}: a policy failed unexpectedly", context.requestId(), failure);
        return PolicyError.builtIn("policy", "InternalError", 500, "Internal server error");
    }
}
