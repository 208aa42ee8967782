package dev.breakwater.gateway.policy.liquid;

import static dev.breakwater.gateway.policy.liquid.LiquidTesting.JSON;
import static dev.breakwater.gateway.policy.liquid.LiquidTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code Date} with .NET format strings, and the dates {@code parse-date} makes of the body. */
class DateFilterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-04T09:08:07.123Z"), ZoneOffset.UTC);

    private static String render(String template, String body, BodyBinding binding) throws LiquidException {
        return LiquidTemplate.compile(template, binding, LiquidLimits.DEFAULT, CLOCK).render(Map.of(), utf8(body), JSON);
    }

    private static String date(String input, String format) throws LiquidException {
        return render("{{ body.d | Date: '" + format + "' }}", "{\"d\": \"" + input + "\"}", BodyBinding.APIM_DEFAULT);
    }

    @Test
    void formatsWithTheApimDocumentationsExample() throws Exception {
        assertEquals("20120321T05:40:00Z", date("2012-03-21T05:40:00Z", "yyyyMMddTHH:mm:ssZ"));
        assertEquals("20120321T05:40:00Z", date("2012-03-21T05:40Z", "yyyyMMddTHH:mm:ssZ"));
    }

    @Test
    void writesEveryCustomSpecifier() {
        DotNetDateTime value = new DotNetDateTime(LocalDateTime.of(2009, 6, 5, 13, 7, 3, 45_600_000), DotNetDateTime.Kind.UTC);
        assertEquals("5 05 Fri Friday", DotNetDateFormat.format(value, "d dd ddd dddd"));
        assertEquals("6 06 Jun June", DotNetDateFormat.format(value, "%M MM MMM MMMM"));
        assertEquals("9 09 2009 2009 02009", DotNetDateFormat.format(value, "%y yy yyy yyyy yyyyy"));
        assertEquals("1 01 13 13 7 07 3 03 P PM", DotNetDateFormat.format(value, "%h hh %H HH %m mm %s ss %t tt"));
        assertEquals("0 04 045 0456000 .0456", DotNetDateFormat.format(value, "%f ff fff fffffff .FFFF"));
        assertEquals("13:07:03.045", DotNetDateFormat.format(value, "HH:mm:ss.FFF"), "fractions are cut, not rounded");
        assertEquals("Z +00 +00:00 A.D.", DotNetDateFormat.format(value, "K zz zzz g"));
        assertEquals("Day 5 at 13h, 'quoted' \"and\" \\", DotNetDateFormat.format(value, "'Day' d 'at' H\\h, \"'quoted'\" '\"and\"' \\\\"));
        DotNetDateTime whole = new DotNetDateTime(LocalDateTime.of(2009, 6, 5, 13, 7, 3), DotNetDateTime.Kind.UNSPECIFIED);
        assertEquals("13:07:03|", DotNetDateFormat.format(whole, "HH:mm:ss.FFF") + "|" + DotNetDateFormat.format(whole, "%K"));
    }

    @Test
    void writesTheStandardFormatsOfTheInvariantCulture() {
        DotNetDateTime value = new DotNetDateTime(LocalDateTime.of(2009, 6, 15, 13, 45, 30, 5_000_000), DotNetDateTime.Kind.UTC);
        assertEquals("06/15/2009", DotNetDateFormat.format(value, "d"));
        assertEquals("Monday, 15 June 2009", DotNetDateFormat.format(value, "D"));
        assertEquals("2009-06-15T13:45:30.0050000Z", DotNetDateFormat.format(value, "o"));
        assertEquals("2009-06-15T13:45:30", DotNetDateFormat.format(value, "s"));
        assertEquals("2009-06-15 13:45:30Z", DotNetDateFormat.format(value, "u"));
        assertEquals("Mon, 15 Jun 2009 13:45:30 GMT", DotNetDateFormat.format(value, "R"));
        assertEquals("06/15/2009 13:45:30", DotNetDateFormat.format(value, "G"));
        assertEquals("13:45", DotNetDateFormat.format(value, "t"));
        assertThrows(IllegalArgumentException.class, () -> DotNetDateFormat.format(value, "Q"));
    }

    @Test
    void readsTheDatesTemplatesMeet() throws Exception {
        assertEquals("2024-07-04 09:08", date("now", "yyyy-MM-dd HH:mm"));
        assertEquals("2024-07-04", date("Today", "yyyy-MM-dd"));
        assertEquals("2012-03-21 04:40 +00:00", date("2012-03-21T05:40:00+01:00", "yyyy-MM-dd HH:mm K"), "an offset is converted to UTC");
        assertEquals("2012-03-21 00:00 []", date("2012-03-21", "yyyy-MM-dd HH:mm [K]"));
        assertEquals("2012-03-21 05:40:01", date("03/21/2012 05:40:01", "yyyy-MM-dd HH:mm:ss"));
        assertEquals("2007-12-29", date("/Date(1198908717056)/", "yyyy-MM-dd"));
        assertEquals("2012-03-21", date("Wed, 21 Mar 2012 05:40:00 GMT", "yyyy-MM-dd"));
        assertEquals("1970-01-02", render("{{ 86400 | Date: 'yyyy-MM-dd' }}", "{}", BodyBinding.APIM_DEFAULT));
        assertEquals("not a date", date("not a date", "yyyy"), "what is no date comes back as it was");
        assertEquals("2012-03-21", date("2012-03-21", ""), "an empty format gives the input back");
    }

    @Test
    void parseDateTurnsJsonDatesIntoDotNetDates() throws Exception {
        String body = "{\"at\": \"2012-03-21T05:40:00Z\", \"day\": \"2012-03-21\", \"short\": \"2012-03-21T05:40Z\"}";
        String template = "{{body.at}}|{{body.day}}|{{body.short}}";
        assertEquals("03/21/2012 05:40:00|2012-03-21|2012-03-21T05:40Z", render(template, body, BodyBinding.APIM_DEFAULT),
                "Json.NET reads date-times with seconds as dates, and APIM writes them so");
        assertEquals("2012-03-21T05:40:00Z|2012-03-21|2012-03-21T05:40Z", render(template, body, new BodyBinding(false, false)));
        assertEquals("2012-03-21T05:40:00Z", render("{{body.at | Date: 'yyyy-MM-ddTHH:mm:ssK'}}", body, BodyBinding.APIM_DEFAULT));
    }

    @Test
    void namesABadFormatInTheError() {
        LiquidException e = assertThrows(LiquidException.class, () -> date("2012-03-21T05:40:00Z", "Q"));
        assertTrue(e.getMessage().contains("'Q' is not a .NET standard date format"), e.getMessage());
    }
}
