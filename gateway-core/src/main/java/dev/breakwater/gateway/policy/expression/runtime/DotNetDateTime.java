package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.RuntimeTypes;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * .NET's DateTime: 100-ns ticks since 0001-01-01 and a Kind (Unspecified, Utc, Local). The gateway's
 * local time zone is UTC, so Local and Utc differ only in how they print ("o" ends in "+00:00" or "Z").
 */
public final class DotNetDateTime implements Comparable<DotNetDateTime>, DotNetFormattable, RuntimeTypes.DotNetTyped {

    public static final int UNSPECIFIED = 0;
    public static final int UTC = 1;
    public static final int LOCAL = 2;

    /** Ticks of 1970-01-01T00:00:00. */
    public static final long EPOCH_TICKS = 621_355_968_000_000_000L;
    public static final long TICKS_PER_DAY = 864_000_000_000L;
    public static final long MAX_TICKS = 3_155_378_975_999_999_999L;
    public static final DotNetDateTime MIN = new DotNetDateTime(0, UNSPECIFIED);
    public static final DotNetDateTime MAX = new DotNetDateTime(MAX_TICKS, UNSPECIFIED);

    private final long ticks;
    private final int kind;

    public DotNetDateTime(long ticks, int kind) {
        if (ticks < 0 || ticks > MAX_TICKS) {
            throw DotNetException.outOfRange("ticks", "Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks.");
        }
        this.ticks = ticks;
        this.kind = kind;
    }

    public static DotNetDateTime of(Instant instant, int kind) {
        return new DotNetDateTime(EPOCH_TICKS + instant.getEpochSecond() * 10_000_000L + instant.getNano() / 100, kind);
    }

    public static DotNetDateTime of(LocalDateTime t, int kind) {
        return of(t.toInstant(ZoneOffset.UTC), kind);
    }

    public static DotNetDateTime of(int year, int month, int day, int hour, int minute, int second, int millisecond, int kind) {
        try {
            return of(LocalDateTime.of(year, month, day, hour, minute, second, millisecond * 1_000_000), kind);
        } catch (java.time.DateTimeException e) {
            throw DotNetException.outOfRange("year", "Year, Month, and Day parameters describe an un-representable DateTime.");
        }
    }

    public long ticks() {
        return ticks;
    }

    public int kind() {
        return kind;
    }

    public Instant toInstant() {
        long t = ticks - EPOCH_TICKS;
        return Instant.ofEpochSecond(Math.floorDiv(t, 10_000_000L), Math.floorMod(t, 10_000_000L) * 100);
    }

    public LocalDateTime local() {
        return LocalDateTime.ofInstant(toInstant(), ZoneOffset.UTC);
    }

    public DotNetDateTime withTicks(long newTicks) {
        return new DotNetDateTime(newTicks, kind);
    }

    public DotNetDateTime withKind(int newKind) {
        return new DotNetDateTime(ticks, newKind);
    }

    public DotNetDateTime addTicks(long delta) {
        return withTicks(Math.addExact(ticks, delta));
    }

    /** AddDays/AddHours/…: the double scaled to ticks, rounded as .NET does (to the nearest tick). */
    public DotNetDateTime add(double value, long ticksPerUnit) {
        double t = value * ticksPerUnit;
        if (Double.isNaN(t) || Math.abs(t) > MAX_TICKS) {
            throw DotNetException.outOfRange("value", "Value to add was out of range.");
        }
        return addTicks(Math.round(t));
    }

    public DotNetDateTime addMonths(int months) {
        return of(local().plusMonths(months), kind);
    }

    public DotNetDateTime addYears(int years) {
        return of(local().plusYears(years), kind);
    }

    public DotNetDateTime date() {
        return withTicks(ticks - ticks % TICKS_PER_DAY);
    }

    public DotNetTimeSpan timeOfDay() {
        return new DotNetTimeSpan(ticks % TICKS_PER_DAY);
    }

    public DotNetDateTime truncatedTo(ChronoUnit unit) {
        return of(local().truncatedTo(unit), kind);
    }

    @Override
    public int compareTo(DotNetDateTime o) {
        return Long.compare(ticks, o.ticks);
    }

    /** .NET compares DateTimes by ticks only, whatever their kind. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DotNetDateTime d && d.ticks == ticks;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(ticks);
    }

    @Override
    public String toString() {
        return DateTimeFormat.format(this, null, "G");
    }

    @Override
    public String format(String format) {
        return DateTimeFormat.format(this, null, format);
    }

    @Override
    public String dotNetTypeName() {
        return "System.DateTime";
    }
}
