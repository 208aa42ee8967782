package dev.breakwater.gateway.policy;

/**
 * A compiled policy: immutable, shared by every request that takes its route.
 * Everything that can be checked or computed ahead is done by its {@link PolicyFactory};
 * {@code apply} only acts on the one request in the context.
 */
@FunctionalInterface
public interface Policy {

    /**
     * Runs the policy on one request.
     *
     * @throws PolicyException when the request cannot go on; the pipeline then runs on-error
     */
    Flow apply(PolicyContext context) throws PolicyException;
}
