package dev.breakwater.gateway.backend;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads an HTTP Retry-After value: seconds, or an HTTP date. */
final class RetryAfter {

    private RetryAfter() {
    }

    /** How long from {@code nowMillis}; {@code null} when the value is neither form or lies in the past. */
    static Duration parse(String value, long nowMillis) {
        String text = value.trim();
        if (text.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        try {
            long until = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            return until > nowMillis ? Duration.ofMillis(until - nowMillis) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
