package dev.breakwater.gateway.policy.xml;

/**
 * A stretch of a policy document's text, kept as offsets into the one document string so that
 * elements do not each copy their content; the text is cut out only when a policy asks for it.
 *
 * @param document the document as the parser read it (policy expressions escaped, see {@link LenientXml})
 * @param start    the offset of the first character
 * @param end      the offset after the last character
 */
public record SourceText(String document, int start, int end) {

    public SourceText {
        if (start < 0 || end < start || end > document.length()) {
            throw new IllegalArgumentException("a range outside the document: " + start + ".." + end);
        }
    }

    /** A stand-alone text, for elements built without a document. */
    public static SourceText of(String text) {
        return new SourceText(text, 0, text.length());
    }

    @Override
    public String toString() {
        return document.substring(start, end);
    }
}
