package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;

import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** .NET string semantics that Java spells differently: Split options, Trim's white space, comparisons. */
public final class Strings {

    /** StringComparison values. */
    public static final int CURRENT_CULTURE = 0;
    public static final int ORDINAL = 4;

    private Strings() {
    }

    public static String self(Object s) {
        if (s == null) {
            throw DotNetException.nullReference();
        }
        return (String) s;
    }

    public static String arg(Object s, String parameter) {
        if (s == null) {
            throw DotNetException.argumentNull(parameter);
        }
        return (String) s;
    }

    public static boolean isWhiteSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    public static String trim(String s, char[] chars, boolean start, boolean end) {
        int a = 0;
        int b = s.length();
        if (start) {
            while (a < b && trims(s.charAt(a), chars)) {
                a++;
            }
        }
        if (end) {
            while (b > a && trims(s.charAt(b - 1), chars)) {
                b--;
            }
        }
        return s.substring(a, b);
    }

    private static boolean trims(char c, char[] chars) {
        if (chars == null || chars.length == 0) {
            return isWhiteSpace(c);
        }
        for (char t : chars) {
            if (t == c) {
                return true;
            }
        }
        return false;
    }

    /** Split by any of the separators (white space when none), honouring count and StringSplitOptions. */
    public static String[] split(String s, List<String> separators, int count, long options) {
        if (count < 0) {
            throw DotNetException.outOfRange("count", "Count cannot be less than zero.");
        }
        boolean removeEmpty = (options & 1) != 0;
        boolean trimEntries = (options & 2) != 0;
        List<String> parts = new ArrayList<>();
        if (count == 0) {
            return new String[0];
        }
        int start = 0;
        int i = 0;
        while (i <= s.length() && parts.size() < count - 1) {
            int matched = matchAt(s, i, separators);
            if (matched < 0) {
                if (i == s.length()) {
                    break;
                }
                i++;
                continue;
            }
            add(parts, s.substring(start, i), removeEmpty, trimEntries);
            i += Math.max(matched, 1);
            start = i;
        }
        add(parts, s.substring(Math.min(start, s.length())), removeEmpty, trimEntries);
        return parts.toArray(new String[0]);
    }

    private static void add(List<String> parts, String part, boolean removeEmpty, boolean trimEntries) {
        String p = trimEntries ? trim(part, null, true, true) : part;
        if (!(removeEmpty && p.isEmpty())) {
            parts.add(p);
        }
    }

    /** Length of the separator matching at {@code i}, or -1. */
    private static int matchAt(String s, int i, List<String> separators) {
        if (i >= s.length()) {
            return -1;
        }
        if (separators == null || separators.isEmpty()) {
            return isWhiteSpace(s.charAt(i)) ? 1 : -1;
        }
        for (String sep : separators) {
            if (sep != null && !sep.isEmpty() && s.startsWith(sep, i)) {
                return sep.length();
            }
        }
        return -1;
    }

    public static List<String> chars(Object separators) {
        List<String> list = new ArrayList<>();
        if (separators instanceof Character c) {
            list.add(String.valueOf(c.charValue()));
        } else if (separators instanceof Object[] array) {
            for (Object o : array) {
                list.add(o instanceof Character c ? String.valueOf(c.charValue()) : (String) o);
            }
        } else if (separators instanceof String s) {
            list.add(s);
        }
        return list;
    }

    public static char[] charArray(Object array) {
        if (array == null) {
            return null;
        }
        if (array instanceof Character c) {
            return new char[] {c};
        }
        Object[] a = (Object[]) array;
        char[] chars = new char[a.length];
        for (int i = 0; i < a.length; i++) {
            chars[i] = (Character) a[i];
        }
        return chars;
    }

    public static boolean ignoresCase(Object comparison) {
        long v = ((EnumValue) comparison).value();
        return v == 1 || v == 3 || v == 5;
    }

    public static boolean isOrdinal(Object comparison) {
        long v = ((EnumValue) comparison).value();
        return v == 4 || v == 5;
    }

    public static boolean equals(String a, String b, Object comparison) {
        if (a == null || b == null) {
            return a == b;
        }
        return ignoresCase(comparison) ? a.equalsIgnoreCase(b) : a.equals(b);
    }

    /** string.Compare: culture-aware unless ordinal; null sorts first. */
    public static int compare(String a, String b, boolean ignoreCase, boolean ordinal) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (ordinal) {
            int c = ignoreCase ? a.toUpperCase(Locale.ROOT).compareTo(b.toUpperCase(Locale.ROOT)) : a.compareTo(b);
            return Integer.signum(c);
        }
        Collator collator = Collator.getInstance(Locale.ROOT);
        collator.setStrength(ignoreCase ? Collator.SECONDARY : Collator.TERTIARY);
        return Integer.signum(collator.compare(a, b));
    }

    public static int indexOf(String s, String value, int start, Object comparison) {
        if (value == null) {
            throw DotNetException.argumentNull("value");
        }
        if (start < 0 || start > s.length()) {
            throw DotNetException.outOfRange("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
        }
        if (comparison != null && ignoresCase(comparison)) {
            return s.toLowerCase(Locale.ROOT).indexOf(value.toLowerCase(Locale.ROOT), start);
        }
        return s.indexOf(value, start);
    }

    public static int lastIndexOf(String s, String value, Object comparison) {
        if (value == null) {
            throw DotNetException.argumentNull("value");
        }
        if (comparison != null && ignoresCase(comparison)) {
            return s.toLowerCase(Locale.ROOT).lastIndexOf(value.toLowerCase(Locale.ROOT));
        }
        return s.lastIndexOf(value);
    }

    public static String substring(String s, int start, int length) {
        if (start < 0 || start > s.length()) {
            throw DotNetException.outOfRange("startIndex", "startIndex cannot be larger than length of string.");
        }
        if (length < 0 || start + length > s.length()) {
            throw DotNetException.outOfRange("length", "Index and length must refer to a location within the string.");
        }
        return s.substring(start, start + length);
    }

    public static String replace(String s, String oldValue, String newValue, boolean ignoreCase) {
        if (oldValue == null) {
            throw DotNetException.argumentNull("oldValue");
        }
        if (oldValue.isEmpty()) {
            throw DotNetException.argument("String cannot be of zero length. (Parameter 'oldValue')");
        }
        String replacement = newValue == null ? "" : newValue;
        if (!ignoreCase) {
            return s.replace(oldValue, replacement);
        }
        return java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(oldValue),
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE)
                .matcher(s).replaceAll(java.util.regex.Matcher.quoteReplacement(replacement));
    }
}
