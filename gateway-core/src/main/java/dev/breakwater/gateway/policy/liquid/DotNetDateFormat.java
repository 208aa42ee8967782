package dev.breakwater.gateway.policy.liquid;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a date with a .NET date format string, in the invariant culture, as {@code DateTime.ToString(format)}:
 * a single letter is a standard format ({@code o}, {@code s}, {@code u}, {@code d} ...), anything longer
 * a custom one ({@code yyyy-MM-ddTHH:mm:ss.fffK}). In a custom format the specifiers below are
 * replaced; quoted text, {@code \}-escaped characters and every other character are written as they are.
 */
final class DotNetDateFormat {

    /** The standard formats, as the custom formats the invariant culture defines for them. */
    private static final Map<Character, String> STANDARD = Map.ofEntries(
            Map.entry('d', "MM/dd/yyyy"),
            Map.entry('D', "dddd, dd MMMM yyyy"),
            Map.entry('f', "dddd, dd MMMM yyyy HH:mm"),
            Map.entry('F', "dddd, dd MMMM yyyy HH:mm:ss"),
            Map.entry('g', "MM/dd/yyyy HH:mm"),
            Map.entry('G', "MM/dd/yyyy HH:mm:ss"),
            Map.entry('m', "MMMM dd"),
            Map.entry('M', "MMMM dd"),
            Map.entry('o', "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK"),
            Map.entry('O', "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK"),
            Map.entry('r', "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'"),
            Map.entry('R', "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'"),
            Map.entry('s', "yyyy'-'MM'-'dd'T'HH':'mm':'ss"),
            Map.entry('t', "HH:mm"),
            Map.entry('T', "HH:mm:ss"),
            Map.entry('u', "yyyy'-'MM'-'dd HH':'mm':'ss'Z'"),
            Map.entry('U', "dddd, dd MMMM yyyy HH:mm:ss"),
            Map.entry('y', "yyyy MMMM"),
            Map.entry('Y', "yyyy MMMM"));

    private DotNetDateFormat() {
    }

    /** @throws IllegalArgumentException for an unknown standard format or an unclosed quote */
    static String format(DotNetDateTime value, String format) {
        if (format.length() == 1) {
            String custom = STANDARD.get(format.charAt(0));
            if (custom == null) {
                throw new IllegalArgumentException("'" + format + "' is not a .NET standard date format");
            }
            return formatCustom(value, custom);
        }
        return formatCustom(value, format);
    }

    private static String formatCustom(DotNetDateTime value, String format) {
        LocalDateTime time = value.dateTime();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            int run = runLength(format, i);
            switch (c) {
                case 'd' -> out.append(run == 1 ? String.valueOf(time.getDayOfMonth())
                        : run == 2 ? pad(time.getDayOfMonth(), 2)
                        : time.getDayOfWeek().getDisplayName(run == 3 ? TextStyle.SHORT : TextStyle.FULL, Locale.ENGLISH));
                case 'f', 'F' -> appendFraction(out, time.getNano(), Math.min(run, 7), c == 'F');
                case 'g' -> out.append("A.D.");
                case 'h' -> out.append(pad(time.getHour() % 12 == 0 ? 12 : time.getHour() % 12, Math.min(run, 2)));
                case 'H' -> out.append(pad(time.getHour(), Math.min(run, 2)));
                case 'K' -> out.append(switch (value.kind()) {
                    case UTC -> "Z";
                    case LOCAL -> "+00:00";
                    case UNSPECIFIED -> "";
                });
                case 'm' -> out.append(pad(time.getMinute(), Math.min(run, 2)));
                case 'M' -> out.append(run <= 2 ? pad(time.getMonthValue(), run)
                        : time.getMonth().getDisplayName(run == 3 ? TextStyle.SHORT : TextStyle.FULL, Locale.ENGLISH));
                case 's' -> out.append(pad(time.getSecond(), Math.min(run, 2)));
                case 't' -> out.append(run == 1 ? (time.getHour() < 12 ? "A" : "P") : (time.getHour() < 12 ? "AM" : "PM"));
                case 'y' -> out.append(run == 1 ? String.valueOf(time.getYear() % 100)
                        : run == 2 ? pad(time.getYear() % 100, 2) : pad(time.getYear(), run));
                // The gateway's local offset is UTC's, and so is every offset a value can have here.
                case 'z' -> out.append(run == 1 ? "+0" : run == 2 ? "+00" : "+00:00");
                case '\'', '"' -> {
                    int close = format.indexOf(c, i + 1);
                    if (close < 0) {
                        throw new IllegalArgumentException("unclosed quote in .NET date format \"" + format + "\"");
                    }
                    out.append(format, i + 1, close);
                    run = close - i + 1;
                }
                case '\\', '%' -> {
                    if (c == '\\' && i + 1 < format.length()) {
                        out.append(format.charAt(i + 1));
                        run = 2;
                    } else {
                        run = 1; // '%' marks a lone custom specifier: the next one is read as usual
                    }
                }
                default -> {
                    out.append(c); // ':' and '/' are the invariant separators; other characters are literal
                    run = 1;
                }
            }
            i += run;
        }
        return out.toString();
    }

    private static int runLength(String format, int start) {
        int end = start;
        while (end < format.length() && format.charAt(end) == format.charAt(start)) {
            end++;
        }
        return end - start;
    }

    private static void appendFraction(StringBuilder out, int nanos, int digits, boolean dropZeros) {
        String fraction = pad(nanos, 9).substring(0, digits);
        if (dropZeros) {
            fraction = fraction.replaceAll("0+$", "");
            if (fraction.isEmpty() && out.length() > 0 && out.charAt(out.length() - 1) == '.') {
                out.setLength(out.length() - 1); // .NET drops the decimal point before an empty F fraction
            }
        }
        out.append(fraction);
    }

    private static String pad(int value, int width) {
        String digits = Integer.toString(Math.abs(value));
        StringBuilder padded = new StringBuilder(value < 0 ? "-" : "");
        for (int i = digits.length(); i < width; i++) {
            padded.append('0');
        }
        return padded.append(digits).toString();
    }
}
