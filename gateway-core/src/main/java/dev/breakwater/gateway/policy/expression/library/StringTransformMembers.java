package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.runtime.EnumValue;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Frame;
import dev.breakwater.gateway.policy.expression.runtime.Strings;

import java.util.List;
import java.util.Locale;

/** The string members that build new strings: Substring, Replace, case, Trim, Split, Pad, Insert, Remove. */
final class StringTransformMembers {

    private final TypeBuilder string;

    StringTransformMembers(TypeBuilder string) {
        this.string = string;
    }

    void define() {
        string.method("string Substring(int startIndex)", (s, i) -> {
                    String str = (String) s;
                    return Strings.substring(str, (Integer) i, str.length() - Math.min((Integer) i, str.length()));
                })
                .method("string Substring(int startIndex, int length)", (s, i, n) -> Strings.substring((String) s, (Integer) i, (Integer) n))
                .raw("string Replace(string oldValue, string newValue)", (f, s, a) ->
                        StringArea.checked(f, Strings.replace((String) s, (String) a[0], (String) a[1], false)))
                .raw("string Replace(string oldValue, string newValue, StringComparison comparisonType)", (f, s, a) ->
                        StringArea.checked(f, Strings.replace((String) s, (String) a[0], (String) a[1], Strings.ignoresCase(a[2]))))
                .raw("string Replace(string oldValue, string newValue, bool ignoreCase, CultureInfo culture)", (f, s, a) ->
                        StringArea.checked(f, Strings.replace((String) s, (String) a[0], (String) a[1], (Boolean) a[2])))
                .method("string Replace(char oldChar, char newChar)", (s, o, n) -> ((String) s).replace((Character) o, (Character) n))
                .method("string ToLower()", s -> ((String) s).toLowerCase(Locale.ROOT))
                .method("string ToUpper()", s -> ((String) s).toUpperCase(Locale.ROOT))
                .method("string ToLower(CultureInfo culture)", (s, c) -> ((String) s).toLowerCase(Locale.ROOT))
                .method("string ToUpper(CultureInfo culture)", (s, c) -> ((String) s).toUpperCase(Locale.ROOT))
                .method("string ToLowerInvariant()", s -> ((String) s).toLowerCase(Locale.ROOT))
                .method("string ToUpperInvariant()", s -> ((String) s).toUpperCase(Locale.ROOT))
                .method("string Trim()", s -> Strings.trim((String) s, null, true, true))
                .method("string Trim(params char[] trimChars)", (s, c) -> Strings.trim((String) s, Strings.charArray(c), true, true))
                .method("string TrimStart()", s -> Strings.trim((String) s, null, true, false))
                .method("string TrimStart(params char[] trimChars)", (s, c) -> Strings.trim((String) s, Strings.charArray(c), true, false))
                .method("string TrimEnd()", s -> Strings.trim((String) s, null, false, true))
                .method("string TrimEnd(params char[] trimChars)", (s, c) -> Strings.trim((String) s, Strings.charArray(c), false, true))
                .method("string[] Split(params char[] separator)", (s, c) -> Strings.split((String) s, Strings.chars(c), Integer.MAX_VALUE, 0))
                .method("string[] Split(char separator, StringSplitOptions options = default)",
                        (s, c, o) -> Strings.split((String) s, Strings.chars(c), Integer.MAX_VALUE, options(o)))
                .method("string[] Split(char[] separator, StringSplitOptions options)",
                        (s, c, o) -> Strings.split((String) s, Strings.chars(c), Integer.MAX_VALUE, options(o)))
                .method("string[] Split(char[] separator, int count)",
                        (s, c, n) -> Strings.split((String) s, Strings.chars(c), (Integer) n, 0))
                .method("string[] Split(char separator, int count, StringSplitOptions options = default)",
                        (s, c, n, o) -> Strings.split((String) s, Strings.chars(c), (Integer) n, options(o)))
                .method("string[] Split(string separator, StringSplitOptions options = default)",
                        (s, c, o) -> Strings.split((String) s, c == null ? List.of() : List.of((String) c), Integer.MAX_VALUE, options(o)))
                .method("string[] Split(string[] separator, StringSplitOptions options)",
                        (s, c, o) -> Strings.split((String) s, Strings.chars(c), Integer.MAX_VALUE, options(o)))
                .method("string[] Split(string[] separator, int count, StringSplitOptions options)",
                        (s, c, n, o) -> Strings.split((String) s, Strings.chars(c), (Integer) n, options(o)))
                .raw("string PadLeft(int totalWidth)", (f, s, a) -> pad(f, (String) s, (Integer) a[0], ' ', true))
                .raw("string PadLeft(int totalWidth, char paddingChar)", (f, s, a) -> pad(f, (String) s, (Integer) a[0], (Character) a[1], true))
                .raw("string PadRight(int totalWidth)", (f, s, a) -> pad(f, (String) s, (Integer) a[0], ' ', false))
                .raw("string PadRight(int totalWidth, char paddingChar)", (f, s, a) -> pad(f, (String) s, (Integer) a[0], (Character) a[1], false))
                .raw("string Insert(int startIndex, string value)", (f, s, a) -> {
                    String str = (String) s;
                    int i = (Integer) a[0];
                    if (i < 0 || i > str.length()) {
                        throw DotNetException.outOfRange("startIndex", "Index was out of range.");
                    }
                    return StringArea.checked(f, str.substring(0, i) + Strings.arg(a[1], "value") + str.substring(i));
                })
                .method("string Remove(int startIndex)", (s, i) -> {
                    String str = (String) s;
                    int index = (Integer) i;
                    if (index < 0 || index > str.length()) {
                        throw DotNetException.outOfRange("startIndex", "startIndex must be less than length of string.");
                    }
                    return str.substring(0, index);
                })
                .method("string Remove(int startIndex, int count)", (s, i, n) -> {
                    String str = (String) s;
                    Strings.substring(str, (Integer) i, (Integer) n);
                    return str.substring(0, (Integer) i) + str.substring((Integer) i + (Integer) n);
                });
    }

    private static long options(Object o) {
        return o == null ? 0 : ((EnumValue) o).value();
    }

    private static String pad(Frame f, String s, int width, char c, boolean left) {
        if (width < 0) {
            throw DotNetException.outOfRange("totalWidth", "Non-negative number required.");
        }
        f.checkLength(width);
        if (s.length() >= width) {
            return s;
        }
        String padding = String.valueOf(c).repeat(width - s.length());
        return left ? padding + s : s + padding;
    }
}
