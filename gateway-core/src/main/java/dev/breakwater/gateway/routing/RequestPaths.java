package dev.breakwater.gateway.routing;

/** Checks on the raw request path before it is routed. */
public final class RequestPaths {

    private RequestPaths() {
    }

    /**
     * True when the raw path has a "." or ".." segment, plain or percent-encoded, also when
     * followed by a path parameter (";x"). Such a path could climb out of the API's prefix or
     * the backend's base path once some later party normalises it, so the gateway refuses it
     * rather than guess.
     */
    public static boolean hasDotSegment(String rawPath) {
        int length = rawPath.length();
        int start = 0;
        while (start <= length) {
            int end = rawPath.indexOf('/', start);
            if (end < 0) {
                end = length;
            }
            int semicolon = rawPath.indexOf(';', start);
            int nameEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
            if (isDotsOnly(rawPath, start, nameEnd)) {
                return true;
            }
            start = end + 1;
        }
        return false;
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
