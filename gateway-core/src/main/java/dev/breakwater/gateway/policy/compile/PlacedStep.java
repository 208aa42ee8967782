package dev.breakwater.gateway.policy.compile;

import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyException;
import dev.breakwater.gateway.policy.runtime.PolicyPlace;
import dev.breakwater.gateway.policy.runtime.Step;
import dev.breakwater.gateway.policy.runtime.Steps;
import java.util.concurrent.CompletableFuture;

/**
 * A step that says where it stands when it fails: its error gets the policy's scope, section,
 * path and id ({@code context.LastError}), unless a policy nested in it already gave its own.
 * An unexpected exception is an internal error of that policy, never a crash of the request.
 */
final class PlacedStep implements Step {

    private final Step step;
    private final PolicyPlace place;

    private PlacedStep(Step step, PolicyPlace place) {
        this.step = step;
        this.place = place;
    }

    static Step wrap(Step step, PolicyPlace place) {
        return new PlacedStep(step, place);
    }

    @Override
    public Outcome run(PolicyContext context) throws PolicyException {
        Outcome outcome;
        try {
            outcome = step.run(context);
        } catch (PolicyException e) {
            throw placed(e);
        } catch (RuntimeException e) {
            throw internal(e);
        }
        if (!outcome.isPending()) {
            return outcome;
        }
        CompletableFuture<Outcome> placedStage = new CompletableFuture<>();
        outcome.stage().whenComplete((settled, failure) -> {
            if (failure == null) {
                placedStage.complete(settled);
            } else {
                placedStage.completeExceptionally(placedFailure(Steps.cause(failure)));
            }
        });
        return Outcome.pending(placedStage);
    }

    private Throwable placedFailure(Throwable cause) {
        if (cause instanceof PolicyException e) {
            return placed(e);
        }
        return cause instanceof RuntimeException e ? internal(e) : cause;
    }

    private PolicyException placed(PolicyException e) {
        return new PolicyException(e.error().at(place));
    }

    private PolicyException internal(RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(PlacedStep.class).error("<{}> at {} failed unexpectedly", place.element(),
                place.key(), e);
        return placed(new PolicyException(place.element(), "InternalError", 500, "Internal server error"));
    }
}
