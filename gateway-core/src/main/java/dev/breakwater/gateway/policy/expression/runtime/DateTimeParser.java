package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DateTime.Parse (ISO 8601, RFC 1123, the invariant culture's MM/dd/yyyy) and ParseExact with .NET
 * custom or standard format strings.
 */
public final class DateTimeParser {

    /** A parsed date and time; {@code offsetMinutes} is null when the text had no zone. */
    public record Parsed(LocalDateTime local, Integer offsetMinutes) { }

    /** DateTimeStyles bits used here. */
    public static final int ADJUST_TO_UNIVERSAL = 16;
    public static final int ASSUME_LOCAL = 32;
    public static final int ASSUME_UNIVERSAL = 64;
    public static final int ROUNDTRIP_KIND = 128;

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,7})\\d*)?)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern US = Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,7}))?)?\\s*([AaPp][Mm])?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern YMD = Pattern.compile(
            "(\\d{4})/(\\d{1,2})/(\\d{1,2})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final Pattern RFC = Pattern.compile(
            "(?:[A-Za-z]{3,9},?\\s*)?(\\d{1,2})[\\s-]+([A-Za-z]{3,9})[\\s-]+(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*(GMT|UTC|UT|Z|[+-]\\d{4})?");
    private static final Pattern NAMED = Pattern.compile("([A-Za-z]{3,9})\\s+(\\d{1,2}),?\\s+(\\d{4})");

    private DateTimeParser() {
    }

    public static Parsed parse(String s) {
        if (s == null) {
            throw DotNetException.argumentNull("s");
        }
        String t = s.strip();
        try {
            Matcher m = ISO.matcher(t);
            if (m.matches()) {
                return new Parsed(time(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6), m.group(7)), zone(m.group(8)));
            }
            m = US.matcher(t);
            if (m.matches()) {
                int hour = hour12(num(m, 4), m.group(8));
                return new Parsed(time(num(m, 3), num(m, 1), num(m, 2), hour, num(m, 5), num(m, 6), m.group(7)), zone(m.group(9)));
            }
            m = YMD.matcher(t);
            if (m.matches()) {
                return new Parsed(time(num(m, 1), num(m, 2), num(m, 3), num(m, 4), num(m, 5), num(m, 6), null), null);
            }
            m = RFC.matcher(t);
            if (m.matches()) {
                return new Parsed(time(num(m, 3), month(m.group(2)), num(m, 1), num(m, 4), num(m, 5), num(m, 6), null),
                        m.group(7) == null ? null : zone(m.group(7)));
            }
            m = NAMED.matcher(t);
            if (m.matches()) {
                return new Parsed(time(num(m, 3), month(m.group(1)), num(m, 2), 0, 0, 0, null), null);
            }
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            throw invalid(s);
        }
        throw invalid(s);
    }

    static RuntimeException invalid(String s) {
        return DotNetException.format("String '" + s + "' was not recognized as a valid DateTime.");
    }

    private static int num(Matcher m, int group) {
        String g = m.group(group);
        return g == null ? 0 : Integer.parseInt(g);
    }

    private static int hour12(int hour, String ampm) {
        if (ampm == null) {
            return hour;
        }
        boolean pm = ampm.equalsIgnoreCase("PM");
        return hour % 12 + (pm ? 12 : 0);
    }

    private static LocalDateTime time(int y, int mo, int d, int h, int mi, int s, String fraction) {
        int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
        return LocalDateTime.of(y, mo, d, h, mi, s, nanos / 100 * 100);
    }

    static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < 12; i++) {
            String full = DateTimeFormat.MONTHS[i].toLowerCase(Locale.ROOT);
            if (full.equals(n) || full.substring(0, 3).equals(n)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("month " + name);
    }

    /** Minutes east of UTC for "Z", "GMT", "+02:00", "-0500"; null for none. */
    static Integer zone(String z) {
        if (z == null) {
            return null;
        }
        if (z.equals("Z") || z.equals("GMT") || z.equals("UTC") || z.equals("UT")) {
            return 0;
        }
        String digits = z.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        int total = hours * 60 + minutes;
        return z.charAt(0) == '-' ? -total : total;
    }

    /** The DateTime for a parse result: a zone makes it Local (converted; the gateway's local zone is UTC). */
    public static DotNetDateTime toDateTime(Parsed p, int styles) {
        DotNetDateTime local = DotNetDateTime.of(p.local(), DotNetDateTime.UNSPECIFIED);
        Integer offset = p.offsetMinutes();
        if (offset == null && (styles & ASSUME_UNIVERSAL) != 0) {
            offset = 0;
        }
        if (offset == null) {
            return (styles & ADJUST_TO_UNIVERSAL) != 0 ? local.withKind(DotNetDateTime.UTC) : local;
        }
        DotNetDateTime utc = local.addTicks(-offset * DotNetTimeSpan.TICKS_PER_MINUTE);
        boolean universal = (styles & ADJUST_TO_UNIVERSAL) != 0
                || (styles & ROUNDTRIP_KIND) != 0 && p.offsetMinutes() != null && p.offsetMinutes() == 0;
        return utc.withKind(universal ? DotNetDateTime.UTC : DotNetDateTime.LOCAL);
    }

    public static DotNetDateTimeOffset toDateTimeOffset(Parsed p) {
        int offset = p.offsetMinutes() == null ? 0 : p.offsetMinutes();
        return new DotNetDateTimeOffset(DotNetDateTime.of(p.local(), DotNetDateTime.UNSPECIFIED).ticks(), offset);
    }

    /** ParseExact: {@code s} must match {@code format} (a custom pattern or a standard letter) entirely. */
    public static Parsed parseExact(String s, String format) {
        if (s == null || format == null) {
            throw DotNetException.argumentNull(s == null ? "s" : "format");
        }
        if (format.length() == 1) {
            if (format.equals("o") || format.equals("O")) {
                return parse(s);
            }
            String pattern = DateTimeFormat.standard(format.charAt(0), false);
            if (pattern == null) {
                throw DotNetException.format("Input string was not in a correct format.");
            }
            format = pattern;
        }
        Parsed p = new ExactParser(s, format).run();
        if (p == null) {
            throw invalid(s);
        }
        return p;
    }
}
