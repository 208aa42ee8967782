package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.eval.Frame;
import dev.breakwater.gateway.policy.expression.eval.Ref;
import dev.breakwater.gateway.policy.expression.runtime.DateTimeParser;
import dev.breakwater.gateway.policy.expression.runtime.DotNetDateTime;
import dev.breakwater.gateway.policy.expression.runtime.DotNetDateTimeOffset;
import dev.breakwater.gateway.policy.expression.runtime.DotNetTimeSpan;
import dev.breakwater.gateway.policy.expression.runtime.GuidFormat;
import dev.breakwater.gateway.policy.expression.runtime.TimeSpanFormat;
import dev.breakwater.gateway.policy.expression.types.TypeDef;

import java.time.Instant;
import java.util.UUID;

/** TimeSpan, DateTimeOffset and Guid. */
final class TimeArea implements LibraryArea {

    private TypeBuilder span;
    private TypeBuilder offset;
    private TypeBuilder guid;

    @Override
    public void declare(LibraryBuilder b) {
        span = b.declare("System", "TimeSpan", TypeDef.Kind.STRUCT, DotNetTimeSpan.class);
        offset = b.declare("System", "DateTimeOffset", TypeDef.Kind.STRUCT, DotNetDateTimeOffset.class);
        guid = b.declare("System", "Guid", TypeDef.Kind.STRUCT, UUID.class);
    }

    private static DotNetTimeSpan t(Object o) {
        return (DotNetTimeSpan) o;
    }

    private static DotNetDateTimeOffset o(Object v) {
        return (DotNetDateTimeOffset) v;
    }

    @Override
    public void define(LibraryBuilder b) {
        defineSpan();
        defineOffset();
        defineGuid();
    }

