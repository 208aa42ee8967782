package dev.breakwater.gateway.policy.liquid;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Date;

/**
 * A date as .NET's {@code DateTime} holds it: a local date-time and a kind. APIM's gateway runs in
 * UTC, so "local" is UTC here: a value read with an offset is converted to UTC and is of kind
 * {@link Kind#LOCAL}, as {@code DateTime.Parse} does on such a machine.
 *
 * @param dateTime the date and time
 * @param kind     what {@code K} and {@code zzz} write: {@code Z}, {@code +00:00} or nothing
 */
record DotNetDateTime(LocalDateTime dateTime, Kind kind) implements Comparable<DotNetDateTime> {

    /** .NET's {@code DateTimeKind}. */
    enum Kind { UTC, LOCAL, UNSPECIFIED }

    private static final DateTimeFormatter INVARIANT_TO_STRING = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss");

    static DotNetDateTime utc(Instant instant) {
        return new DotNetDateTime(LocalDateTime.ofInstant(instant, ZoneOffset.UTC), Kind.UTC);
    }

    static DotNetDateTime local(Instant instant) {
        return new DotNetDateTime(LocalDateTime.ofInstant(instant, ZoneOffset.UTC), Kind.LOCAL);
    }

    /** A Java date or time value as .NET would hold it, or null if it is none. */
    static DotNetDateTime fromJava(Object value) {
        if (value instanceof DotNetDateTime dotNet) {
            return dotNet;
        }
        if (value instanceof Instant instant) {
            return utc(instant);
        }
        if (value instanceof OffsetDateTime offset) {
            return local(offset.toInstant());
        }
        if (value instanceof ZonedDateTime zoned) {
            return local(zoned.toInstant());
        }
        if (value instanceof LocalDateTime local) {
            return new DotNetDateTime(local, Kind.UNSPECIFIED);
        }
        if (value instanceof LocalDate date) {
            return new DotNetDateTime(date.atStartOfDay(), Kind.UNSPECIFIED);
        }
        if (value instanceof Date date) {
            return local(date.toInstant());
        }
        if (value instanceof TemporalAccessor temporal && temporal.isSupported(java.time.temporal.ChronoField.INSTANT_SECONDS)) {
            return local(Instant.from(temporal));
        }
        return null;
    }

    @Override
    public int compareTo(DotNetDateTime other) {
        return dateTime.compareTo(other.dateTime);
    }

    /** {@code DateTime.ToString()} in the invariant culture, as APIM writes a date into a template. */
    @Override
    public String toString() {
        return INVARIANT_TO_STRING.format(dateTime);
    }
}
