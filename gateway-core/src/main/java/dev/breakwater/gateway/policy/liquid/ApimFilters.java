package dev.breakwater.gateway.policy.liquid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import liqp.TemplateContext;
import liqp.filters.Filter;
import liqp.filters.Filters;

/**
 * The filters APIM documents for set-body, and only those: Liqp's Liquid filters where DotLiquid
 * behaves the same, ours where it does not (Date, Currency, the regex-based Replace family).
 * Each is known by its PascalCase name (C# mode), by Liquid's snake_case name and in lower case
 * ({@code AtLeast}, {@code at_least}, {@code atleast}). Every call checks the render's time and
 * the length of the string it returns.
 */
final class ApimFilters {

    private static final Map<String, Filter> BY_PASCAL_NAME = createFilters();

    /** All names, each mapped to its filter. */
    static final Filters FILTERS = Filters.of(withAliases());

    private ApimFilters() {
    }

    static boolean isKnown(String name) {
        return FILTERS.get(name) != null;
    }

    /** The names APIM documents. */
    static Set<String> documentedNames() {
        return BY_PASCAL_NAME.keySet();
    }

    private static Map<String, Filter> createFilters() {
        Map<String, Filter> filters = new LinkedHashMap<>();
        filters.put("Abs", new liqp.filters.Abs());
        filters.put("Append", new liqp.filters.Append());
        filters.put("AtLeast", new liqp.filters.At_Least());
        filters.put("AtMost", new liqp.filters.At_Most());
        filters.put("Capitalize", new liqp.filters.Capitalize());
        filters.put("Compact", new liqp.filters.Compact());
        filters.put("Currency", new CurrencyFilter());
        filters.put("Date", new DateFilter());
        filters.put("Default", new liqp.filters.Default());
        filters.put("DividedBy", new liqp.filters.Divided_By());
        filters.put("Downcase", new liqp.filters.Downcase());
        filters.put("Escape", new HtmlEscapeFilter("Escape"));
        filters.put("First", new liqp.filters.First());
        filters.put("H", new HtmlEscapeFilter("H"));
        filters.put("Join", new liqp.filters.Join());
        filters.put("Last", new liqp.filters.Last());
        filters.put("Lstrip", new liqp.filters.Lstrip());
        filters.put("Map", new liqp.filters.Map());
        filters.put("Minus", new liqp.filters.Minus());
        filters.put("Modulo", new liqp.filters.Modulo());
        filters.put("NewlineToBr", new liqp.filters.Newline_To_Br());
        filters.put("Plus", new liqp.filters.Plus());
        filters.put("Prepend", new liqp.filters.Prepend());
        filters.put("Remove", new liqp.filters.Remove());
        filters.put("RemoveFirst", RegexReplaceFilter.removeFirst());
        filters.put("Replace", RegexReplaceFilter.replace());
        filters.put("ReplaceFirst", RegexReplaceFilter.replaceFirst());
        filters.put("Round", new liqp.filters.Round());
        filters.put("Rstrip", new liqp.filters.Rstrip());
        filters.put("Size", new liqp.filters.Size());
        filters.put("Slice", new liqp.filters.Slice());
        filters.put("Sort", new liqp.filters.Sort());
        filters.put("Split", new liqp.filters.Split());
        filters.put("Strip", new liqp.filters.Strip());
        filters.put("StripHtml", new liqp.filters.Strip_HTML());
        filters.put("StripNewlines", new liqp.filters.Strip_Newlines());
        filters.put("Times", new liqp.filters.Times());
        filters.put("Truncate", new liqp.filters.Truncate());
        filters.put("TruncateWords", new liqp.filters.Truncatewords());
        filters.put("Uniq", new liqp.filters.Uniq());
        filters.put("Upcase", new liqp.filters.Upcase());
        filters.put("UrlDecode", new liqp.filters.Url_Decode());
        filters.put("UrlEncode", new liqp.filters.Url_Encode());
        return filters;
    }

    private static List<Filter> withAliases() {
        Map<String, Filter> byName = new LinkedHashMap<>();
        BY_PASCAL_NAME.forEach((pascal, filter) -> {
            for (String name : List.of(pascal, snakeCase(pascal), pascal.toLowerCase(Locale.ROOT))) {
                byName.put(name, new Guarded(name, filter));
            }
        });
        return new ArrayList<>(byName.values());
    }

    /** {@code NewlineToBr} → {@code newline_to_br}. */
    static String snakeCase(String pascal) {
        StringBuilder snake = new StringBuilder();
        for (int i = 0; i < pascal.length(); i++) {
            char c = pascal.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                snake.append('_');
            }
            snake.append(Character.toLowerCase(c));
        }
        return snake.toString();
    }

    /** A filter under one of its names, within the render's limits. */
    private static final class Guarded extends Filter {
        private final Filter filter;

        Guarded(String name, Filter filter) {
            super(name);
            this.filter = filter;
        }

        @Override
        public Object apply(Object value, TemplateContext context, Object... params) {
            RenderScope scope = RenderScope.of(context);
            scope.checkTime();
            Object result = filter.apply(value, context, params);
            if (result instanceof CharSequence text) {
                scope.checkLength(text.length());
            }
            return result;
        }
    }
}
