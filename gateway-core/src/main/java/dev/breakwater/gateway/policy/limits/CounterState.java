package dev.breakwater.gateway.policy.limits;

/**
 * What a {@link CounterStore} operation found: whether it counted (for {@code tryAdd}; always
 * {@code true} for {@code add} and {@code read}), the count of the current window after the
 * operation, and how long until that window ends.
 *
 * @param accepted        {@code tryAdd}: the amount was counted (the window had room)
 * @param count           the window's count after the operation
 * @param millisToRenewal until the window ends; {@code Long.MAX_VALUE} for one that never ends
 */
public record CounterState(boolean accepted, long count, long millisToRenewal) {
}
