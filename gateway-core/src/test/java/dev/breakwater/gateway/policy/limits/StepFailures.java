package dev.breakwater.gateway.policy.limits;

import dev.breakwater.gateway.policy.PolicyTesting;
import dev.breakwater.gateway.policy.runtime.Outcome;
import dev.breakwater.gateway.policy.runtime.PolicyException;

/** The error a limit's pending step fails with, for tests that expect the refusal to come through the stage. */
final class StepFailures {

    private StepFailures() {
    }

    /** The PolicyException {@code outcome}'s stage fails with, waited for within PolicyTesting's bound. */
    static PolicyException failure(Outcome outcome) {
        try {
            PolicyTesting.settle(outcome);
        } catch (PolicyException e) {
            return e;
        }
        throw new AssertionError("the stage did not fail");
    }
}
