package dev.breakwater.gateway.policy.expression.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Uri.EscapeDataString and friends, WebUtility.UrlEncode/UrlDecode/HtmlEncode/HtmlDecode, as .NET does them. */
public final class UrlEncoding {

    private UrlEncoding() {
    }

    /** RFC 3986: everything but unreserved characters percent-encoded (UTF-8, upper-case hex). */
    public static String escapeDataString(String s) {
        return percentEncode(s, "-_.~", false);
    }

    /** Uri.EscapeUriString: also keeps the reserved characters of a URI. */
    public static String escapeUriString(String s) {
        return percentEncode(s, "-_.~:/?#[]@!$&'()*+,;=%", false);
    }

    /** WebUtility.UrlEncode: space as '+', keeps -_.!*() . */
    public static String urlEncode(String s) {
        return s == null ? null : percentEncode(s, "-_.!*()", true);
    }

    private static String percentEncode(String s, String safe, boolean plusForSpace) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c < 128 && safe.indexOf(c) >= 0)) {
                out.append((char) c);
            } else if (c == ' ' && plusForSpace) {
                out.append('+');
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    /** Decodes %XX sequences (UTF-8); invalid sequences stay as written; '+' becomes a space if asked. */
    public static String unescape(String s, boolean plusAsSpace) {
        if (s == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 3;
                continue;
            }
            flush(bytes, out);
            out.append(c == '+' && plusAsSpace ? ' ' : c);
            i++;
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.reset();
        }
    }

    public static String htmlEncode(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 160 && c < 256) {
                        out.append("&#").append((int) c).append(';');
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                        out.append("&#").append(Character.toCodePoint(c, s.charAt(++i))).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    public static String htmlDecode(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi > i && semi - i <= 10) {
                String entity = s.substring(i + 1, semi);
                String decoded = entity(entity);
                if (decoded != null) {
                    out.append(decoded);
                    i = semi + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String entity(String e) {
        switch (e) {
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "amp":
                return "&";
            case "quot":
                return "\"";
            case "apos":
                return "'";
            case "nbsp":
                return "\u00A0";
            default:
                break;
        }
        try {
            if (e.startsWith("#x") || e.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(e.substring(2), 16)));
            }
            if (e.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(e.substring(1))));
            }
        } catch (IllegalArgumentException ex) {
            return null;
        }
        return null;
    }
}
