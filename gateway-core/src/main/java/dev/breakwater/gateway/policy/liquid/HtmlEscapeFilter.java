package dev.breakwater.gateway.policy.liquid;

import liqp.TemplateContext;
import liqp.filters.Filter;

/**
 * {@code Escape} and {@code H}: HTML encoding as .NET's {@code WebUtility.HtmlEncode} does it,
 * which DotLiquid uses ({@code & < > " '}; Liqp's own leaves the apostrophe).
 */
final class HtmlEscapeFilter extends Filter {

    HtmlEscapeFilter(String name) {
        super(name);
    }

    @Override
    public Object apply(Object value, TemplateContext context, Object... params) {
        if (value == null) {
            return null;
        }
        String text = OutputText.of(value);
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