    private void defineSpan() {
        span.supertypes("IComparable");
        span.def().setDefaultValue(DotNetTimeSpan.ZERO);
        span.constant("TimeSpan Zero", DotNetTimeSpan.ZERO)
                .constant("TimeSpan MaxValue", new DotNetTimeSpan(Long.MAX_VALUE))
                .constant("TimeSpan MinValue", new DotNetTimeSpan(Long.MIN_VALUE))
                .constant("long TicksPerMillisecond", DotNetTimeSpan.TICKS_PER_MILLISECOND)
                .constant("long TicksPerSecond", DotNetTimeSpan.TICKS_PER_SECOND)
                .constant("long TicksPerMinute", DotNetTimeSpan.TICKS_PER_MINUTE)
                .constant("long TicksPerHour", DotNetTimeSpan.TICKS_PER_HOUR)
                .constant("long TicksPerDay", DotNetTimeSpan.TICKS_PER_DAY)
                .ctor("(long ticks)", x -> new DotNetTimeSpan((Long) x))
                .ctor("(int hours, int minutes, int seconds)", (h, m, s) -> DotNetTimeSpan.of(0, (Integer) h, (Integer) m, (Integer) s, 0))
                .rawCtor("(int days, int hours, int minutes, int seconds)", (f, x, a) ->
                        DotNetTimeSpan.of((Integer) a[0], (Integer) a[1], (Integer) a[2], (Integer) a[3], 0))
                .rawCtor("(int days, int hours, int minutes, int seconds, int milliseconds)", (f, x, a) ->
                        DotNetTimeSpan.of((Integer) a[0], (Integer) a[1], (Integer) a[2], (Integer) a[3], (Integer) a[4]))
                .staticMethod("TimeSpan FromDays(double value)", v -> DotNetTimeSpan.from((Double) v, DotNetTimeSpan.TICKS_PER_DAY))
                .staticMethod("TimeSpan FromHours(double value)", v -> DotNetTimeSpan.from((Double) v, DotNetTimeSpan.TICKS_PER_HOUR))
                .staticMethod("TimeSpan FromMinutes(double value)", v -> DotNetTimeSpan.from((Double) v, DotNetTimeSpan.TICKS_PER_MINUTE))
                .staticMethod("TimeSpan FromSeconds(double value)", v -> DotNetTimeSpan.from((Double) v, DotNetTimeSpan.TICKS_PER_SECOND))
                .staticMethod("TimeSpan FromMilliseconds(double value)", v -> DotNetTimeSpan.from((Double) v, DotNetTimeSpan.TICKS_PER_MILLISECOND))
                .staticMethod("TimeSpan FromTicks(long value)", v -> new DotNetTimeSpan((Long) v))
                .staticMethod("TimeSpan Parse(string s)", s -> TimeSpanFormat.parse((String) s))
                .staticMethod("bool TryParse(string s, out TimeSpan result)", (s, r) -> {
                    try {
                        return Ref.set(r, TimeSpanFormat.parse((String) s), true);
                    } catch (RuntimeException e) {
                        return Ref.set(r, DotNetTimeSpan.ZERO, false);
                    }
                })
                .prop("int Days", v -> t(v).days())
                .prop("int Hours", v -> t(v).hours())
                .prop("int Minutes", v -> t(v).minutes())
                .prop("int Seconds", v -> t(v).seconds())
                .prop("int Milliseconds", v -> t(v).milliseconds())
                .prop("long Ticks", v -> t(v).ticks())
                .prop("double TotalDays", v -> t(v).total(DotNetTimeSpan.TICKS_PER_DAY))
                .prop("double TotalHours", v -> t(v).total(DotNetTimeSpan.TICKS_PER_HOUR))
                .prop("double TotalMinutes", v -> t(v).total(DotNetTimeSpan.TICKS_PER_MINUTE))
                .prop("double TotalSeconds", v -> t(v).total(DotNetTimeSpan.TICKS_PER_SECOND))
                .prop("double TotalMilliseconds", v -> t(v).total(DotNetTimeSpan.TICKS_PER_MILLISECOND))
                .method("TimeSpan Add(TimeSpan ts)", (v, x) -> t(v).plus(t(x)))
                .method("TimeSpan Subtract(TimeSpan ts)", (v, x) -> t(v).minus(t(x)))
                .method("TimeSpan Negate()", v -> t(v).negate())
                .method("TimeSpan Duration()", v -> new DotNetTimeSpan(Math.abs(t(v).ticks())))
                .method("string ToString(string format)", (v, f) -> t(v).format((String) f))
                .method("string ToString(string format, IFormatProvider provider)", (v, f, p) -> t(v).format((String) f))
                .method("int CompareTo(TimeSpan value)", (v, x) -> t(v).compareTo(t(x)))
                .operator("TimeSpan op_Addition(TimeSpan a, TimeSpan b)", (x, y) -> t(x).plus(t(y)))
                .operator("TimeSpan op_Subtraction(TimeSpan a, TimeSpan b)", (x, y) -> t(x).minus(t(y)))
                .operator("TimeSpan op_UnaryNegation(TimeSpan a)", x -> t(x).negate())
                .operator("bool op_Equality(TimeSpan a, TimeSpan b)", (x, y) -> t(x).equals(y))
                .operator("bool op_Inequality(TimeSpan a, TimeSpan b)", (x, y) -> !t(x).equals(y))
                .operator("bool op_LessThan(TimeSpan a, TimeSpan b)", (x, y) -> t(x).compareTo(t(y)) < 0)
                .operator("bool op_GreaterThan(TimeSpan a, TimeSpan b)", (x, y) -> t(x).compareTo(t(y)) > 0)
                .operator("bool op_LessThanOrEqual(TimeSpan a, TimeSpan b)", (x, y) -> t(x).compareTo(t(y)) <= 0)
                .operator("bool op_GreaterThanOrEqual(TimeSpan a, TimeSpan b)", (x, y) -> t(x).compareTo(t(y)) >= 0);
    }

    private static Instant now(Frame f) {
        return f.context.clock().instant();
    }

