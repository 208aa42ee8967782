package dev.breakwater.gateway.backend;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A compiled circuit breaker rule. Equal rules share a breaker's state across configuration
 * revisions (see {@link BreakerStates}); a changed rule starts a fresh breaker.
 *
 * @param statusRanges pairs of inclusive bounds, {min, max}
 * @param errorReasons forward-request error reasons that count as failures
 */
public record BreakerRule(int count, Duration interval, List<int[]> statusRanges, Set<String> errorReasons,
                          Duration tripDuration, boolean acceptRetryAfter) {

    public BreakerRule {
        statusRanges = List.copyOf(statusRanges);
        errorReasons = Set.copyOf(errorReasons);
    }

    boolean failsOn(int status) {
        for (int[] range : statusRanges) {
            if (status >= range[0] && status <= range[1]) {
                return true;
            }
        }
        return false;
    }

    boolean failsOn(String reason) {
        return reason != null && errorReasons.contains(reason);
    }

    /** Value equality, ranges included (records compare arrays by identity). */
    String key() {
        StringBuilder key = new StringBuilder().append(count).append('/').append(interval).append('/')
                .append(tripDuration).append('/').append(acceptRetryAfter).append('/');
        statusRanges.forEach(range -> key.append(range[0]).append('-').append(range[1]).append(','));
        errorReasons.stream().sorted().forEach(reason -> key.append(reason).append(';'));
        return key.toString();
    }
}
