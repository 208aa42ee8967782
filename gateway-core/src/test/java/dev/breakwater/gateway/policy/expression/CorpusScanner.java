package dev.breakwater.gateway.policy.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code @( … )} and {@code @{ … }} expressions of a policy document as people write them
 * (often not well-formed XML): entities decoded first, XML comments skipped, the end of each
 * expression found by a C#-aware scan (brackets, string/char/verbatim/interpolated literals, comments).
 */
final class CorpusScanner {

    /** One expression found: its text (named values substituted) and the document line it starts on. */
    record Found(String text, int line) { }

    private static final Pattern NAMED_VALUE = Pattern.compile("\\{\\{([^{}\\s]+)}}");

    private CorpusScanner() {
    }

    static List<Found> scan(String document) {
        String doc = decode(document);
        List<Found> found = new ArrayList<>();
        int i = 0;
        while (i < doc.length()) {
            if (doc.startsWith("<!--", i)) {
                int end = doc.indexOf("-->", i + 4);
                i = end < 0 ? doc.length() : end + 3;
                continue;
            }
            if (doc.charAt(i) == '@' && i + 1 < doc.length() && (doc.charAt(i + 1) == '(' || doc.charAt(i + 1) == '{')
                    && startsValue(doc, i)) {
                int end = matching(doc, i + 1);
                if (end > 0) {
                    found.add(new Found(substituteNamedValues(doc.substring(i, end + 1)), line(doc, i)));
                    i = end + 1;
                    continue;
                }
            }
            i++;
        }
        return found;
    }

    /** An expression is a whole attribute value or element text: only white space before it since '"', ''' or '>'. */
    private static boolean startsValue(String doc, int at) {
        int j = at - 1;
        while (j >= 0 && Character.isWhitespace(doc.charAt(j))) {
            j--;
        }
        return j >= 0 && (doc.charAt(j) == '"' || doc.charAt(j) == '\'' || doc.charAt(j) == '>');
    }

    private static String decode(String s) {
        return s.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#xA;", "\n").replace("&#xD;", "\r").replace("&#x9;", "\t").replace("&amp;", "&");
    }

    private static int line(String doc, int at) {
        int line = 1;
        for (int k = 0; k < at; k++) {
            if (doc.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The index of the bracket closing the one at {@code open}, or -1. */
    static int matching(String s, int open) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl;
                continue;
            }
            if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
                continue;
            }
            if (c == '"' || c == '\'' || (c == '@' || c == '$') && i + 1 < s.length()
                    && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '$' || s.charAt(i + 1) == '@')) {
                i = skipLiteral(s, i);
                continue;
            }
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
            i++;
        }
        return -1;
    }

    /** The index just after the literal starting at {@code i}. */
    private static int skipLiteral(String s, int i) {
        boolean verbatim = false;
        boolean interpolated = false;
        while (i < s.length() && (s.charAt(i) == '@' || s.charAt(i) == '$')) {
            verbatim |= s.charAt(i) == '@';
            interpolated |= s.charAt(i) == '$';
            i++;
        }
        char quote = s.charAt(i);
        i++;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && !verbatim) {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (verbatim && i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (interpolated && c == '{') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
                    i += 2;
                    continue;
                }
                int end = matching(s, i);
                i = end < 0 ? s.length() : end + 1;
                continue;
            }
            if (c == '\n' && !verbatim && quote == '\'') {
                return i;
            }
            i++;
        }
        return i;
    }

    /**
     * Replaces {@code {{name}}} as APIM does before compiling: inside a string literal with text that
     * is safe there, elsewhere with {@code 1} (named values used as code are numbers in practice).
     */
    static String substituteNamedValues(String expression) {
        StringBuilder out = new StringBuilder();
        Matcher m = NAMED_VALUE.matcher(expression);
        int last = 0;
        while (m.find()) {
            out.append(expression, last, m.start());
            out.append(insideLiteral(expression, m.start()) ? "nv-" + m.group(1).replaceAll("[^A-Za-z0-9-]", "-") : "1");
            last = m.end();
        }
        out.append(expression.substring(last));
        return out.toString();
    }

    private static boolean insideLiteral(String s, int at) {
        boolean inString = false;
        boolean verbatim = false;
        for (int i = 0; i < at; i++) {
            char c = s.charAt(i);
            if (!inString) {
                if (c == '"') {
                    inString = true;
                    verbatim = i > 0 && (s.charAt(i - 1) == '@' || i > 1 && s.charAt(i - 2) == '@');
                } else if (c == '\'' && i + 2 < s.length() && (s.charAt(i + 2) == '\'' || s.charAt(i + 1) == '\\')) {
                    i += s.charAt(i + 1) == '\\' ? 3 : 2;
                }
            } else if (c == '\\' && !verbatim) {
                i++;
            } else if (c == '"') {
                if (verbatim && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    i++;
                } else {
                    inString = false;
                }
            }
        }
        return inString;
    }
}
