package dev.breakwater.gateway.routing;

/** Checks on the raw request path before it is routed. */
public final class RequestPaths {

    private RequestPaths() {
    }

    /**
     * True when the raw path has a "." or ".." segment, plain or percent-encoded, also when
     * followed by a path parameter (";x", or "%3Bx", which some servers decode before splitting)
     * or delimited by an encoded slash or a backslash ("%2F", "%5C", "\"), which some backends
     * decode into separators. Such a path could climb out of the API's prefix or the backend's
     * base path once some later party normalises it, so the gateway refuses it rather than guess.
     */
    public static boolean hasDotSegment(String rawPath) {
        int length = rawPath.length();
        int nameStart = 0;
        int nameEnd = -1; // set once a parameter starts: the rest of the segment is not its name
        int i = 0;
        while (i <= length) {
            int separator = i == length ? 1 : separatorLength(rawPath, i);
            if (separator > 0) {
                if (isDotsOnly(rawPath, nameStart, nameEnd < 0 ? i : nameEnd)) {
                    return true;
                }
                i += separator;
                nameStart = i;
                nameEnd = -1;
                continue;
            }
            if (nameEnd < 0 && (rawPath.charAt(i) == ';' || isEscape(rawPath, i, '3', 'b'))) {
                nameEnd = i;
            }
            i++;
        }
        return false;
    }

    /** 1 for '/' or '\', 3 for "%2F" or "%5C", else 0. */
    private static int separatorLength(String path, int i) {
        char c = path.charAt(i);
        if (c == '/' || c == '\\') {
            return 1;
        }
        return isEscape(path, i, '2', 'f') || isEscape(path, i, '5', 'c') ? 3 : 0;
    }

    /** Whether a percent escape {@code %<high><low>} (low a letter, either case) starts at i. */
    private static boolean isEscape(String path, int i, char high, char lowLetter) {
        return i + 2 < path.length() && path.charAt(i) == '%' && path.charAt(i + 1) == high
                && (path.charAt(i + 2) | 0x20) == lowLetter;
    }

    private static boolean isDotsOnly(String path, int start, int end) {
        int dots = 0;
        int i = start;
        while (i < end) {
            if (path.charAt(i) == '.') {
                i += 1;
            } else if (i + 2 < end && path.startsWith("%2", i) && (path.charAt(i + 2) | 0x20) == 'e') {
                i += 3;
            } else {
                return false;
            }
            dots++;
        }
        return dots == 1 || dots == 2;
    }
}
