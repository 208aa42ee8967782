package dev.breakwater.management;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes in settings and messages: {@code 262144}, {@code 256KiB}, {@code 4MiB}, {@code 1GiB}. */
public final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(B|KiB|MiB|GiB)?");

    private ByteSize() {
    }

    /** @throws IllegalArgumentException naming the accepted forms */
    public static long parse(String text) {
        Matcher matcher = SIZE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("must be a size such as 262144, 256KiB, 4MiB or 1GiB, not '" + text + "'");
        }
        long number = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "B" : matcher.group(2);
        return switch (unit) {
            case "KiB" -> number << 10;
            case "MiB" -> number << 20;
            case "GiB" -> number << 30;
            default -> number;
        };
    }

    /** The size in the largest unit that divides it: {@code 4 MiB}, {@code 256 KiB}, {@code 1000 bytes}. */
    public static String format(long bytes) {
        if (bytes > 0 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes > 0 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes > 0 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
