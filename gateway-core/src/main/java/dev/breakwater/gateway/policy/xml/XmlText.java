package dev.breakwater.gateway.policy.xml;

import java.util.Map;

/** Writes XML text and elements back out, escaped, for {@link PolicyElement#innerXml()}. */
final class XmlText {

    private XmlText() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        escapeText(out, text.toCharArray(), 0, text.length());
        return out.toString();
    }

    static void escapeText(StringBuilder out, char[] text, int start, int length) {
        for (int i = start; i < start + length; i++) {
            char c = text[i];
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
    }

    /** Appends {@code <name attr="...">inner</name>} (self-closing when empty). */
    static void serialize(StringBuilder out, String name, Map<String, String> attributes, String inner) {
        out.append('<').append(name);
        attributes.forEach((attribute, value) -> {
            out.append(' ').append(attribute).append("=\"");
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '"' -> out.append("&quot;");
                    case '\n' -> out.append("&#10;");
                    default -> out.append(c);
                }
            }
            out.append('"');
        });
        if (inner.isEmpty()) {
            out.append("/>");
        } else {
            out.append('>').append(inner).append("</").append(name).append('>');
        }
    }
}
