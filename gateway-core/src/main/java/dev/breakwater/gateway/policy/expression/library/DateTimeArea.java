package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.eval.Frame;
import dev.breakwater.gateway.policy.expression.eval.Ref;
import dev.breakwater.gateway.policy.expression.runtime.DateTimeParser;
import dev.breakwater.gateway.policy.expression.runtime.DotNetDateTime;
import dev.breakwater.gateway.policy.expression.runtime.DotNetDateTimeOffset;
import dev.breakwater.gateway.policy.expression.runtime.DotNetTimeSpan;
import dev.breakwater.gateway.policy.expression.runtime.EnumValue;
import dev.breakwater.gateway.policy.expression.types.TypeDef;

import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;

/** DateTime, DateTimeKind, DayOfWeek, DateTimeStyles; TimeSpan and DateTimeOffset are in {@link TimeArea}. */
final class DateTimeArea implements LibraryArea {

    private TypeBuilder dateTime;
    private TypeBuilder kind;
    private TypeBuilder dayOfWeek;
    private TypeBuilder styles;

    @Override
    public void declare(LibraryBuilder b) {
        dateTime = b.declare("System", "DateTime", TypeDef.Kind.STRUCT, DotNetDateTime.class);
        kind = b.declare("System", "DateTimeKind", TypeDef.Kind.ENUM, EnumValue.class);
        dayOfWeek = b.declare("System", "DayOfWeek", TypeDef.Kind.ENUM, EnumValue.class);
        styles = b.declare("System.Globalization", "DateTimeStyles", TypeDef.Kind.ENUM, EnumValue.class);
    }

    private static DotNetDateTime d(Object o) {
        return (DotNetDateTime) o;
    }

    private static Instant now(Frame f) {
        return f.context.clock().instant();
    }

