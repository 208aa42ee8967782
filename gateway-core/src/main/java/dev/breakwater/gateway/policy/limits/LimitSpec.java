package dev.breakwater.gateway.policy.limits;

import dev.breakwater.gateway.policy.runtime.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongFunction;

/**
 * What one rate-limit-by-key or quota-by-key says, compiled: its values and how it refuses.
 *
 * @param identity           the policy's place ({@code PolicyPlace.key()}): its counters are its own
 * @param kind               the element name, also the error's source
 * @param key                counter-key
 * @param calls              the calls allowed per window, or {@code null} for a bandwidth quota alone
 * @param periodSeconds      renewal-period ({@code 0}: one window that never ends, quota only)
 * @param minPeriodSeconds   the smallest renewal-period allowed
 * @param maxPeriodSeconds   the largest renewal-period allowed
 * @param anchorMillis       where windows start (quota's first-period-start), {@code null} for first use
 * @param condition          increment-condition, or {@code null}
 * @param incrementCount     increment-count
 * @param retryAfterHeader   the header of the seconds to wait, or {@code null} for none
 * @param retryAfterVariable retry-after-variable-name, or {@code null}
 * @param remainingHeader    remaining-calls-header-name, or {@code null}
 * @param remainingVariable  remaining-calls-variable-name, or {@code null}
 * @param totalHeader        total-calls-header-name, or {@code null}
 * @param status             the status of a refusal (429, quota 403)
 * @param reason             {@code context.LastError.Reason} of a refusal
 * @param messages           the message of a refusal from the seconds until renewal ({@code -1}: never)
 * @param bandwidthKilobytes the kilobytes (1,024 bytes) of body allowed per window, or {@code null} for no bandwidth quota
 * @param bandwidthMessages  the message of a refusal for bandwidth, as {@code messages}
 */
public record LimitSpec(String identity, String kind, Value<String> key, Value<Integer> calls, Value<Integer> periodSeconds,
                        long minPeriodSeconds, long maxPeriodSeconds, Long anchorMillis,
                        Value<Boolean> condition, Value<Integer> incrementCount, String retryAfterHeader,
                        String retryAfterVariable, String remainingHeader, String remainingVariable,
                        String totalHeader, int status, String reason, LongFunction<String> messages,
                        Long bandwidthKilobytes, LongFunction<String> bandwidthMessages) {

    /** APIM's first-period-start of a quota when nothing else anchors its windows (0001-01-01T00:00:00Z). */
    public static final long DEFAULT_FIRST_PERIOD_START = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();

    /** A limit of calls only ({@code calls} required). */
    public LimitSpec(String identity, String kind, Value<String> key, Value<Integer> calls, Value<Integer> periodSeconds,
                     long minPeriodSeconds, long maxPeriodSeconds, Long anchorMillis,
                     Value<Boolean> condition, Value<Integer> incrementCount, String retryAfterHeader,
                     String retryAfterVariable, String remainingHeader, String remainingVariable,
                     String totalHeader, int status, String reason, LongFunction<String> messages) {
        this(identity, kind, key, calls, periodSeconds, minPeriodSeconds, maxPeriodSeconds, anchorMillis, condition,
                incrementCount, retryAfterHeader, retryAfterVariable, remainingHeader, remainingVariable, totalHeader,
                status, reason, messages, null, null);
    }

    /** The headers and variables it tells the caller. */
    LimitHeaders headers() {
        return new LimitHeaders(retryAfterHeader, retryAfterVariable, remainingHeader, remainingVariable, totalHeader);
    }

    String message(long seconds) {
        return messages.apply(seconds);
    }

    /** A duration as .NET prints a TimeSpan: {@code 00:00:07}, {@code 1.02:03:04}. */
    public static String timeSpan(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        String clock = String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", d.toHoursPart(), d.toMinutesPart(),
                d.toSecondsPart());
        return d.toDays() > 0 ? d.toDays() + "." + clock : clock;
    }
}
