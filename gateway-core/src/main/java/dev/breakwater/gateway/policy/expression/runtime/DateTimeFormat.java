package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;

import java.time.LocalDateTime;

/**
 * .NET date and time format strings for the invariant culture: the standard ones ("o", "s", "u",
 * "r", "d", "G"…) and custom patterns ({@code yyyy-MM-ddTHH:mm:ss.fffK}, quoted literals, escapes).
 */
public final class DateTimeFormat {

    static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    private DateTimeFormat() {
    }

    /** The custom pattern a standard format letter stands for, or null when it is not one. */
    static String standard(char c, boolean offset) {
        return switch (c) {
            case 'd' -> "MM/dd/yyyy";
            case 'D' -> "dddd, dd MMMM yyyy";
            case 'f' -> "dddd, dd MMMM yyyy HH:mm";
            case 'F' -> "dddd, dd MMMM yyyy HH:mm:ss";
            case 'g' -> "MM/dd/yyyy HH:mm";
            case 'G' -> "MM/dd/yyyy HH:mm:ss";
            case 'M', 'm' -> "MMMM dd";
            case 'O', 'o' -> offset ? "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffzzz" : "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK";
            case 'R', 'r' -> "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'";
            case 's' -> "yyyy'-'MM'-'dd'T'HH':'mm':'ss";
            case 't' -> "HH:mm";
            case 'T' -> "HH:mm:ss";
            case 'u' -> "yyyy'-'MM'-'dd HH':'mm':'ss'Z'";
            case 'U' -> "dddd, dd MMMM yyyy HH:mm:ss";
            case 'Y', 'y' -> "yyyy MMMM";
            default -> null;
        };
    }

    /**
     * Formats {@code value} (for a DateTimeOffset, its local date and time with {@code offset} set).
     * "r" and "u" show a DateTimeOffset in UTC; "U" shows a DateTime in UTC.
     */
    public static String format(DotNetDateTime value, DotNetDateTimeOffset offset, String format) {
        if (format == null || format.isEmpty()) {
            format = "G";
        }
        if (format.length() == 1) {
            char c = format.charAt(0);
            String pattern = standard(c, offset != null);
            if (pattern == null) {
                throw DotNetException.format("Input string was not in a correct format.");
            }
            if (offset != null && (c == 'r' || c == 'R' || c == 'u')) {
                value = offset.utcDateTime();
                offset = null;
            }
            return custom(value, offset, pattern);
        }
        return custom(value, offset, format);
    }

    static String offset(int minutes, boolean colon) {
        int abs = Math.abs(minutes);
        return (minutes < 0 ? "-" : "+") + String.format("%02d", abs / 60) + (colon ? ":" : "") + String.format("%02d", abs % 60);
    }

    private static String custom(DotNetDateTime value, DotNetDateTimeOffset offset, String f) {
        LocalDateTime t = value.local();
        long fraction = value.ticks() % 10_000_000L;
        int offsetMinutes = offset == null ? 0 : offset.offsetMinutes();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < f.length()) {
            char c = f.charAt(i);
            int n = 1;
            while (i + n < f.length() && f.charAt(i + n) == c) {
                n++;
            }
            switch (c) {
                case 'd' -> out.append(n == 1 ? String.valueOf(t.getDayOfMonth()) : n == 2 ? two(t.getDayOfMonth())
                        : n == 3 ? DAYS[t.getDayOfWeek().ordinal()].substring(0, 3) : DAYS[t.getDayOfWeek().ordinal()]);
                case 'M' -> out.append(n == 1 ? String.valueOf(t.getMonthValue()) : n == 2 ? two(t.getMonthValue())
                        : n == 3 ? MONTHS[t.getMonthValue() - 1].substring(0, 3) : MONTHS[t.getMonthValue() - 1]);
                case 'y' -> {
                    int y = t.getYear();
                    out.append(n == 1 ? String.valueOf(y % 100) : n == 2 ? two(y % 100) : pad(y, n));
                }
                case 'h' -> {
                    int h = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
                    out.append(n == 1 ? String.valueOf(h) : two(h));
                }
                case 'H' -> out.append(n == 1 ? String.valueOf(t.getHour()) : two(t.getHour()));
                case 'm' -> out.append(n == 1 ? String.valueOf(t.getMinute()) : two(t.getMinute()));
                case 's' -> out.append(n == 1 ? String.valueOf(t.getSecond()) : two(t.getSecond()));
                case 'f', 'F' -> {
                    if (n > 7) {
                        throw DotNetException.format("Input string was not in a correct format.");
                    }
                    String digits = String.format("%07d", fraction).substring(0, n);
                    if (c == 'F') {
                        digits = digits.replaceAll("0+$", "");
                        if (digits.isEmpty() && out.length() > 0 && out.charAt(out.length() - 1) == '.') {
                            out.setLength(out.length() - 1);
                        }
                    }
                    out.append(digits);
                }
                case 't' -> out.append(n == 1 ? (t.getHour() < 12 ? "A" : "P") : (t.getHour() < 12 ? "AM" : "PM"));
                case 'g' -> out.append("A.D.");
                case 'K' -> {
                    if (offset != null) {
                        out.append(offset(offsetMinutes, true));
                    } else if (value.kind() == DotNetDateTime.UTC) {
                        out.append('Z');
                    } else if (value.kind() == DotNetDateTime.LOCAL) {
                        out.append("+00:00");
                    }
                    n = 1;
                }
                case 'z' -> {
                    int hours = Math.abs(offsetMinutes) / 60;
                    String sign = offsetMinutes < 0 ? "-" : "+";
                    out.append(n == 1 ? sign + hours : n == 2 ? sign + two(hours) : offset(offsetMinutes, true));
                }
                case ':' -> out.append(':');
                case '/' -> out.append('/');
                case '\'', '"' -> {
                    int close = f.indexOf(c, i + 1);
                    if (close < 0) {
                        throw DotNetException.format("Cannot find a matching quote character for the character '" + c + "'.");
                    }
                    out.append(f, i + 1, close);
                    n = close - i + 1;
                }
                case '\\' -> {
                    if (i + 1 < f.length()) {
                        out.append(f.charAt(i + 1));
                    }
                    n = 2;
                }
                case '%' -> n = 1;
                default -> {
                    out.append(String.valueOf(c).repeat(n));
                }
            }
            i += n;
        }
        return out.toString();
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : String.valueOf(v);
    }

    private static String pad(int v, int width) {
        String s = String.valueOf(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
