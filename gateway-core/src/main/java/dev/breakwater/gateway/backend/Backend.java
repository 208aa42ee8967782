package dev.breakwater.gateway.backend;

/**
 * A backend entity as requests use it: a single service, or a pool that picks one per request.
 * Compiled with the configuration; the state that must outlive a revision (circuit breakers) is
 * kept in {@link BreakerStates}.
 */
public sealed interface Backend permits SingleBackend, PoolBackend {

    String id();

    /** The service this request goes to, or {@code null} when none can take it now (breakers open). */
    SingleBackend select();
}
