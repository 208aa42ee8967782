package dev.breakwater.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operation's URL template, such as {@code /users/{id}/orders/{orderId}}, compiled once.
 * A segment is a literal, a parameter ({@code {id}}, one non-empty segment), a pattern
 * ({@code {id}.json}), or, last only, a wildcard ({@code *} or {@code {*rest}}, the rest of
 * the path). A trailing slash is not significant. Matching works on the raw path and gives
 * raw (percent-encoded) values.
 */
public final class UrlTemplate implements Comparable<UrlTemplate> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final String[] NO_VALUES = new String[0];

    private enum Kind { LITERAL, PATTERN, PARAMETER, WILDCARD }

    private record Segment(Kind kind, String text, Pattern pattern, int firstValue) {
    }

    private final String text;
    private final Segment[] segments;
    private final List<String> parameterNames;

    private UrlTemplate(String text, Segment[] segments, List<String> parameterNames) {
        this.text = text;
        this.segments = segments;
        this.parameterNames = List.copyOf(parameterNames);
    }

    /**
     * @throws IllegalArgumentException with a message that completes "urlTemplate ..."
     */
    public static UrlTemplate parse(String template) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("must start with '/', not '" + template + "'");
        }
        if (template.indexOf('?') >= 0 || template.indexOf('#') >= 0) {
            throw new IllegalArgumentException("'" + template + "': query parameters in URL templates are not supported yet");
        }
        String body = template.substring(1);
        if (body.endsWith("/")) {
            body = body.substring(0, body.length() - 1);
        }
        List<Segment> segments = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String[] parts = body.isEmpty() ? new String[0] : body.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            segments.add(segment(template, parts[i], i == parts.length - 1, names));
        }
        return new UrlTemplate(template, segments.toArray(Segment[]::new), names);
    }

    private static Segment segment(String template, String part, boolean last, List<String> names) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("'" + template + "' has an empty segment");
        }
        if (part.equals("*") || (part.startsWith("{*") && part.endsWith("}") && part.indexOf('{', 1) < 0)) {
            if (!last) {
                throw new IllegalArgumentException("'" + template + "': a wildcard may only be the last segment");
            }
            String name = part.equals("*") ? null : addName(template, part.substring(2, part.length() - 1), names);
            return new Segment(Kind.WILDCARD, name, null, name == null ? -1 : names.size() - 1);
        }
        if (part.indexOf('{') < 0 && part.indexOf('}') < 0) {
            return new Segment(Kind.LITERAL, part, null, -1);
        }
        if (part.startsWith("{") && part.endsWith("}") && part.indexOf('{', 1) < 0) {
            addName(template, part.substring(1, part.length() - 1), names);
            return new Segment(Kind.PARAMETER, part, null, names.size() - 1);
        }
        int first = names.size();
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (at < part.length()) {
            int open = part.indexOf('{', at);
            int close = open < 0 ? -1 : part.indexOf('}', open);
            if (part.indexOf('}', at) >= 0 && (open < 0 || part.indexOf('}', at) < open)) {
                throw new IllegalArgumentException("'" + template + "' has a '}' without its '{'");
            }
            if (open >= 0 && close < 0) {
                throw new IllegalArgumentException("'" + template + "' has a '{' without its '}'");
            }
            int literalEnd = open < 0 ? part.length() : open;
            if (literalEnd > at) {
                regex.append(Pattern.quote(part.substring(at, literalEnd)));
            }
            if (open < 0) {
                break;
            }
            addName(template, part.substring(open + 1, close), names);
            regex.append("([^/]+?)");
            at = close + 1;
        }
        return new Segment(Kind.PATTERN, part, Pattern.compile(regex.toString()), first);
    }

    private static String addName(String template, String name, List<String> names) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + template + "': '" + name + "' is not a valid parameter name");
        }
        if (names.contains(name)) {
            throw new IllegalArgumentException("'" + template + "' names parameter {" + name + "} twice");
        }
        names.add(name);
        return name;
    }

    public String text() {
        return text;
    }

    public List<String> parameterNames() {
        return parameterNames;
    }

    /**
     * Matches the raw path below the API prefix ("" or starting with '/').
     *
     * @return the raw parameter values in template order, or {@code null} when the path does not match
     */
    public String[] match(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.length();
        if (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        int next = start < end ? start : -1;
        String[] values = parameterNames.isEmpty() ? NO_VALUES : new String[parameterNames.size()];
        for (Segment segment : segments) {
            if (segment.kind == Kind.WILDCARD) {
                if (segment.firstValue >= 0) {
                    values[segment.firstValue] = next < 0 ? "" : path.substring(next, end);
                }
                return values;
            }
            if (next < 0) {
                return null;
            }
            int slash = path.indexOf('/', next);
            if (slash < 0 || slash > end) {
                slash = end;
            }
            if (!matchSegment(segment, path, next, slash, values)) {
                return null;
            }
            next = slash < end ? slash + 1 : -1;
        }
        return next < 0 ? values : null;
    }

    private static boolean matchSegment(Segment segment, String path, int from, int to, String[] values) {
        switch (segment.kind) {
            case LITERAL:
                return to - from == segment.text.length() && path.startsWith(segment.text, from);
            case PARAMETER:
                if (to == from) {
                    return false;
                }
                values[segment.firstValue] = path.substring(from, to);
                return true;
            default:
                Matcher matcher = segment.pattern.matcher(path).region(from, to);
                if (!matcher.matches()) {
                    return false;
                }
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    values[segment.firstValue + group - 1] = matcher.group(group);
                }
                return true;
        }
    }

    /** The shape of the template: equal shapes match exactly the same paths. */
    public String shape() {
        StringBuilder shape = new StringBuilder();
        for (Segment segment : segments) {
            shape.append('/').append(switch (segment.kind) {
                case LITERAL -> segment.text;
                case PATTERN -> segment.pattern.pattern();
                case PARAMETER -> "{}";
                case WILDCARD -> "*";
            });
        }
        return shape.length() == 0 ? "/" : shape.toString();
    }

    /** More specific templates first: literal before pattern before parameter before wildcard. */
    @Override
    public int compareTo(UrlTemplate other) {
        int common = Math.min(segments.length, other.segments.length);
        for (int i = 0; i < common; i++) {
            int byKind = segments[i].kind.compareTo(other.segments[i].kind);
            if (byKind != 0) {
                return byKind;
            }
        }
        return Integer.compare(segments.length, other.segments.length);
    }

    @Override
    public String toString() {
        return text;
    }
}
