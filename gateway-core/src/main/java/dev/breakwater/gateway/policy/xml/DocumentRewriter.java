package dev.breakwater.gateway.policy.xml;

/**
 * Walks a document's markup the way an XML parser would (text, tags, attribute values, comments,
 * CDATA, processing instructions) and escapes each policy expression it meets. Anything it does
 * not understand is copied as it is: the XML parser that reads the result reports it.
 */
final class DocumentRewriter {

    /** Stands for the quote of an expression that is in element text, not in an attribute. */
    private static final char IN_TEXT = 0;

    private final String source;
    private final ExpressionScanner scanner;
    private final StringBuilder out;
    private int pos;

    DocumentRewriter(String source) {
        this.source = source;
        this.scanner = new ExpressionScanner(new XmlChars(source));
        this.out = new StringBuilder(source.length() + 64);
    }

    String rewrite() {
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == '<') {
                markup();
            } else if (c == '@' && startsExpression(pos)) {
                textExpression();
            } else {
                out.append(c);
                pos++;
            }
        }
        return out.toString();
    }

    private void markup() {
        if (source.startsWith("<!--", pos)) {
            copyThrough("<!--", "-->");
        } else if (source.startsWith("<![CDATA[", pos)) {
            copyThrough("<![CDATA[", "]]>");
        } else if (source.startsWith("<?", pos)) {
            copyThrough("<?", "?>");
        } else if (source.startsWith("<!", pos)) {
            // A DOCTYPE (or worse): the parser refuses it, so nothing after it is worth rewriting.
            copyTo(source.length());
        } else if (source.startsWith("</", pos)) {
            copyThrough("</", ">");
        } else {
            startTag();
        }
    }

    /** Copies a start tag, rewriting the attribute values that are expressions. */
    private void startTag() {
        out.append('<');
        pos++;
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == '"' || c == '\'') {
                attributeValue(c);
            } else if (c == '<') {
                return; // a tag without its '>': the parser reports it
            } else {
                out.append(c);
                pos++;
                if (c == '>') {
                    return;
                }
            }
        }
    }

    private void attributeValue(char quote) {
        int start = skipWhitespace(pos + 1);
        if (startsExpression(start)) {
            int end = scanner.endOf(start);
            int close = end < 0 ? -1 : skipWhitespace(end);
            if (close >= 0 && close < source.length() && source.charAt(close) == quote) {
                copyTo(start);
                StringBuilder lineBreaks = new StringBuilder();
                escape(start, end, quote, lineBreaks);
                pos = end;
                copyTo(close + 1);
                out.append(lineBreaks);
                return;
            }
        }
        int close = source.indexOf(quote, pos + 1);
        copyTo(close < 0 ? source.length() : close + 1);
    }

    private void textExpression() {
        int end = scanner.endOf(pos);
        if (end < 0) {
            out.append('@');
            pos++;
        } else {
            escape(pos, end, IN_TEXT, null);
            pos = end;
        }
    }

    /**
     * Appends the expression's characters, escaping those that cannot stand raw there.
     * {@code quote} is the attribute's quote, or {@link #IN_TEXT}.
     *
     * <p>In an attribute the parser would turn line breaks and tabs into spaces, which would
     * make a {@code //} comment swallow the rest of a multi-line expression. So they are written
     * as character references, and the raw line breaks are collected into {@code lineBreaks}
     * for the caller to put after the closing quote, where they keep the document's lines.
     */
    private void escape(int from, int to, char quote, StringBuilder lineBreaks) {
        int i = from;
        while (i < to) {
            char c = source.charAt(i);
            int reference = XmlChars.referenceLength(source, i);
            if (reference > 0) {
                out.append(source, i, i + reference);
                i += reference;
                continue;
            }
            if (c == '&') {
                out.append("&amp;");
            } else if (c == '<') {
                out.append("&lt;");
            } else if (quote == IN_TEXT) {
                if (c == '>' && source.startsWith("]]", i - 2)) {
                    out.append("&gt;");
                } else {
                    out.append(c);
                }
            } else if (c == quote) {
                out.append(c == '"' ? "&quot;" : "&apos;");
            } else if (c == '\t') {
                out.append("&#9;");
            } else if (c == '\n' || c == '\r') {
                boolean crlf = c == '\r' && i + 1 < to && source.charAt(i + 1) == '\n';
                out.append("&#10;");
                lineBreaks.append(crlf ? "\r\n" : String.valueOf(c));
                i += crlf ? 1 : 0;
            } else {
                out.append(c);
            }
            i++;
        }
    }

    private boolean startsExpression(int i) {
        return i + 1 < source.length() && source.charAt(i) == '@'
                && (source.charAt(i + 1) == '(' || source.charAt(i + 1) == '{');
    }

    private int skipWhitespace(int i) {
        while (i < source.length() && " \t\r\n".indexOf(source.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private void copyThrough(String opener, String terminator) {
        int end = source.indexOf(terminator, pos + opener.length());
        copyTo(end < 0 ? source.length() : end + terminator.length());
    }

    private void copyTo(int end) {
        out.append(source, pos, end);
        pos = end;
    }
}
