package dev.breakwater.gateway.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Waits for a condition instead of sleeping for a guessed time: polls a probe until its value
 * satisfies the condition, within a deadline, and fails naming what was awaited and the last
 * value seen.
 */
public final class Await {

    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /**
     * Polls {@code probe} until {@code condition} holds for its value, and returns that value.
     * A probe that throws counts as "not yet" (e.g. a listener not up); its last exception is
     * reported if the deadline passes.
     *
     * @param what      what is awaited, for the failure message
     * @param timeout   the bound
     */
    public static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<? super T> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        Exception lastFailure = null;
        while (true) {
            try {
                last = probe.call();
                lastFailure = null;
                if (condition.test(last)) {
                    return last;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                lastFailure = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError error = new AssertionError("not within " + timeout + ": " + what + "; last seen: "
                        + (lastFailure != null ? lastFailure : last));
                if (lastFailure != null) {
                    error.initCause(lastFailure);
                }
                throw error;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Polls until the condition is true. */
    public static void until(String what, Duration timeout, Callable<Boolean> condition) throws InterruptedException {
        until(what, timeout, condition, Boolean.TRUE::equals);
    }
}
