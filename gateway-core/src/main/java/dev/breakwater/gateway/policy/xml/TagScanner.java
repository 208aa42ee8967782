package dev.breakwater.gateway.policy.xml;

/**
 * Finds where each tag of a well-formed document stands in its text, in step with SAX's events, so
 * that an element's content can be taken from the text exactly as written. SAX reports elements in
 * document order, so the next start tag in the text after the previous event's tag is the one
 * {@code startElement} reports, and the next end tag the one {@code endElement} reports (the
 * children's tags were consumed by their own events). Comments, CDATA sections and processing
 * instructions are skipped, and quoted attribute values may hold {@code >}. The SAX locator is not
 * used for this: its columns drift by one after a line break inside a tag or a lone CR.
 */
final class TagScanner {

    private final String text;
    private int cursor;

    TagScanner(String text) {
        this.text = text;
    }

    /** Where a start tag ends: the offset just after its {@code >}, and whether it closed itself. */
    record StartTag(int end, boolean selfClosing) {
    }

    /** The next start tag; the document is well-formed (SAX has read this far). */
    StartTag nextStartTag() {
        int at = nextTag();
        while (text.charAt(at + 1) == '/') { // an end tag SAX has already reported (cannot happen, but stay in step)
            cursor = text.indexOf('>', at) + 1;
            at = nextTag();
        }
        char quote = 0;
        for (int i = at + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                cursor = i + 1;
                return new StartTag(i + 1, text.charAt(i - 1) == '/');
            }
        }
        throw new IllegalStateException("a start tag without an end: the document is not the one SAX read");
    }

    /** The offset of the next end tag's {@code <}. */
    int nextEndTag() {
        int at = nextTag();
        if (text.charAt(at + 1) != '/') {
            throw new IllegalStateException("a start tag where SAX reported an end tag");
        }
        cursor = text.indexOf('>', at) + 1;
        return at;
    }

    /** The offset of the next {@code <} that opens a start or end tag, past comments, CDATA and PIs. */
    private int nextTag() {
        int at = text.indexOf('<', cursor);
        while (at >= 0) {
            if (text.startsWith("<!--", at)) {
                at = text.indexOf('<', skipPast("-->", at + 4));
            } else if (text.startsWith("<![CDATA[", at)) {
                at = text.indexOf('<', skipPast("]]>", at + 9));
            } else if (text.startsWith("<?", at)) {
                at = text.indexOf('<', skipPast("?>", at + 2));
            } else if (text.startsWith("<!", at)) {
                at = text.indexOf('<', skipPast(">", at + 2)); // a DOCTYPE: refused by the parser anyway
            } else {
                return at;
            }
        }
        throw new IllegalStateException("no further tag: the document is not the one SAX read");
    }

    private int skipPast(String end, int from) {
        int found = text.indexOf(end, from);
        if (found < 0) {
            throw new IllegalStateException("an unterminated '" + end + "' section");
        }
        return found + end.length();
    }
}
