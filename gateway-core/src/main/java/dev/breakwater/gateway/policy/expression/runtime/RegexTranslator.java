package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a .NET pattern to java.util.regex where they differ: named groups (any .NET name,
 * {@code (?<n>)} and {@code (?'n')}) become numbered groups, numbered as .NET numbers them (unnamed
 * first, then named), and {@code \k<n>} back-references become numbered ones.
 */
final class RegexTranslator {

    /** The Java pattern and the .NET group tables. */
    record Translation(String pattern, int[] groupToJava, Map<String, Integer> nameToNumber) { }

    private RegexTranslator() {
    }

    /**
     * The Java pattern: named groups become plain groups (their numbers are remembered), and named
     * back-references become numbered ones.
     */
    static Translation translate(String p, boolean explicitCapture) {
        List<String> javaGroups = new ArrayList<>();
        List<Integer> backrefAt = new ArrayList<>();
        List<String> backrefName = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        int i = 0;
        boolean inClass = false;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                char n = p.charAt(i + 1);
                if (!inClass && n == 'k' && i + 2 < p.length() && (p.charAt(i + 2) == '<' || p.charAt(i + 2) == '\'')) {
                    char close = p.charAt(i + 2) == '<' ? '>' : '\'';
                    int end = p.indexOf(close, i + 3);
                    if (end < 0) {
                        throw DotNetException.argument("Invalid pattern '" + p + "': malformed \\k<name> back-reference.");
                    }
                    backrefAt.add(out.length());
                    backrefName.add(p.substring(i + 3, end));
                    i = end + 1;
                    continue;
                }
                out.append(c).append(n);
                i += 2;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                out.append(c);
                i++;
                continue;
            }
            if (c == '[') {
                inClass = true;
                out.append(c);
                i++;
                if (i < p.length() && p.charAt(i) == '^') {
                    out.append('^');
                    i++;
                }
                if (i < p.length() && p.charAt(i) == ']') {
                    out.append("\\]");
                    i++;
                }
                continue;
            }
            if (c == '(') {
                boolean named = p.startsWith("(?<", i) && i + 3 < p.length() && p.charAt(i + 3) != '=' && p.charAt(i + 3) != '!'
                        || p.startsWith("(?'", i);
                if (named) {
                    char close = p.charAt(i + 2) == '<' ? '>' : '\'';
                    int end = p.indexOf(close, i + 3);
                    if (end < 0) {
                        throw DotNetException.argument("Invalid pattern '" + p + "': unterminated group name.");
                    }
                    javaGroups.add(p.substring(i + 3, end));
                    out.append('(');
                    i = end + 1;
                    continue;
                }
                if (!p.startsWith("(?", i)) {
                    if (explicitCapture) {
                        out.append("(?:");
                        i++;
                        continue;
                    }
                    javaGroups.add(null);
                }
            }
            out.append(c);
            i++;
        }
        int unnamed = 0;
        for (String g : javaGroups) {
            unnamed += g == null ? 1 : 0;
        }
        Map<String, Integer> nameToNumber = new LinkedHashMap<>();
        int[] groupToJava = new int[javaGroups.size() + 1];
        int nextUnnamed = 1;
        int nextNamed = unnamed + 1;
        Map<String, Integer> javaIndexOfName = new LinkedHashMap<>();
        for (int g = 0; g < javaGroups.size(); g++) {
            String name = javaGroups.get(g);
            if (name == null) {
                groupToJava[nextUnnamed++] = g + 1;
            } else if (!nameToNumber.containsKey(name)) {
                nameToNumber.put(name, nextNamed);
                groupToJava[nextNamed++] = g + 1;
                javaIndexOfName.put(name, g + 1);
            }
        }
        groupToJava = java.util.Arrays.copyOf(groupToJava, nextNamed);
        for (int r = backrefAt.size() - 1; r >= 0; r--) {
            Integer index = javaIndexOfName.get(backrefName.get(r));
            if (index == null) {
                throw DotNetException.argument("Invalid pattern '" + p + "': reference to undefined group name '" + backrefName.get(r) + "'.");
            }
            out.insert(backrefAt.get(r), "\\" + index + "(?:)");
        }
        return new Translation(out.toString(), groupToJava, nameToNumber);
    }
}
