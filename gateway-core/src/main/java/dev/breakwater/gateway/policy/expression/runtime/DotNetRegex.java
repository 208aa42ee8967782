package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Frame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A .NET regular expression on java.util.regex: the pattern is translated where the dialects differ
 * (group names with underscores or digits, {@code (?'name')}, {@code \k'name'}), replacement strings
 * too ({@code $&}, {@code $$}), and every match runs on a character sequence that charges the
 * evaluation budget, so catastrophic backtracking ends with a budget error.
 */
public final class DotNetRegex {

    /** RegexOptions bits. */
    public static final long IGNORE_CASE = 1;
    public static final long MULTILINE = 2;
    public static final long SINGLELINE = 16;
    public static final long IGNORE_PATTERN_WHITESPACE = 32;

    private final Pattern pattern;
    private final String source;
    private final long options;
    /** .NET group number to Java group index (unnamed groups come first in .NET, then named ones). */
    private final int[] groupToJava;
    /** .NET group name to .NET group number. */
    private final Map<String, Integer> nameToNumber;

    public DotNetRegex(String pattern, long options) {
        if (pattern == null) {
            throw DotNetException.argumentNull("pattern");
        }
        this.source = pattern;
        this.options = options;
        RegexTranslator.Translation t = RegexTranslator.translate(pattern, (options & 4) != 0);
        String java = t.pattern();
        this.groupToJava = t.groupToJava();
        this.nameToNumber = t.nameToNumber();
        int flags = 0;
        if ((options & IGNORE_CASE) != 0) {
            flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        if ((options & MULTILINE) != 0) {
            flags |= Pattern.MULTILINE;
        }
        if ((options & SINGLELINE) != 0) {
            flags |= Pattern.DOTALL;
        }
        if ((options & IGNORE_PATTERN_WHITESPACE) != 0) {
            flags |= Pattern.COMMENTS;
        }
        try {
            this.pattern = Pattern.compile(java, flags);
        } catch (PatternSyntaxException e) {
            throw DotNetException.argument("Invalid pattern '" + pattern + "' at offset " + e.getIndex() + ". " + e.getDescription());
        }
    }

    public String source() {
        return source;
    }

    public long options() {
        return options;
    }

    Matcher matcher(String input, Frame frame) {
        if (input == null) {
            throw DotNetException.argumentNull("input");
        }
        return pattern.matcher(new BudgetedChars(input, frame));
    }

    public boolean isMatch(String input, Frame frame) {
        return matcher(input, frame).find();
    }

    public RegexMatch match(String input, int start, Frame frame) {
        Matcher m = matcher(input, frame);
        if (start < 0 || start > input.length()) {
            throw DotNetException.outOfRange("startat", "Start index cannot be less than 0 or greater than input length.");
        }
        return m.find(start) ? new RegexMatch(this, input, m.toMatchResult(), frame) : RegexMatch.failed(this, input, frame);
    }

    public List<Object> matches(String input, Frame frame) {
        Matcher m = matcher(input, frame);
        List<Object> all = new ArrayList<>();
        while (m.find()) {
            frame.step();
            all.add(new RegexMatch(this, input, m.toMatchResult(), frame));
        }
        return all;
    }

    public String replace(String input, String replacement, Frame frame) {
        if (replacement == null) {
            throw DotNetException.argumentNull("replacement");
        }
        Matcher m = matcher(input, frame);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            frame.step();
            out.append(input, last, m.start());
            out.append(new RegexMatch(this, input, m.toMatchResult(), frame).result(replacement));
            frame.checkLength(out.length());
            last = m.end();
        }
        out.append(input.substring(last));
        return out.toString();
    }

    /** Replace with a MatchEvaluator: each match's text comes from {@code evaluator}. */
    public String replace(String input, java.util.function.Function<RegexMatch, String> evaluator, Frame frame) {
        Matcher m = matcher(input, frame);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(input, last, m.start());
            String piece = evaluator.apply(new RegexMatch(this, input, m.toMatchResult(), frame));
            out.append(piece == null ? "" : piece);
            frame.checkLength(out.length());
            last = m.end();
        }
        out.append(input.substring(last));
        return out.toString();
    }

    public String[] split(String input, Frame frame) {
        Matcher m = matcher(input, frame);
        List<String> parts = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            frame.step();
            parts.add(input.substring(last, m.start()));
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    parts.add(m.group(g));
                }
            }
            last = m.end();
        }
        parts.add(input.substring(last));
        return parts.toArray(new String[0]);
    }

    /** The .NET number of a named group, or -1. */
    int groupNumber(String name) {
        Integer n = nameToNumber.get(name);
        return n == null ? -1 : n;
    }

    /** The Java group index of a .NET group number, or -1 when there is no such group. */
    int javaGroup(int number) {
        return number >= 0 && number < groupToJava.length ? groupToJava[number] : -1;
    }

    int groupCount() {
        return groupToJava.length;
    }

    /** The .NET name of a group number: its name, or the number itself. */
    String groupName(int number) {
        for (Map.Entry<String, Integer> e : nameToNumber.entrySet()) {
            if (e.getValue() == number) {
                return e.getKey();
            }
        }
        return String.valueOf(number);
    }

    public static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\', '*', '+', '?', '|', '{', '[', '(', ')', '^', '$', '.', '#', ' ' -> out.append('\\').append(c);
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 'f' -> '\f';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The input as the matcher sees it: every 100 characters read cost one step of the budget. */
    private static final class BudgetedChars implements CharSequence {
        private final String s;
        private final Frame frame;
        private int reads;

        BudgetedChars(String s, Frame frame) {
            this.s = s;
            this.frame = frame;
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public char charAt(int index) {
            if (++reads >= 100) {
                reads = 0;
                frame.step();
            }
            return s.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.subSequence(start, end);
        }

        @Override
        public String toString() {
            return s;
        }
    }
}
