package dev.breakwater.gateway.policy.expression.runtime.json;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The JSONPath of Json.NET's SelectToken/SelectTokens, in the subset policies use: {@code $},
 * {@code .name}, {@code ['name']}, {@code [0]}, {@code [*]}, {@code .*}, {@code ..name} and filters
 * {@code [?(@.a == 'x')]} with {@code == != < <= > >=} or a bare {@code @.a} (exists).
 */
public final class JsonPath {

    interface Step {
        void apply(JToken t, List<JToken> out);
    }

    private final List<Step> steps = new ArrayList<>();
    final String text;
    int p;

    private JsonPath(String text) {
        this.text = text;
        parse();
    }

    /** SelectToken: one token, null when none, an error when several. */
    public static JToken selectToken(JToken root, String path, boolean errorWhenNoMatch) {
        List<JToken> all = selectTokens(root, path);
        if (all.size() > 1) {
            throw DotNetException.of("Newtonsoft.Json.JsonException", "Path returned multiple tokens.");
        }
        if (all.isEmpty() && errorWhenNoMatch) {
            throw DotNetException.of("Newtonsoft.Json.JsonException", "Path '" + path + "' does not exist.");
        }
        return all.isEmpty() ? null : all.get(0);
    }

    public static List<JToken> selectTokens(JToken root, String path) {
        if (path == null) {
            throw DotNetException.argumentNull("path");
        }
        List<JToken> current = new ArrayList<>(List.of(root));
        for (Step step : new JsonPath(path).steps) {
            List<JToken> next = new ArrayList<>();
            for (JToken t : current) {
                step.apply(t, next);
            }
            current = next;
        }
        return current;
    }

    private RuntimeException error(String message) {
        return DotNetException.of("Newtonsoft.Json.JsonException", message);
    }

    private void parse() {
        if (text.startsWith("$")) {
            p = 1;
        } else if (!text.isEmpty() && text.charAt(0) != '[' && text.charAt(0) != '.') {
            steps.add(property(name()));
        }
        while (p < text.length()) {
            char c = text.charAt(p);
            if (c == '.') {
                p++;
                if (p < text.length() && text.charAt(p) == '.') {
                    p++;
                    String n = p < text.length() && text.charAt(p) == '*' ? wildcardName() : name();
                    steps.add(descendants(n));
                } else if (p < text.length() && text.charAt(p) == '*') {
                    p++;
                    steps.add(JsonPath::children);
                } else {
                    steps.add(property(name()));
                }
            } else if (c == '[') {
                p++;
                bracket();
            } else if (Character.isWhitespace(c)) {
                p++;
            } else {
                throw error("Unexpected character while parsing path: " + c);
            }
        }
    }

    private String wildcardName() {
        p++;
        return null;
    }

    private String name() {
        int start = p;
        while (p < text.length() && text.charAt(p) != '.' && text.charAt(p) != '[') {
            p++;
        }
        if (p == start) {
            throw error("Unexpected end while parsing path.");
        }
        return text.substring(start, p);
    }

    private void bracket() {
        skipSpaces();
        char c = text.charAt(p);
        if (c == '\'' || c == '"') {
            List<String> names = new ArrayList<>();
            do {
                skipSpaces();
                names.add(quoted());
                skipSpaces();
            } while (accept(','));
            expect(']');
            steps.add((t, out) -> {
                for (String n : names) {
                    property(n).apply(t, out);
                }
            });
        } else if (c == '*') {
            p++;
            expect(']');
            steps.add(JsonPath::children);
        } else if (c == '?') {
            p++;
            expect('(');
            Step filter = new JsonPathFilter(this).parse();
            expect(')');
            expect(']');
            steps.add(filter);
        } else {
            List<Integer> indexes = new ArrayList<>();
            do {
                skipSpaces();
                int start = p;
                while (p < text.length() && (Character.isDigit(text.charAt(p)) || text.charAt(p) == '-')) {
                    p++;
                }
                if (start == p) {
                    throw error("Unexpected character while parsing path indexer: " + text.charAt(p));
                }
                indexes.add(Integer.parseInt(text.substring(start, p)));
                skipSpaces();
            } while (accept(','));
            expect(']');
            steps.add((t, out) -> {
                if (t instanceof JArray a) {
                    for (int i : indexes) {
                        int index = i < 0 ? a.count() + i : i;
                        if (index >= 0 && index < a.count()) {
                            out.add(a.get(index));
                        }
                    }
                }
            });
        }
    }

    String quoted() {
        char q = text.charAt(p++);
        StringBuilder b = new StringBuilder();
        while (p < text.length() && text.charAt(p) != q) {
            if (text.charAt(p) == '\\' && p + 1 < text.length()) {
                p++;
            }
            b.append(text.charAt(p++));
        }
        expect(q);
        return b.toString();
    }

    void skipSpaces() {
        while (p < text.length() && text.charAt(p) == ' ') {
            p++;
        }
    }

    boolean accept(char c) {
        if (p < text.length() && text.charAt(p) == c) {
            p++;
            return true;
        }
        return false;
    }

    void expect(char c) {
        if (!accept(c)) {
            throw error("Unexpected character while parsing path: expected '" + c + "' in '" + text + "'");
        }
    }

    private static Step property(String name) {
        return (t, out) -> {
            if (t instanceof JObject o) {
                JToken v = o.getValue(name);
                if (v != null) {
                    out.add(v);
                }
            }
        };
    }

    private static void children(JToken t, List<JToken> out) {
        for (JToken c : t.children()) {
            out.add(c instanceof JProperty p ? p.value() : c);
        }
    }

    private static Step descendants(String name) {
        return (t, out) -> collect(t, name, out);
    }

    private static void collect(JToken t, String name, List<JToken> out) {
        for (JToken c : t.children()) {
            JToken value = c instanceof JProperty p ? p.value() : c;
            if (name == null || c instanceof JProperty p && Objects.equals(p.name(), name)) {
                out.add(value);
            }
            collect(value, name, out);
        }
    }
}
