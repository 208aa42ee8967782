package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;

/** TimeSpan formats: "c", "g", "G" and custom ({@code hh\:mm\:ss}, {@code d\.hh}), and TimeSpan.Parse. */
public final class TimeSpanFormat {

    private TimeSpanFormat() {
    }

    public static String format(DotNetTimeSpan span, String format) {
        long ticks = span.ticks();
        String sign = ticks < 0 ? "-" : "";
        long t = Math.abs(ticks);
        long days = t / DotNetTimeSpan.TICKS_PER_DAY;
        long hours = t / DotNetTimeSpan.TICKS_PER_HOUR % 24;
        long minutes = t / DotNetTimeSpan.TICKS_PER_MINUTE % 60;
        long seconds = t / DotNetTimeSpan.TICKS_PER_SECOND % 60;
        long fraction = t % DotNetTimeSpan.TICKS_PER_SECOND;
        if (format == null || format.isEmpty() || format.equals("c") || format.equals("t") || format.equals("T")) {
            return sign + (days > 0 ? days + "." : "") + String.format("%02d:%02d:%02d", hours, minutes, seconds)
                    + (fraction > 0 ? "." + String.format("%07d", fraction) : "");
        }
        if (format.equals("g")) {
            String f = fraction > 0 ? "." + String.format("%07d", fraction).replaceAll("0+$", "") : "";
            return sign + (days > 0 ? days + ":" : "") + hours + String.format(":%02d:%02d", minutes, seconds) + f;
        }
        if (format.equals("G")) {
            return sign + days + String.format(":%02d:%02d:%02d.%07d", hours, minutes, seconds, fraction);
        }
        return custom(format, days, hours, minutes, seconds, fraction);
    }

    private static String custom(String f, long days, long hours, long minutes, long seconds, long fraction) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < f.length()) {
            char c = f.charAt(i);
            int n = 1;
            while (i + n < f.length() && f.charAt(i + n) == c) {
                n++;
            }
            switch (c) {
                case 'd' -> out.append(pad(days, n));
                case 'h' -> out.append(pad(hours, Math.min(n, 2)));
                case 'm' -> out.append(pad(minutes, Math.min(n, 2)));
                case 's' -> out.append(pad(seconds, Math.min(n, 2)));
                case 'f', 'F' -> {
                    String digits = String.format("%07d", fraction).substring(0, Math.min(n, 7));
                    out.append(c == 'F' ? digits.replaceAll("0+$", "") : digits);
                }
                case '\'', '"' -> {
                    int close = f.indexOf(c, i + 1);
                    if (close < 0) {
                        throw DotNetException.inputFormat();
                    }
                    out.append(f, i + 1, close);
                    n = close - i + 1;
                }
                case '\\' -> {
                    if (i + 1 >= f.length()) {
                        throw DotNetException.inputFormat();
                    }
                    out.append(f.charAt(i + 1));
                    n = 2;
                }
                case '%' -> n = 1;
                default -> throw DotNetException.inputFormat();
            }
            i += n;
        }
        return out.toString();
    }

    private static String pad(long v, int width) {
        String s = String.valueOf(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** TimeSpan.Parse: {@code [-][d.]hh:mm[:ss[.fffffff]]} or a number of days. */
    public static DotNetTimeSpan parse(String s) {
        if (s == null) {
            throw DotNetException.argumentNull("input");
        }
        String t = s.strip();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(-)?(?:(\\d+)[.:])?(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,7}))?)?").matcher(t);
        if (m.matches()) {
            long days = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
            long hours = Long.parseLong(m.group(3));
            long minutes = Long.parseLong(m.group(4));
            long seconds = m.group(5) == null ? 0 : Long.parseLong(m.group(5));
            if (hours > 23 || minutes > 59 || seconds > 59) {
                throw DotNetException.of("System.OverflowException", "The TimeSpan string '" + s
                        + "' could not be parsed because at least one of the numeric components is out of range or contains too many digits.");
            }
            long fraction = m.group(6) == null ? 0 : Long.parseLong((m.group(6) + "000000").substring(0, 7));
            long ticks = DotNetTimeSpan.of(days, hours, minutes, seconds, 0).ticks() + fraction;
            return new DotNetTimeSpan(m.group(1) != null ? -ticks : ticks);
        }
        if (t.matches("-?\\d+")) {
            return DotNetTimeSpan.of(Long.parseLong(t), 0, 0, 0, 0);
        }
        throw DotNetException.format("String '" + s + "' was not recognized as a valid TimeSpan.");
    }
}
