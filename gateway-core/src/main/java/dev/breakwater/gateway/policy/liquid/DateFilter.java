package dev.breakwater.gateway.policy.liquid;

import liqp.TemplateContext;
import liqp.filters.Filter;

/**
 * {@code Date}: DotLiquid's date filter in C# mode, {@code {{ body.start | Date: "yyyyMMddTHH:mm:ssZ" }}}.
 * The input is a date, a string {@link DotNetDateParser} reads, or a number of seconds since 1970;
 * the format is a .NET date format ({@link DotNetDateFormat}). As in DotLiquid, an input that is no
 * date, or an empty format, gives the input back unchanged.
 */
final class DateFilter extends Filter {

    DateFilter() {
        super("Date");
    }

    @Override
    public Object apply(Object value, TemplateContext context, Object... params) {
        if (value == null) {
            return null;
        }
        Object formatParam = params.length == 0 ? null : params[0];
        String format = formatParam == null ? "" : OutputText.of(formatParam);
        if (format.isBlank()) {
            return OutputText.of(value);
        }
        DotNetDateTime date = toDate(value, RenderScope.of(context));
        if (date == null) {
            return OutputText.of(value);
        }
        try {
            return DotNetDateFormat.format(date, format);
        } catch (IllegalArgumentException badFormat) {
            throw new IllegalArgumentException("Date filter: " + badFormat.getMessage(), badFormat);
        }
    }

    private static DotNetDateTime toDate(Object value, RenderScope scope) {
        DotNetDateTime date = DotNetDateTime.fromJava(value);
        if (date != null) {
            return date;
        }
        if (value instanceof Long || value instanceof Integer) {
            return DotNetDateTime.utc(java.time.Instant.ofEpochSecond(((Number) value).longValue()));
        }
        return DotNetDateParser.parse(OutputText.of(value), scope.now());
    }
}
