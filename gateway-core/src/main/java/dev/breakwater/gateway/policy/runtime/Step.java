package dev.breakwater.gateway.policy.runtime;

/**
 * A compiled policy: immutable, shared by every request on its routes. Everything that can be
 * checked or computed ahead is done when it is compiled; {@code run} acts on one request.
 */
@FunctionalInterface
public interface Step {

    /**
     * Runs on one request.
     *
     * @throws PolicyException when the request cannot go on; the pipeline goes to on-error
     */
    Outcome run(PolicyContext context) throws PolicyException;
}