    private void defineOffset() {
        offset.supertypes("IComparable");
        offset.def().setDefaultValue(new DotNetDateTimeOffset(0, 0));
        offset.implicitFrom("DateTime", DateTimeArea::toOffset)
                .rawProp("static DateTimeOffset UtcNow", (f, x, a) -> DotNetDateTimeOffset.of(now(f), 0))
                .rawProp("static DateTimeOffset Now", (f, x, a) -> DotNetDateTimeOffset.of(now(f), 0))
                .constant("DateTimeOffset MinValue", new DotNetDateTimeOffset(0, 0))
                .constant("DateTimeOffset MaxValue", new DotNetDateTimeOffset(DotNetDateTime.MAX_TICKS, 0))
                .ctor("(DateTime dateTime)", d -> DotNetDateTimeOffset.of((DotNetDateTime) d))
                .ctor("(DateTime dateTime, TimeSpan offset)", (d, s) ->
                        new DotNetDateTimeOffset(((DotNetDateTime) d).ticks(), (int) (t(s).ticks() / DotNetTimeSpan.TICKS_PER_MINUTE)))
                .ctor("(long ticks, TimeSpan offset)", (d, s) ->
                        new DotNetDateTimeOffset((Long) d, (int) (t(s).ticks() / DotNetTimeSpan.TICKS_PER_MINUTE)))
                .staticMethod("DateTimeOffset FromUnixTimeSeconds(long seconds)", s -> DotNetDateTimeOffset.of(Instant.ofEpochSecond((Long) s), 0))
                .staticMethod("DateTimeOffset FromUnixTimeMilliseconds(long milliseconds)", s -> DotNetDateTimeOffset.of(Instant.ofEpochMilli((Long) s), 0))
                .staticMethod("DateTimeOffset Parse(string input)", s -> DateTimeParser.toDateTimeOffset(DateTimeParser.parse((String) s)))
                .staticMethod("DateTimeOffset Parse(string input, IFormatProvider formatProvider)", (s, p) ->
                        DateTimeParser.toDateTimeOffset(DateTimeParser.parse((String) s)))
                .staticMethod("bool TryParse(string input, out DateTimeOffset result)", (s, r) -> {
                    try {
                        return Ref.set(r, DateTimeParser.toDateTimeOffset(DateTimeParser.parse((String) s)), true);
                    } catch (RuntimeException e) {
                        return Ref.set(r, new DotNetDateTimeOffset(0, 0), false);
                    }
                })
                .staticMethod("DateTimeOffset ParseExact(string input, string format, IFormatProvider formatProvider)", (s, f, p) ->
                        DateTimeParser.toDateTimeOffset(DateTimeParser.parseExact((String) s, (String) f)))
                .prop("DateTime DateTime", v -> o(v).dateTime())
                .prop("DateTime UtcDateTime", v -> o(v).utcDateTime())
                .prop("DateTime LocalDateTime", v -> o(v).utcDateTime().withKind(DotNetDateTime.LOCAL))
                .prop("DateTime Date", v -> o(v).dateTime().date())
                .prop("TimeSpan Offset", v -> new DotNetTimeSpan(o(v).offsetMinutes() * DotNetTimeSpan.TICKS_PER_MINUTE))
                .prop("long Ticks", v -> o(v).ticks())
                .prop("long UtcTicks", v -> o(v).utcTicks())
                .prop("int Year", v -> o(v).dateTime().local().getYear())
                .prop("int Month", v -> o(v).dateTime().local().getMonthValue())
                .prop("int Day", v -> o(v).dateTime().local().getDayOfMonth())
                .prop("int Hour", v -> o(v).dateTime().local().getHour())
                .prop("int Minute", v -> o(v).dateTime().local().getMinute())
                .prop("int Second", v -> o(v).dateTime().local().getSecond())
                .prop("int Millisecond", v -> (int) (o(v).ticks() / 10_000 % 1000))
                .method("long ToUnixTimeSeconds()", v -> o(v).toUnixTimeSeconds())
                .method("long ToUnixTimeMilliseconds()", v -> o(v).toUnixTimeMilliseconds())
                .method("DateTimeOffset ToUniversalTime()", v -> new DotNetDateTimeOffset(o(v).utcTicks(), 0))
                .method("DateTimeOffset ToLocalTime()", v -> new DotNetDateTimeOffset(o(v).utcTicks(), 0))
                .method("DateTimeOffset ToOffset(TimeSpan offset)", (v, s) -> {
                    int minutes = (int) (t(s).ticks() / DotNetTimeSpan.TICKS_PER_MINUTE);
                    return new DotNetDateTimeOffset(o(v).utcTicks() + minutes * DotNetTimeSpan.TICKS_PER_MINUTE, minutes);
                })
                .method("DateTimeOffset Add(TimeSpan timeSpan)", (v, s) -> o(v).addTicks(t(s).ticks()))
                .method("DateTimeOffset AddSeconds(double seconds)", (v, s) -> o(v).addTicks(Math.round((Double) s * DotNetTimeSpan.TICKS_PER_SECOND)))
                .method("DateTimeOffset AddMinutes(double minutes)", (v, s) -> o(v).addTicks(Math.round((Double) s * DotNetTimeSpan.TICKS_PER_MINUTE)))
                .method("DateTimeOffset AddHours(double hours)", (v, s) -> o(v).addTicks(Math.round((Double) s * DotNetTimeSpan.TICKS_PER_HOUR)))
                .method("DateTimeOffset AddDays(double days)", (v, s) -> o(v).addTicks(Math.round((Double) s * DotNetTimeSpan.TICKS_PER_DAY)))
                .method("DateTimeOffset AddMilliseconds(double milliseconds)", (v, s) ->
                        o(v).addTicks(Math.round((Double) s * DotNetTimeSpan.TICKS_PER_MILLISECOND)))
                .method("TimeSpan Subtract(DateTimeOffset value)", (v, x) -> new DotNetTimeSpan(o(v).utcTicks() - o(x).utcTicks()))
                .method("string ToString(string format)", (v, f) -> o(v).format((String) f))
                .method("string ToString(string format, IFormatProvider formatProvider)", (v, f, p) -> o(v).format((String) f))
                .method("int CompareTo(DateTimeOffset other)", (v, x) -> o(v).compareTo(o(x)))
                .operator("TimeSpan op_Subtraction(DateTimeOffset a, DateTimeOffset b)", (x, y) -> new DotNetTimeSpan(o(x).utcTicks() - o(y).utcTicks()))
                .operator("DateTimeOffset op_Addition(DateTimeOffset a, TimeSpan b)", (x, y) -> o(x).addTicks(t(y).ticks()))
                .operator("DateTimeOffset op_Subtraction(DateTimeOffset a, TimeSpan b)", (x, y) -> o(x).addTicks(-t(y).ticks()))
                .operator("bool op_Equality(DateTimeOffset a, DateTimeOffset b)", (x, y) -> o(x).equals(y))
                .operator("bool op_Inequality(DateTimeOffset a, DateTimeOffset b)", (x, y) -> !o(x).equals(y))
                .operator("bool op_LessThan(DateTimeOffset a, DateTimeOffset b)", (x, y) -> o(x).compareTo(o(y)) < 0)
                .operator("bool op_GreaterThan(DateTimeOffset a, DateTimeOffset b)", (x, y) -> o(x).compareTo(o(y)) > 0)
                .operator("bool op_LessThanOrEqual(DateTimeOffset a, DateTimeOffset b)", (x, y) -> o(x).compareTo(o(y)) <= 0)
                .operator("bool op_GreaterThanOrEqual(DateTimeOffset a, DateTimeOffset b)", (x, y) -> o(x).compareTo(o(y)) >= 0);
    }

