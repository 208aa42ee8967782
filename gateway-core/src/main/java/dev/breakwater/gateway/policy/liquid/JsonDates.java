package dev.breakwater.gateway.policy.liquid;

/**
 * APIM's {@code parse-date} for policies outside Liquid (json-to-xml): a JSON string that Json.NET
 * reads as a date (ISO-8601 with a time, or {@code /Date(ms)/}) becomes a .NET {@code DateTime}, and
 * is written back as its invariant {@code ToString()}, {@code MM/dd/yyyy HH:mm:ss} in UTC; the same
 * reading and writing Liquid templates get, in one place.
 */
public final class JsonDates {

    private JsonDates() {
    }

    /** The string as APIM writes it once parsed as a date, or {@code null} when Json.NET would not read a date. */
    public static String asDotNetText(String text) {
        DotNetDateTime date = DotNetDateParser.parseJsonDate(text);
        return date == null ? null : date.toString();
    }
}
