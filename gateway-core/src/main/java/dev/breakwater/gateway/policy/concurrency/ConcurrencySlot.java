package dev.breakwater.gateway.policy.concurrency;

/** One request's place under a limit-concurrency key; releasing it twice releases it once. */
public interface ConcurrencySlot {

    /** Gives the place back, to the store that gave it (never throws: a failure is the store's to handle). */
    void release();
}
