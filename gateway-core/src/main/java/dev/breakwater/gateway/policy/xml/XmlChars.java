package dev.breakwater.gateway.policy.xml;

/**
 * The characters of a document as the XML parser will see them: a predefined entity
 * ({@code &quot;}, {@code &amp;}...) or a character reference ({@code &#34;}, {@code &#x22;})
 * counts as the one character it stands for. A policy expression written in well-formed XML
 * ({@code @(&quot;a)&quot;)}) is thereby scanned exactly like its raw form ({@code @("a)")}).
 */
final class XmlChars {

    /** Stands for a character reference outside the BMP: nothing the scanner looks for. */
    private static final char OTHER = '\uFFFD';

    private final String text;

    XmlChars(String text) {
        this.text = text;
    }

    int length() {
        return text.length();
    }

    /** The raw character at {@code i}, for callers that only look at markup. */
    char raw(int i) {
        return text.charAt(i);
    }

    /** The character at {@code i} after resolving a reference that starts there. */
    char at(int i) {
        char c = text.charAt(i);
        int width = referenceLength(text, i);
        return width == 0 ? c : decode(i, width);
    }

    /** How many raw characters the character at {@code i} takes: 1, or a reference's length. */
    int width(int i) {
        return Math.max(1, referenceLength(text, i));
    }

    /** The character after the one at {@code i}, or 0 at the end. */
    char after(int i) {
        int next = i + width(i);
        return next < text.length() ? at(next) : 0;
    }

    /**
     * The length of the predefined entity or character reference starting at {@code i},
     * or 0 if none does there (a bare {@code &}, or an entity XML does not predefine).
     */
    static int referenceLength(String text, int i) {
        if (text.charAt(i) != '&') {
            return 0;
        }
        // The longest reference is "&#x10FFFF;": look no further, or a run of '&' would cost n².
        int semicolon = text.substring(i, Math.min(text.length(), i + 11)).indexOf(';') + i;
        if (semicolon < i) {
            return 0;
        }
        String name = text.substring(i + 1, semicolon);
        boolean valid = switch (name) {
            case "lt", "gt", "amp", "quot", "apos" -> true;
            default -> name.matches("#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}");
        };
        return valid ? semicolon - i + 1 : 0;
    }

    private char decode(int i, int width) {
        String name = text.substring(i + 1, i + width - 1);
        return switch (name) {
            case "lt" -> '<';
            case "gt" -> '>';
            case "amp" -> '&';
            case "quot" -> '"';
            case "apos" -> '\'';
            default -> {
                int code = name.charAt(1) == 'x'
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                yield code <= Character.MAX_VALUE ? (char) code : OTHER;
            }
        };
    }
}
