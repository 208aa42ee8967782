package dev.breakwater.gateway.policy.limits;

/**
 * One counter of a {@link CounterStore}: its name and its windows. A window is {@code periodMillis}
 * long and starts at {@code anchorMillis + n * periodMillis}; a counter whose window has passed
 * counts zero. The period and anchor are part of the key's meaning: callers put them into the name
 * too, so a policy whose renewal-period changes gets a fresh counter rather than a window of another
 * length.
 *
 * @param name         the counter's name (the policy's identity and what it counts by)
 * @param periodMillis the window's length; {@code 0} for one window that never ends (a lifetime quota)
 * @param anchorMillis where windows start, epoch millis; {@code null} for the counter's first use
 */
public record CounterKey(String name, long periodMillis, Long anchorMillis) {

    /** Milliseconds until renewal of a counter the store cannot hold: a whole window, or never. */
    long wholeWindow() {
        return periodMillis <= 0 ? Long.MAX_VALUE : periodMillis;
    }
}
