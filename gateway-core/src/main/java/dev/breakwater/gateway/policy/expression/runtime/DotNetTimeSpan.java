package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.RuntimeTypes;

/** .NET's TimeSpan: a signed number of 100-ns ticks. */
public final class DotNetTimeSpan implements Comparable<DotNetTimeSpan>, DotNetFormattable, RuntimeTypes.DotNetTyped {

    public static final long TICKS_PER_MILLISECOND = 10_000L;
    public static final long TICKS_PER_SECOND = 10_000_000L;
    public static final long TICKS_PER_MINUTE = 600_000_000L;
    public static final long TICKS_PER_HOUR = 36_000_000_000L;
    public static final long TICKS_PER_DAY = 864_000_000_000L;
    public static final DotNetTimeSpan ZERO = new DotNetTimeSpan(0);

    private final long ticks;

    public DotNetTimeSpan(long ticks) {
        this.ticks = ticks;
    }

    /** FromSeconds(double) and friends: .NET rounds to the nearest millisecond. */
    public static DotNetTimeSpan from(double value, long ticksPerUnit) {
        if (Double.isNaN(value)) {
            throw DotNetException.argument("TimeSpan does not accept floating point Not-a-Number values.");
        }
        double millis = value * (ticksPerUnit / (double) TICKS_PER_MILLISECOND);
        double rounded = millis + (millis >= 0 ? 0.5 : -0.5);
        if (Math.abs(rounded) > Long.MAX_VALUE / TICKS_PER_MILLISECOND) {
            throw DotNetException.of("System.OverflowException", "TimeSpan overflowed because the duration is too long.");
        }
        return new DotNetTimeSpan((long) rounded * TICKS_PER_MILLISECOND);
    }

    public static DotNetTimeSpan of(long days, long hours, long minutes, long seconds, long milliseconds) {
        return new DotNetTimeSpan(days * TICKS_PER_DAY + hours * TICKS_PER_HOUR + minutes * TICKS_PER_MINUTE
                + seconds * TICKS_PER_SECOND + milliseconds * TICKS_PER_MILLISECOND);
    }

    public long ticks() {
        return ticks;
    }

    public int days() {
        return (int) (ticks / TICKS_PER_DAY);
    }

    public int hours() {
        return (int) (ticks / TICKS_PER_HOUR % 24);
    }

    public int minutes() {
        return (int) (ticks / TICKS_PER_MINUTE % 60);
    }

    public int seconds() {
        return (int) (ticks / TICKS_PER_SECOND % 60);
    }

    public int milliseconds() {
        return (int) (ticks / TICKS_PER_MILLISECOND % 1000);
    }

    public double total(long ticksPerUnit) {
        return (double) ticks / ticksPerUnit;
    }

    public DotNetTimeSpan plus(DotNetTimeSpan o) {
        return new DotNetTimeSpan(Math.addExact(ticks, o.ticks));
    }

    public DotNetTimeSpan minus(DotNetTimeSpan o) {
        return new DotNetTimeSpan(Math.subtractExact(ticks, o.ticks));
    }

    public DotNetTimeSpan negate() {
        return new DotNetTimeSpan(-ticks);
    }

    @Override
    public int compareTo(DotNetTimeSpan o) {
        return Long.compare(ticks, o.ticks);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DotNetTimeSpan t && t.ticks == ticks;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(ticks);
    }

    /** The constant ("c") format: {@code [-][d.]hh:mm:ss[.fffffff]}. */
    @Override
    public String toString() {
        return TimeSpanFormat.format(this, "c");
    }

    @Override
    public String format(String format) {
        return TimeSpanFormat.format(this, format);
    }

    @Override
    public String dotNetTypeName() {
        return "System.TimeSpan";
    }
}
