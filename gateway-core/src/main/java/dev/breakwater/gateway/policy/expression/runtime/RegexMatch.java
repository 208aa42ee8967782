package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.Frame;
import dev.breakwater.gateway.policy.expression.eval.RuntimeTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;

/** A .NET Match (and, for its groups, Group): Success, Value, Index, Length, Groups, NextMatch, Result. */
public final class RegexMatch implements RuntimeTypes.DotNetTyped {

    private final DotNetRegex regex;
    private final String input;
    private final MatchResult result;
    private final Frame frame;

    RegexMatch(DotNetRegex regex, String input, MatchResult result, Frame frame) {
        this.regex = regex;
        this.input = input;
        this.result = result;
        this.frame = frame;
    }

    static RegexMatch failed(DotNetRegex regex, String input, Frame frame) {
        return new RegexMatch(regex, input, null, frame);
    }

    public boolean success() {
        return result != null;
    }

    public String value() {
        return result == null ? "" : result.group();
    }

    public int index() {
        return result == null ? 0 : result.start();
    }

    public int length() {
        return result == null ? 0 : result.end() - result.start();
    }

    public RegexMatch nextMatch() {
        if (result == null) {
            return this;
        }
        int start = result.end() == result.start() ? result.end() + 1 : result.end();
        return start > input.length() ? failed(regex, input, frame) : regex.match(input, start, frame);
    }

    /** Groups[n]: group 0 is the whole match; an unknown number gives an unsuccessful group. */
    public Group group(int n) {
        int java = regex.javaGroup(n);
        String name = regex.groupName(n);
        if (result == null || java < 0) {
            return new Group(name, null, -1);
        }
        return new Group(name, result.group(java), result.start(java));
    }

    /** Groups["name"]: by name (or number written as text); unknown names give an unsuccessful group. */
    public Group group(String name) {
        int n = regex.groupNumber(name);
        if (n < 0) {
            try {
                n = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                return new Group(name, null, -1);
            }
        }
        return group(n);
    }

    public int groupCount() {
        return regex.groupCount();
    }

    public List<Object> groups() {
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < groupCount(); i++) {
            all.add(group(i));
        }
        return all;
    }

    /** Match.Result: a replacement pattern with $1, ${name}, $&, $$ expanded for this match. */
    public String result(String replacement) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c != '$' || i + 1 >= replacement.length()) {
                out.append(c);
                continue;
            }
            char n = replacement.charAt(i + 1);
            if (n == '$') {
                out.append('$');
                i++;
            } else if (n == '&') {
                out.append(value());
                i++;
            } else if (n == '`') {
                out.append(input, 0, index());
                i++;
            } else if (n == '\'') {
                out.append(input.substring(index() + length()));
                i++;
            } else if (n == '_') {
                out.append(input);
                i++;
            } else if (n == '{') {
                int close = replacement.indexOf('}', i);
                if (close < 0) {
                    out.append(c);
                    continue;
                }
                out.append(group(replacement.substring(i + 2, close)).value());
                i = close;
            } else if (Character.isDigit(n)) {
                int j = i + 1;
                while (j < replacement.length() && Character.isDigit(replacement.charAt(j))
                        && Integer.parseInt(replacement.substring(i + 1, j + 1)) < groupCount()) {
                    j++;
                }
                if (j == i + 1) {
                    out.append(c);
                    continue;
                }
                out.append(group(Integer.parseInt(replacement.substring(i + 1, j))).value());
                i = j - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return value();
    }

    @Override
    public String dotNetTypeName() {
        return "System.Text.RegularExpressions.Match";
    }

    /** A group of a match: Success, Value ("" when it did not participate), Index, Length, Name. */
    public record Group(String name, String text, int start) implements RuntimeTypes.DotNetTyped {
        public boolean success() {
            return text != null;
        }

        public String value() {
            return text == null ? "" : text;
        }

        public int index() {
            return Math.max(start, 0);
        }

        public int length() {
            return value().length();
        }

        @Override
        public String toString() {
            return value();
        }

        @Override
        public String dotNetTypeName() {
            return "System.Text.RegularExpressions.Group";
        }
    }
}
