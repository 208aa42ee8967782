package dev.breakwater.gateway.policy.expression;

import org.junit.jupiter.api.Test;

import static dev.breakwater.gateway.policy.expression.Expressions.eval;
import static dev.breakwater.gateway.policy.expression.Expressions.runtimeError;
import static dev.breakwater.gateway.policy.expression.Expressions.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** DateTime, DateTimeOffset and TimeSpan; the test context's clock is 2024-03-05T14:07:09.1234567Z. */
class DateTimeTest {

    @Test
    void standardFormats() {
        assertEquals("2024-03-05T14:07:09.1234567Z", str("@(DateTime.UtcNow.ToString(\"o\"))"));
        assertEquals("2024-03-05T14:07:09", str("@(DateTime.UtcNow.ToString(\"s\"))"));
        assertEquals("2024-03-05 14:07:09Z", str("@(DateTime.UtcNow.ToString(\"u\"))"));
        assertEquals("Tue, 05 Mar 2024 14:07:09 GMT", str("@(DateTime.UtcNow.ToString(\"r\"))"));
        assertEquals("03/05/2024 14:07:09", str("@(DateTime.UtcNow)"));
        assertEquals("03/05/2024", str("@(DateTime.UtcNow.ToString(\"d\"))"));
        assertEquals("Tuesday, 05 March 2024", str("@(DateTime.UtcNow.ToString(\"D\"))"));
        assertEquals("2024-03-05T14:07:09.1234567+00:00", str("@(DateTime.Now.ToString(\"o\"))"));
    }

    @Test
    void customFormats() {
        assertEquals("2024-03-05T14:07:09Z", str("@(DateTime.UtcNow.ToString(\"yyyy-MM-ddTHH:mm:ssZ\"))"));
        assertEquals("05/03/24 02:07 PM", str("@(DateTime.UtcNow.ToString(\"dd/MM/yy hh:mm tt\"))"));
        assertEquals("2024-03-05T14:07:09.123Z", str("@(DateTime.UtcNow.ToString(\"yyyy-MM-dd'T'HH:mm:ss.fffK\"))"));
        assertEquals("Tue 5 Mar", str("@(DateTime.UtcNow.ToString(\"ddd d MMM\"))"));
        assertEquals("14h07", str("@(DateTime.UtcNow.ToString(\"HH\\\\hmm\"))"));
        assertEquals("20240305", str("@(DateTime.UtcNow.ToString(\"yyyyMMdd\"))"));
    }

    @Test
    void arithmeticAndProperties() {
        assertEquals("2024-03-06", str("@(DateTime.UtcNow.AddDays(1).ToString(\"yyyy-MM-dd\"))"));
        assertEquals("2024-04-05", str("@(DateTime.UtcNow.AddMonths(1).ToString(\"yyyy-MM-dd\"))"));
        assertEquals(90.0, eval("@((DateTime.UtcNow.AddMinutes(90) - DateTime.UtcNow).TotalMinutes)"));
        assertEquals(true, eval("@(DateTime.UtcNow > DateTime.UtcNow.AddSeconds(-1))"));
        assertEquals(2024, eval("@(DateTime.UtcNow.Year)"));
        assertEquals("Tuesday", str("@(DateTime.UtcNow.DayOfWeek)"));
        assertEquals("Utc", str("@(DateTime.UtcNow.Kind)"));
        assertEquals(1709647629L, eval("@(DateTimeOffset.UtcNow.ToUnixTimeSeconds())"));
        assertEquals(1709647629L, eval("@((long)(DateTime.UtcNow - new DateTime(1970, 1, 1)).TotalSeconds)"));
        assertEquals("2024-03-05T14:07:09.0000000+00:00", str("@(DateTimeOffset.FromUnixTimeSeconds(1709647629).ToString(\"o\"))"));
        assertEquals(true, eval("@(DateTime.UtcNow.Date == new DateTime(2024, 3, 5))"));
    }

    @Test
    void parsing() {
        assertEquals("Local 2024-01-02T03:04:05", str("@{ var d = DateTime.Parse(\"2024-01-02T03:04:05Z\"); return d.Kind + \" \" + d.ToString(\"s\"); }"));
        assertEquals("Unspecified 01/02/2024 03:04:05", str("@{ var d = DateTime.Parse(\"2024-01-02 03:04:05\"); return d.Kind + \" \" + d; }"));
        assertEquals("2024-01-02T01:04:05", str("@(DateTime.Parse(\"2024-01-02T03:04:05+02:00\").ToString(\"s\"))"));
        assertEquals("2015-10-21T07:28:00", str("@(DateTime.Parse(\"Wed, 21 Oct 2015 07:28:00 GMT\").ToString(\"s\"))"));
        assertEquals("2024-12-31T23:59:00", str("@(DateTime.ParseExact(\"31.12.2024 23:59\", \"dd.MM.yyyy HH:mm\", CultureInfo.InvariantCulture).ToString(\"s\"))"));
        assertEquals(false, eval("@(DateTime.TryParse(\"not a date\", out var d))"));
        assertEquals("System.FormatException", runtimeError("@(DateTime.Parse(\"nope\"))", new InMemoryContext()).exceptionType());
        assertEquals(120, eval("@(DateTimeOffset.Parse(\"2024-01-02T03:04:05+02:00\").Offset.TotalMinutes)".replace("TotalMinutes)", "TotalMinutes == 120 ? 120 : 0)")));
    }

    @Test
    void timeSpans() {
        assertEquals("01:30:00", str("@(TimeSpan.FromMinutes(90))"));
        assertEquals("1.02:03:04.5000000", str("@(new TimeSpan(1, 2, 3, 4, 500))"));
        assertEquals("-00:00:01", str("@(-TimeSpan.FromSeconds(1))"));
        assertEquals("02:03", str("@(new TimeSpan(2, 3, 0).ToString(@\"hh\\:mm\"))"));
        assertEquals(1.5, eval("@(TimeSpan.FromHours(1.5).TotalHours)"));
        assertEquals(true, eval("@(TimeSpan.Parse(\"00:10:00\") > TimeSpan.FromMinutes(5))"));
        assertEquals(1500.0, eval("@(context.Elapsed.TotalMilliseconds)"));
    }

    @Test
    void nullableDatesLift() {
        assertEquals(false, eval("@(((DateTime?)null) < DateTime.UtcNow)"));
        assertEquals(true, eval("@(((DateTime?)DateTime.UtcNow.AddDays(-1)) < DateTime.UtcNow)"));
        assertEquals(true, eval("@(((DateTime?)null) == null)"));
    }
}
