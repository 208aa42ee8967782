package dev.breakwater.gateway.policy.limits;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * llm-token-limit's token-quota-period: calendar windows in UTC (an hour, a day, a week from Monday,
 * a month, a year), so a Monthly quota renews on the first of the month whatever its length. APIM
 * does not say where its windows start; calendar boundaries in UTC are what an operator reading
 * "Daily" expects.
 */
public enum TokenQuotaPeriod {
    HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY;

    /** The period named as in APIM ({@code Hourly}, ..., case ignored), or {@code null}. */
    public static TokenQuotaPeriod parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The start of the window that holds {@code now}. */
    public Instant start(Instant now) {
        ZonedDateTime at = now.atZone(ZoneOffset.UTC);
        LocalDate day = at.toLocalDate();
        return switch (this) {
            case HOURLY -> at.truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAILY -> day.atStartOfDay(ZoneOffset.UTC).toInstant();
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
            case MONTHLY -> day.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            case YEARLY -> day.withDayOfYear(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        };
    }

    /** The end (exclusive) of the window that starts at {@code start}. */
    public Instant end(Instant start) {
        ZonedDateTime at = start.atZone(ZoneOffset.UTC);
        return switch (this) {
            case HOURLY -> at.plusHours(1).toInstant();
            case DAILY -> at.plusDays(1).toInstant();
            case WEEKLY -> at.plusWeeks(1).toInstant();
            case MONTHLY -> at.plusMonths(1).toInstant();
            case YEARLY -> at.plusYears(1).toInstant();
        };
    }
}
