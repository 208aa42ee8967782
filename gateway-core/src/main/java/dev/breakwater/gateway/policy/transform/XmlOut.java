package dev.breakwater.gateway.policy.transform;

import java.util.List;

/**
 * Writes XML as .NET's {@code XElement.ToString()} lays it out: one element per line, two spaces per
 * level, an element with only text on one line, an empty one as {@code <name />}, no XML
 * declaration. Escapes as .NET's writer does, and refuses characters XML 1.0 cannot carry.
 */
final class XmlOut {

    /** An attribute (or namespace declaration) as written: qualified name and value. */
    record Attribute(String name, String value) {
    }

    private final BoundedText out;

    XmlOut(BoundedText out) {
        this.out = out;
    }

    /** {@code <name a="v" />}. */
    void empty(int depth, String name, List<Attribute> attributes) throws ConversionException {
        startTag(depth, name, attributes);
        out.append(" />");
    }

    /** {@code <name a="v">text</name>}. */
    void text(int depth, String name, List<Attribute> attributes, String text) throws ConversionException {
        startTag(depth, name, attributes);
        out.append('>');
        escape(text, false);
        out.append("</").append(name).append('>');
    }

    /** {@code <name a="v">}, children to follow on their own lines. */
    void open(int depth, String name, List<Attribute> attributes) throws ConversionException {
        startTag(depth, name, attributes);
        out.append('>');
    }

    void close(int depth, String name) throws ConversionException {
        out.newLine(depth).append("</").append(name).append('>');
    }

    private void startTag(int depth, String name, List<Attribute> attributes) throws ConversionException {
        if (!out.isEmpty()) {
            out.newLine(depth);
        }
        out.append('<').append(name);
        for (Attribute attribute : attributes) {
            out.append(' ').append(attribute.name()).append("=\"");
            escape(attribute.value(), true);
            out.append('"');
        }
    }

    /** Markup characters as references; in attributes also the quote and the white space a parser would normalise. */
    private void escape(String text, boolean attribute) throws ConversionException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#xD;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#xA;" : "\n");
                case '\t' -> out.append(attribute ? "&#x9;" : "\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        throw new ConversionException(String.format(
                                "a value holds the character U+%04X, which XML cannot carry", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