    @Override
    public void define(LibraryBuilder b) {
        kind.enumMember("Unspecified", 0).enumMember("Utc", 1).enumMember("Local", 2);
        String[] days = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
        for (int i = 0; i < days.length; i++) {
            dayOfWeek.enumMember(days[i], i);
        }
        styles.flags().enumMember("None", 0).enumMember("AllowLeadingWhite", 1).enumMember("AllowTrailingWhite", 2)
                .enumMember("AllowWhiteSpaces", 7).enumMember("AdjustToUniversal", 16).enumMember("AssumeLocal", 32)
                .enumMember("AssumeUniversal", 64).enumMember("RoundtripKind", 128);
        dateTime.supertypes("IComparable");
        dateTime.def().setDefaultValue(DotNetDateTime.MIN);
        TypeDef kindDef = kind.def();
        TypeDef dayDef = dayOfWeek.def();
        dateTime.rawProp("static DateTime UtcNow", (f, t, a) -> DotNetDateTime.of(now(f), DotNetDateTime.UTC))
                .rawProp("static DateTime Now", (f, t, a) -> DotNetDateTime.of(now(f), DotNetDateTime.LOCAL))
                .rawProp("static DateTime Today", (f, t, a) -> DotNetDateTime.of(now(f), DotNetDateTime.LOCAL).date())
                .constant("DateTime MinValue", DotNetDateTime.MIN)
                .constant("DateTime MaxValue", DotNetDateTime.MAX)
                .ctor("(long ticks)", t -> new DotNetDateTime((Long) t, DotNetDateTime.UNSPECIFIED))
                .ctor("(long ticks, DateTimeKind kind)", (t, k) -> new DotNetDateTime((Long) t, (int) ((EnumValue) k).value()))
                .ctor("(int year, int month, int day)", (y, m, dd) -> DotNetDateTime.of((Integer) y, (Integer) m, (Integer) dd, 0, 0, 0, 0, 0))
                .rawCtor("(int year, int month, int day, int hour, int minute, int second)", (f, t, a) ->
                        DotNetDateTime.of((Integer) a[0], (Integer) a[1], (Integer) a[2], (Integer) a[3], (Integer) a[4], (Integer) a[5], 0, 0))
                .rawCtor("(int year, int month, int day, int hour, int minute, int second, DateTimeKind kind)", (f, t, a) ->
                        DotNetDateTime.of((Integer) a[0], (Integer) a[1], (Integer) a[2], (Integer) a[3], (Integer) a[4], (Integer) a[5], 0,
                                (int) ((EnumValue) a[6]).value()))
                .rawCtor("(int year, int month, int day, int hour, int minute, int second, int millisecond)", (f, t, a) ->
                        DotNetDateTime.of((Integer) a[0], (Integer) a[1], (Integer) a[2], (Integer) a[3], (Integer) a[4], (Integer) a[5], (Integer) a[6], 0))
                .rawCtor("(int year, int month, int day, int hour, int minute, int second, int millisecond, DateTimeKind kind)", (f, t, a) ->
                        DotNetDateTime.of((Integer) a[0], (Integer) a[1], (Integer) a[2], (Integer) a[3], (Integer) a[4], (Integer) a[5], (Integer) a[6],
                                (int) ((EnumValue) a[7]).value()))
                .prop("int Year", v -> d(v).local().getYear())
                .prop("int Month", v -> d(v).local().getMonthValue())
                .prop("int Day", v -> d(v).local().getDayOfMonth())
                .prop("int Hour", v -> d(v).local().getHour())
                .prop("int Minute", v -> d(v).local().getMinute())
                .prop("int Second", v -> d(v).local().getSecond())
                .prop("int Millisecond", v -> (int) (d(v).ticks() / 10_000 % 1000))
                .prop("long Ticks", v -> d(v).ticks())
                .prop("DateTime Date", v -> d(v).date())
                .prop("TimeSpan TimeOfDay", v -> d(v).timeOfDay())
                .prop("int DayOfYear", v -> d(v).local().getDayOfYear())
                .prop("DayOfWeek DayOfWeek", v -> new EnumValue(dayDef, d(v).local().getDayOfWeek().getValue() % 7))
                .prop("DateTimeKind Kind", v -> new EnumValue(kindDef, d(v).kind()))
                .method("DateTime Add(TimeSpan value)", (v, t) -> d(v).addTicks(((DotNetTimeSpan) t).ticks()))
                .method("DateTime AddTicks(long value)", (v, t) -> d(v).addTicks((Long) t))
                .method("DateTime AddMilliseconds(double value)", (v, x) -> d(v).add((Double) x, DotNetTimeSpan.TICKS_PER_MILLISECOND))
                .method("DateTime AddSeconds(double value)", (v, x) -> d(v).add((Double) x, DotNetTimeSpan.TICKS_PER_SECOND))
                .method("DateTime AddMinutes(double value)", (v, x) -> d(v).add((Double) x, DotNetTimeSpan.TICKS_PER_MINUTE))
                .method("DateTime AddHours(double value)", (v, x) -> d(v).add((Double) x, DotNetTimeSpan.TICKS_PER_HOUR))
                .method("DateTime AddDays(double value)", (v, x) -> d(v).add((Double) x, DotNetTimeSpan.TICKS_PER_DAY))
                .method("DateTime AddMonths(int months)", (v, m) -> d(v).addMonths((Integer) m))
                .method("DateTime AddYears(int value)", (v, y) -> d(v).addYears((Integer) y))
                .method("TimeSpan Subtract(DateTime value)", (v, o) -> new DotNetTimeSpan(d(v).ticks() - d(o).ticks()))
                .method("DateTime Subtract(TimeSpan value)", (v, t) -> d(v).addTicks(-((DotNetTimeSpan) t).ticks()))
                .method("DateTime ToUniversalTime()", v -> d(v).withKind(DotNetDateTime.UTC))
                .method("DateTime ToLocalTime()", v -> d(v).withKind(DotNetDateTime.LOCAL))
                .method("string ToString(string format)", (v, f) -> d(v).format((String) f))
                .method("string ToString(string format, IFormatProvider provider)", (v, f, p) -> d(v).format((String) f))
                .method("string ToString(IFormatProvider provider)", (v, p) -> d(v).toString())
                .method("string ToShortDateString()", v -> d(v).format("d"))
                .method("string ToShortTimeString()", v -> d(v).format("t"))
                .method("string ToLongDateString()", v -> d(v).format("D"))
                .method("string ToLongTimeString()", v -> d(v).format("T"))
                .method("string ToIso8601String()", v -> d(v).format("o"))
                .method("int CompareTo(DateTime value)", (v, o) -> d(v).compareTo(d(o)))
                .method("long ToBinary()", v -> d(v).ticks())
                .method("long ToFileTimeUtc()", v -> d(v).ticks() - 504_911_232_000_000_000L)
                .staticMethod("DateTime SpecifyKind(DateTime value, DateTimeKind kind)", (v, k) -> d(v).withKind((int) ((EnumValue) k).value()))
                .staticMethod("int DaysInMonth(int year, int month)", (y, m) -> YearMonth.of((Integer) y, (Integer) m).lengthOfMonth())
                .staticMethod("bool IsLeapYear(int year)", y -> Year.isLeap((Integer) y))
                .staticMethod("int Compare(DateTime t1, DateTime t2)", (x, y) -> d(x).compareTo(d(y)))
                .staticMethod("DateTime FromBinary(long dateData)", t -> new DotNetDateTime((Long) t, DotNetDateTime.UNSPECIFIED));
        parsing();
        operators();
    }

