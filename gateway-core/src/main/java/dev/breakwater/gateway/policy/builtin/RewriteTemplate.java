package dev.breakwater.gateway.policy.builtin;

import dev.breakwater.gateway.policy.runtime.TemplateValues;
import java.util.ArrayList;
import java.util.List;

/**
 * A rewrite-uri template, {@code /v2/items/{id}?view=full}, parsed into literal parts and
 * references to the operation's URL template parameters.
 */
final class RewriteTemplate {

    /** Characters that cannot stand in a URL as they are. */
    private static final String UNSAFE = " \"<>\\^`|#";

    private final Part[] path;
    private final Part[] query;

    private RewriteTemplate(Part[] path, Part[] query) {
        this.path = path;
        this.query = query;
    }

    /**
     * Parses a template. One without a leading '/' is below the backend's base URL all the same,
     * as APIM's published samples write it ({@code subscriptions/{{id}}/…}).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static RewriteTemplate parse(String template) {
        String text = template.trim();
        if (!text.startsWith("/")) {
            text = "/" + text;
        }
        int question = text.indexOf('?');
        return new RewriteTemplate(parts(question < 0 ? text : text.substring(0, question)),
                question < 0 ? null : parts(text.substring(question + 1)));
    }

    /** The template parameters the template refers to. */
    List<String> parameters() {
        List<String> names = new ArrayList<>();
        for (Part[] parts : new Part[][] {path, query == null ? new Part[0] : query}) {
            for (Part part : parts) {
                if (part.parameter) {
                    names.add(part.text);
                }
            }
        }
        return names;
    }

    /** The raw path, with each parameter's raw value; {@code null} names a parameter the request lacks. */
    String path(TemplateValues values) {
        return expand(path, values);
    }

    /** The raw query of the template, or {@code null} when it has none. */
    String query(TemplateValues values) {
        return query == null ? null : expand(query, values);
    }

    private static String expand(Part[] parts, TemplateValues values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part.parameter) {
                String value = values.get(part.text);
                if (value == null) {
                    throw new IllegalArgumentException("template parameter {" + part.text
                            + "} is not a parameter of the operation's URL template");
                }
                out.append(value);
            } else {
                out.append(part.text);
            }
        }
        return out.toString();
    }

    private static Part[] parts(String text) {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf('{', at);
            int literalEnd = open < 0 ? text.length() : open;
            if (literalEnd > at) {
                parts.add(new Part(checkLiteral(text.substring(at, literalEnd)), false));
            }
            if (open < 0) {
                break;
            }
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("template has a '{' without its '}'");
            }
            parts.add(new Part(text.substring(open + 1, close), true));
            at = close + 1;
        }
        return parts.toArray(Part[]::new);
    }

    private static String checkLiteral(String literal) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c < 0x21 || c > 0x7e || UNSAFE.indexOf(c) >= 0 || c == '}') {
                throw new IllegalArgumentException("template has a character that must be percent-encoded: '" + c + "'");
            }
        }
        return literal;
    }

    private record Part(String text, boolean parameter) {
    }
}
