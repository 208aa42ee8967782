package dev.breakwater.gateway.policy.transform;

/**
 * XML names from JSON property names, which may hold anything. A name that cannot stand in XML is
 * encoded as .NET's {@code XmlConvert.EncodeLocalName} does: each character that may not stand where
 * it is becomes {@code _xHHHH_} (a character beyond the BMP {@code _xHHHHHHHH_}), a {@code _x} that
 * would read as such an escape has its underscore encoded, and {@code :} is encoded too. So the
 * output is always namespace-well-formed, and the encoding can be undone.
 */
final class XmlNames {

    private XmlNames() {
    }

    /** Whether the text is an XML name without a colon (an NCName). */
    static boolean isNcName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (i == 0 ? !isNameStart(c) : !isNameChar(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** The name encoded where it must be; an empty name becomes {@code _}. */
    static String encodeLocalName(String name) {
        if (name.isEmpty()) {
            return "_";
        }
        if (isNcName(name) && !looksEscaped(name)) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length() + 16);
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            boolean allowed = i == 0 ? isNameStart(c) : isNameChar(c);
            if (!allowed || (c == '_' && escapeAt(name, i))) {
                out.append(c > 0xFFFF ? String.format("_x%08X_", c) : String.format("_x%04X_", c));
            } else {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static boolean looksEscaped(String name) {
        for (int i = name.indexOf('_'); i >= 0; i = name.indexOf('_', i + 1)) {
            if (escapeAt(name, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code _xHHHH_} or {@code _xHHHHHHHH_} starts at {@code i}. */
    private static boolean escapeAt(String name, int i) {
        if (!name.startsWith("_x", i)) {
            return false;
        }
        int digits = 0;
        int j = i + 2;
        while (j < name.length() && Character.digit(name.charAt(j), 16) >= 0 && digits < 8) {
            digits++;
            j++;
        }
        return (digits == 4 || digits == 8) && j < name.length() && name.charAt(j) == '_';
    }

    /** XML 1.0 (fifth edition) NameStartChar, without ':'. */
    static boolean isNameStart(int c) {
        return (c >= 'A' && c <= 'Z') || c == '_' || (c >= 'a' && c <= 'z')
                || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
                || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
                || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
                || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
    }

    /** XML 1.0 (fifth edition) NameChar, without ':'. */
    static boolean isNameChar(int c) {
        return isNameStart(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7
                || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
    }
}