    private void defineGuid() {
        guid.def().setDefaultValue(new UUID(0, 0));
        guid.constant("Guid Empty", new UUID(0, 0))
                .staticMethod("Guid NewGuid()", UUID::randomUUID)
                .staticMethod("Guid Parse(string input)", s -> GuidFormat.parse((String) s))
                .staticMethod("bool TryParse(string input, out Guid result)", (s, r) -> {
                    try {
                        return Ref.set(r, GuidFormat.parse((String) s), true);
                    } catch (RuntimeException e) {
                        return Ref.set(r, new UUID(0, 0), false);
                    }
                })
                .ctor("(string g)", s -> GuidFormat.parse((String) s))
                .ctor("(byte[] b)", a -> GuidFormat.fromByteArray((byte[]) a))
                .method("string ToString(string format)", (g, f) -> GuidFormat.format((UUID) g, (String) f))
                .method("byte[] ToByteArray()", g -> GuidFormat.toByteArray((UUID) g))
                .method("int CompareTo(Guid value)", (g, x) -> g.toString().compareTo(x.toString()))
                .operator("bool op_Equality(Guid a, Guid b)", (x, y) -> x.equals(y))
                .operator("bool op_Inequality(Guid a, Guid b)", (x, y) -> !x.equals(y));
    }
}
