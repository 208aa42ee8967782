package dev.breakwater.gateway.policy.expression.runtime.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A JSONPath filter {@code [?(@.a.b == 'x')]}: comparisons of a member path with a literal, or existence. */
final class JsonPathFilter {

    private final JsonPath path;

    JsonPathFilter(JsonPath path) {
        this.path = path;
    }

    /** Parses {@code @.path [op literal]} (after "?("); returns the step that keeps matching children. */
    JsonPath.Step parse() {
        path.skipSpaces();
        path.expect('@');
        List<String> names = new ArrayList<>();
        while (path.p < path.text.length() && (path.text.charAt(path.p) == '.' || path.text.charAt(path.p) == '[')) {
            if (path.accept('.')) {
                int start = path.p;
                while (path.p < path.text.length() && (Character.isLetterOrDigit(path.text.charAt(path.p)) || path.text.charAt(path.p) == '_' || path.text.charAt(path.p) == '-')) {
                    path.p++;
                }
                names.add(path.text.substring(start, path.p));
            } else {
                path.p++;
                path.skipSpaces();
                names.add(path.quoted());
                path.skipSpaces();
                path.expect(']');
            }
        }
        path.skipSpaces();
        String op = null;
        for (String o : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
            if (path.text.startsWith(o, path.p)) {
                op = o;
                path.p += o.length();
                break;
            }
        }
        JToken constant = null;
        if (op != null) {
            path.skipSpaces();
            constant = literal();
            path.skipSpaces();
        }
        String operator = op;
        JToken expected = constant;
        return (t, out) -> {
            for (JToken item : t.children()) {
                JToken candidate = item instanceof JProperty prop ? prop.value() : item;
                JToken v = candidate;
                for (String n : names) {
                    v = v instanceof JObject o ? o.getValue(n) : null;
                }
                if (v != null && (operator == null || compare(v, operator, expected))) {
                    out.add(candidate);
                }
            }
        };
    }

    private static boolean compare(JToken v, String op, JToken expected) {
        if (!(v instanceof JValue a) || !(expected instanceof JValue b)) {
            return false;
        }
        if (op.equals("==")) {
            return a.equals(b);
        }
        if (op.equals("!=")) {
            return !a.equals(b);
        }
        if (!(a.value() instanceof Number x) || !(b.value() instanceof Number y)) {
            return false;
        }
        int c = new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    private JToken literal() {
        char c = path.text.charAt(path.p);
        if (c == '\'' || c == '"') {
            return JValue.ofString(path.quoted());
        }
        int start = path.p;
        while (path.p < path.text.length() && path.text.charAt(path.p) != ')' && !Character.isWhitespace(path.text.charAt(path.p))) {
            path.p++;
        }
        String word = path.text.substring(start, path.p);
        return switch (word) {
            case "true" -> JsonValues.from(true);
            case "false" -> JsonValues.from(false);
            case "null" -> JValue.createNull();
            default -> word.contains(".") ? JsonValues.from(Double.parseDouble(word)) : JsonValues.from(Long.parseLong(word));
        };
    }
}
