package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.RuntimeTypes;

import java.time.Instant;

/** .NET's DateTimeOffset: a local date and time (ticks) with its offset from UTC in minutes. */
public final class DotNetDateTimeOffset implements Comparable<DotNetDateTimeOffset>, DotNetFormattable,
        RuntimeTypes.DotNetTyped {

    private final long ticks;
    private final int offsetMinutes;

    public DotNetDateTimeOffset(long ticks, int offsetMinutes) {
        this.ticks = ticks;
        this.offsetMinutes = offsetMinutes;
    }

    public static DotNetDateTimeOffset of(Instant instant, int offsetMinutes) {
        long utc = DotNetDateTime.of(instant, DotNetDateTime.UTC).ticks();
        return new DotNetDateTimeOffset(utc + offsetMinutes * DotNetTimeSpan.TICKS_PER_MINUTE, offsetMinutes);
    }

    /** The implicit conversion from DateTime: UTC and local (= UTC here) times get offset zero. */
    public static DotNetDateTimeOffset of(DotNetDateTime d) {
        return new DotNetDateTimeOffset(d.ticks(), 0);
    }

    public long ticks() {
        return ticks;
    }

    public long utcTicks() {
        return ticks - offsetMinutes * DotNetTimeSpan.TICKS_PER_MINUTE;
    }

    public int offsetMinutes() {
        return offsetMinutes;
    }

    /** The local date and time, Kind Unspecified. */
    public DotNetDateTime dateTime() {
        return new DotNetDateTime(ticks, DotNetDateTime.UNSPECIFIED);
    }

    public DotNetDateTime utcDateTime() {
        return new DotNetDateTime(utcTicks(), DotNetDateTime.UTC);
    }

    public Instant toInstant() {
        return utcDateTime().toInstant();
    }

    public DotNetDateTimeOffset addTicks(long delta) {
        return new DotNetDateTimeOffset(Math.addExact(ticks, delta), offsetMinutes);
    }

    public long toUnixTimeMilliseconds() {
        return Math.floorDiv(utcTicks() - DotNetDateTime.EPOCH_TICKS, DotNetTimeSpan.TICKS_PER_MILLISECOND);
    }

    public long toUnixTimeSeconds() {
        return Math.floorDiv(utcTicks() - DotNetDateTime.EPOCH_TICKS, DotNetTimeSpan.TICKS_PER_SECOND);
    }

    @Override
    public int compareTo(DotNetDateTimeOffset o) {
        return Long.compare(utcTicks(), o.utcTicks());
    }

    /** Equal when they are the same instant, as .NET's == on DateTimeOffset. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DotNetDateTimeOffset d && d.utcTicks() == utcTicks();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(utcTicks());
    }

    @Override
    public String toString() {
        return DateTimeFormat.format(dateTime(), this, "G") + " " + DateTimeFormat.offset(offsetMinutes, true);
    }

    @Override
    public String format(String format) {
        return DateTimeFormat.format(dateTime(), this, format);
    }

    @Override
    public String dotNetTypeName() {
        return "System.DateTimeOffset";
    }
}
