package dev.breakwater.management.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a fragment's root element in its text: after an optional byte order mark, XML
 * declaration, comments and whitespace, the document must open {@code <fragment>} and, before
 * trailing comments and whitespace, close it ({@code </fragment>}, or be {@code <fragment/>}).
 * Text-level on purpose: what lies between may be policy expressions that are not well-formed
 * XML, which only the gateway's lenient reader reads.
 */
final class FragmentRoot {

    private static final Pattern START = Pattern.compile("<([A-Za-z_][\\w.:-]*)");
    private static final Pattern END = Pattern.compile("</fragment\\s*>$");
    private static final Pattern EMPTY = Pattern.compile("<fragment\\s*/>$");

    private FragmentRoot() {
    }

    /** Why the root element is not {@code <fragment>}, or {@code null} when it is. */
    static String problem(String xml) {
        int at = skipProlog(xml);
        if (at < 0) {
            return "a comment or the XML declaration is not closed";
        }
        if (xml.startsWith("<!DOCTYPE", at)) {
            return "a DOCTYPE is not allowed";
        }
        Matcher start = START.matcher(xml).region(at, xml.length());
        if (!start.lookingAt()) {
            return "a fragment's XML must begin with its root element <fragment>";
        }
        if (!start.group(1).equals("fragment")) {
            return "a fragment's root element must be <fragment>, not <" + start.group(1) + ">";
        }
        String body = withoutTrailingComments(xml);
        if (!END.matcher(body).find() && !EMPTY.matcher(body).region(at, body.length()).matches()) {
            return "a fragment's XML must end with </fragment>: the root element holds everything";
        }
        return null;
    }

    /** Where the root element should start: after the BOM, declaration, comments and whitespace; -1 when one is open. */
    private static int skipProlog(String xml) {
        int at = xml.startsWith("\uFEFF") ? 1 : 0;
        while (true) {
            at = skipWhitespace(xml, at);
            String close = xml.startsWith("<?", at) ? "?>" : xml.startsWith("<!--", at) ? "-->" : null;
            if (close == null) {
                return at;
            }
            int end = xml.indexOf(close, at + 2);
            if (end < 0) {
                return -1;
            }
            at = end + close.length();
        }
    }

    /** The text without the comments and whitespace after the root element; its start is unchanged. */
    private static String withoutTrailingComments(String xml) {
        String body = xml.stripTrailing();
        while (body.endsWith("-->") && body.lastIndexOf("<!--") >= 0) {
            body = body.substring(0, body.lastIndexOf("<!--")).stripTrailing();
        }
        return body;
    }

    private static int skipWhitespace(String xml, int at) {
        while (at < xml.length() && Character.isWhitespace(xml.charAt(at))) {
            at++;
        }
        return at;
    }
}
