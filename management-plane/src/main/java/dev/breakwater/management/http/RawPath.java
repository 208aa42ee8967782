package dev.breakwater.management.http;

/**
 * Checks a request path exactly as the client sent it, before anything decodes, normalises or
 * routes it. Authentication and routing can only agree on what a path names when there is one
 * way to write it, so every alternative spelling is refused: matrix parameters ({@code ;}, raw
 * or {@code %3B}), encoded slashes and backslashes ({@code %2F}, {@code %5C}), a raw backslash,
 * empty segments ({@code //}, a trailing {@code /}), dot segments ({@code /./}, {@code /../},
 * also percent-encoded), encoded control characters and malformed percent-encoding.
 */
public final class RawPath {

    private RawPath() {
    }

    /** What is wrong with the path, or {@code null} when it is plain. */
    public static String problem(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return "the path must start with '/'";
        }
        if (rawPath.equals("/")) {
            return null;
        }
        for (String segment : rawPath.substring(1).split("/", -1)) {
            String wrong = segmentProblem(segment);
            if (wrong != null) {
                return wrong;
            }
        }
        return null;
    }

    private static String segmentProblem(String segment) {
        if (segment.isEmpty()) {
            return "the path has an empty segment ('//' or a trailing '/')";
        }
        if (segment.equals(".") || segment.equals("..")) {
            return "the path has a dot segment ('" + segment + "')";
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == ';') {
                return "the path has a ';' parameter";
            }
            if (c == '\\') {
                return "the path has a backslash";
            }
            if (c == '%') {
                String wrong = encodedProblem(segment, i);
                if (wrong != null) {
                    return wrong;
                }
                i += 2;
            }
        }
        return null;
    }

    /** The percent-encoding at {@code at}: well-formed, and none of the characters that change a path's meaning. */
    private static String encodedProblem(String segment, int at) {
        int high = at + 2 < segment.length() ? Character.digit(segment.charAt(at + 1), 16) : -1;
        int low = high < 0 ? -1 : Character.digit(segment.charAt(at + 2), 16);
        if (low < 0) {
            return "the path has a malformed percent-encoding";
        }
        int decoded = high * 16 + low;
        return switch (decoded) {
            case '/' -> "the path has an encoded '/' (%2F)";
            case '\\' -> "the path has an encoded backslash (%5C)";
            case ';' -> "the path has an encoded ';' (%3B)";
            case '.' -> "the path has an encoded '.' (%2E)";
            default -> decoded < 0x20 || decoded == 0x7f ? "the path has an encoded control character" : null;
        };
    }
}
