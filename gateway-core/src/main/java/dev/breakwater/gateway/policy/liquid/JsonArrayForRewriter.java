package dev.breakwater.gateway.policy.liquid;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * APIM's {@code JSONArrayFor} block, which its generated templates use to write JSON arrays:
 * a {@code for} loop that writes a comma after each item's output except the last. It is rewritten
 * into a plain {@code for} before parsing, so it loops exactly as {@code for} does (offset, limit,
 * reversed, forloop). Lines keep their numbers.
 */
final class JsonArrayForRewriter {

    private static final Pattern OPEN = Pattern.compile("\\{%(-?)(\\s*)JSONArrayFor\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOSE = Pattern.compile("\\{%(-?)\\s*endJSONArrayFor\\s*(-?)%}", Pattern.CASE_INSENSITIVE);

    private JsonArrayForRewriter() {
    }

    static String rewrite(String template) {
        if (!containsIgnoringCase(template, "JSONArrayFor")) {
            return template;
        }
        String opened = OPEN.matcher(template).replaceAll("{%$1$2for");
        return CLOSE.matcher(opened).replaceAll(
                Matcher.quoteReplacement("{%") + "$1" + Matcher.quoteReplacement(" unless forloop.last %},{% endunless %}{% endfor ")
                        + "$2" + Matcher.quoteReplacement("%}"));
    }

    private static boolean containsIgnoringCase(String text, String word) {
        return text.toLowerCase(java.util.Locale.ROOT).contains(word.toLowerCase(java.util.Locale.ROOT));
    }
}
