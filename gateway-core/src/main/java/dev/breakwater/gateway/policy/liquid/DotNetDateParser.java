package dev.breakwater.gateway.policy.liquid;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates as APIM does: the forms {@code DateTime.Parse} accepts in the invariant culture that
 * templates meet in practice, and the two forms Json.NET turns into dates when {@code parse-date}
 * is on.
 */
final class DotNetDateParser {

    /** {@code /Date(1198908717056)/} or {@code /Date(1198908717056+0100)/}: milliseconds since 1970 UTC. */
    private static final Pattern MICROSOFT_JSON_DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

    /** ISO-8601 date-time: date, {@code T} (a space is read as one), time with optional seconds and fraction, optional offset. */
    private static final DateTimeFormatter ISO_LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter ISO_OFFSET = new DateTimeFormatterBuilder()
            .append(ISO_LOCAL).appendPattern("[XXX][XX][X]").toFormatter(Locale.ROOT);
    private static final DateTimeFormatter INVARIANT = DateTimeFormatter.ofPattern("MM/dd/yyyy[ HH:mm[:ss]]", Locale.ROOT);

    private DotNetDateParser() {
    }

    /**
     * What Json.NET reads as a date when {@code parse-date} is on: {@code /Date(ms)/}, or an ISO-8601
     * date-time of 19 to 40 characters with {@code T} after the date (so with seconds); null otherwise.
     * {@code Z} gives a UTC date, another offset a local one, none an unspecified one.
     */
    static DotNetDateTime parseJsonDate(String text) {
        if (text.startsWith("/Date(")) {
            return parseMicrosoftJsonDate(text);
        }
        if (text.length() < 19 || text.length() > 40 || !Character.isDigit(text.charAt(0)) || text.charAt(10) != 'T') {
            return null;
        }
        return parseIso(text);
    }

    /** What the Date filter accepts: {@code now}, {@code today}, ISO-8601, {@code MM/dd/yyyy}, RFC 1123, {@code /Date(ms)/}. */
    static DotNetDateTime parse(String text, Instant now) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("now") || trimmed.equalsIgnoreCase("today")) {
            return DotNetDateTime.local(now);
        }
        if (trimmed.startsWith("/Date(")) {
            return parseMicrosoftJsonDate(trimmed);
        }
        DotNetDateTime iso = parseIso(trimmed);
        if (iso != null) {
            return iso;
        }
        try {
            return new DotNetDateTime(LocalDate.parse(trimmed).atStartOfDay(), DotNetDateTime.Kind.UNSPECIFIED);
        } catch (DateTimeParseException notIsoDate) {
            // try the next form
        }
        try {
            var parsed = INVARIANT.parseBest(trimmed, LocalDateTime::from, LocalDate::from);
            LocalDateTime local = parsed instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) parsed;
            return new DotNetDateTime(local, DotNetDateTime.Kind.UNSPECIFIED);
        } catch (DateTimeParseException notInvariant) {
            // try the next form
        }
        try {
            return DotNetDateTime.local(ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException notRfc1123) {
            return null;
        }
    }

    private static DotNetDateTime parseIso(String text) {
        if (text.length() > 10 && text.charAt(10) == ' ') {
            text = text.substring(0, 10) + 'T' + text.substring(11);
        }
        try {
            var parsed = ISO_OFFSET.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime offset) {
                boolean zulu = text.endsWith("Z") || text.endsWith("z");
                return zulu ? DotNetDateTime.utc(offset.toInstant()) : DotNetDateTime.local(offset.toInstant());
            }
            return new DotNetDateTime((LocalDateTime) parsed, DotNetDateTime.Kind.UNSPECIFIED);
        } catch (DateTimeParseException notIso) {
            return null;
        }
    }

    private static DotNetDateTime parseMicrosoftJsonDate(String text) {
        Matcher matcher = MICROSOFT_JSON_DATE.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        try {
            Instant instant = Instant.ofEpochMilli(Long.parseLong(matcher.group(1)));
            return matcher.group(2) == null ? DotNetDateTime.utc(instant) : DotNetDateTime.local(instant);
        } catch (NumberFormatException | java.time.DateTimeException outOfRange) {
            return null;
        }
    }
}
