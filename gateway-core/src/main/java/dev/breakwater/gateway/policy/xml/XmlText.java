package dev.breakwater.gateway.policy.xml;

/** Escapes text as XML content, for the content of elements built without a document. */
final class XmlText {

    private XmlText() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        escapeText(out, text.toCharArray(), 0, text.length());
        return out.toString();
    }

    private static void escapeText(StringBuilder out, char[] text, int start, int length) {
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
}
