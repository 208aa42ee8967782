package dev.breakwater.gateway.policy.limits;

/**
 * One counter a request must pass through. Counted now: {@code amount} is added if the window's
 * count is below {@code limit} (a call). Read only: the request passes while the count is below
 * {@code limit}, and what it adds comes later (bytes at the end of the exchange, a call whose
 * increment-condition is judged on the response, a call already counted by an earlier run).
 *
 * @param counter  the counter
 * @param limit    the count at which the window is full
 * @param amount   what a counted-now gate adds
 * @param countNow whether the gate counts as it lets the request through
 */
public record Gate(CounterKey counter, long limit, long amount, boolean countNow) {
}