    private void parsing() {
        dateTime.staticMethod("DateTime Parse(string s)", s -> DateTimeParser.toDateTime(DateTimeParser.parse((String) s), 0))
                .staticMethod("DateTime Parse(string s, IFormatProvider provider)", (s, p) ->
                        DateTimeParser.toDateTime(DateTimeParser.parse((String) s), 0))
                .staticMethod("DateTime Parse(string s, IFormatProvider provider, DateTimeStyles styles)", (s, p, st) ->
                        DateTimeParser.toDateTime(DateTimeParser.parse((String) s), style(st)))
                .staticMethod("bool TryParse(string s, out DateTime result)", (s, r) -> {
                    try {
                        return Ref.set(r, DateTimeParser.toDateTime(DateTimeParser.parse((String) s), 0), true);
                    } catch (RuntimeException e) {
                        return Ref.set(r, DotNetDateTime.MIN, false);
                    }
                })
                .staticMethod("bool TryParse(string s, IFormatProvider provider, DateTimeStyles styles, out DateTime result)", (s, p, st, r) -> {
                    try {
                        return Ref.set(r, DateTimeParser.toDateTime(DateTimeParser.parse((String) s), style(st)), true);
                    } catch (RuntimeException e) {
                        return Ref.set(r, DotNetDateTime.MIN, false);
                    }
                })
                .staticMethod("DateTime ParseExact(string s, string format, IFormatProvider provider)", (s, f, p) ->
                        DateTimeParser.toDateTime(DateTimeParser.parseExact((String) s, (String) f), 0))
                .staticMethod("DateTime ParseExact(string s, string format, IFormatProvider provider, DateTimeStyles style)", (s, f, p, st) ->
                        DateTimeParser.toDateTime(DateTimeParser.parseExact((String) s, (String) f), style(st)))
                .raw("static bool TryParseExact(string s, string format, IFormatProvider provider, DateTimeStyles style, out DateTime result)",
                        (fr, t, a) -> {
                            try {
                                return Ref.set(a[4], DateTimeParser.toDateTime(DateTimeParser.parseExact((String) a[0], (String) a[1]), style(a[3])), true);
                            } catch (RuntimeException e) {
                                return Ref.set(a[4], DotNetDateTime.MIN, false);
                            }
                        });
    }

    static int style(Object styles) {
        return (int) ((EnumValue) styles).value();
    }

    private void operators() {
        dateTime.operator("TimeSpan op_Subtraction(DateTime a, DateTime b)", (x, y) -> new DotNetTimeSpan(d(x).ticks() - d(y).ticks()))
                .operator("DateTime op_Subtraction(DateTime a, TimeSpan b)", (x, t) -> d(x).addTicks(-((DotNetTimeSpan) t).ticks()))
                .operator("DateTime op_Addition(DateTime a, TimeSpan b)", (x, t) -> d(x).addTicks(((DotNetTimeSpan) t).ticks()))
                .operator("bool op_Equality(DateTime a, DateTime b)", (x, y) -> d(x).ticks() == d(y).ticks())
                .operator("bool op_Inequality(DateTime a, DateTime b)", (x, y) -> d(x).ticks() != d(y).ticks())
                .operator("bool op_LessThan(DateTime a, DateTime b)", (x, y) -> d(x).ticks() < d(y).ticks())
                .operator("bool op_GreaterThan(DateTime a, DateTime b)", (x, y) -> d(x).ticks() > d(y).ticks())
                .operator("bool op_LessThanOrEqual(DateTime a, DateTime b)", (x, y) -> d(x).ticks() <= d(y).ticks())
                .operator("bool op_GreaterThanOrEqual(DateTime a, DateTime b)", (x, y) -> d(x).ticks() >= d(y).ticks());
    }

    /** The DateTimeOffset conversion is declared here because it starts from a DateTime. */
    static DotNetDateTimeOffset toOffset(Object dateTime) {
        return DotNetDateTimeOffset.of((DotNetDateTime) dateTime);
    }
}
