package dev.breakwater.gateway.policy.limits;

/** The counter stores a gateway can be set to use ({@code counters.store}), by name. */
public final class CounterStores {

    /** This gateway's memory. */
    public static final String LOCAL = "local";

    private CounterStores() {
    }

    /**
     * The store the setting names.
     *
     * @param local the gateway's in-memory counters, which the local store wraps
     * @throws IllegalArgumentException for a name that is no store
     */
    public static CounterStore create(String name, KeyedCounters local) {
        if (LOCAL.equals(name)) {
            return new LocalCounterStore(local);
        }
        throw new IllegalArgumentException("counters.store must be 'local' (the only counter store so far), not '"
                + name + "'");
    }
}
