package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.runtime.EnumValue;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Enumerables;
import dev.breakwater.gateway.policy.expression.eval.Frame;
import dev.breakwater.gateway.policy.expression.runtime.CompositeFormat;
import dev.breakwater.gateway.policy.expression.runtime.Strings;
import dev.breakwater.gateway.policy.expression.runtime.ValueFormatter;
import dev.breakwater.gateway.policy.expression.types.TypeDef;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.Iterator;

/** System.String, StringComparison, StringSplitOptions, StringComparer. */
final class StringArea implements LibraryArea {

    private TypeBuilder string;
    private TypeBuilder comparison;
    private TypeBuilder splitOptions;
    private TypeBuilder comparer;

    @Override
    public void declare(LibraryBuilder b) {
        string = b.declare(Types.STRING_DEF);
        comparison = b.declare("System", "StringComparison", TypeDef.Kind.ENUM, EnumValue.class);
        splitOptions = b.declare("System", "StringSplitOptions", TypeDef.Kind.ENUM, EnumValue.class);
        comparer = b.declare("System", "StringComparer", TypeDef.Kind.CLASS, StringComparerValue.class);
    }

    /** StringComparer.Ordinal / OrdinalIgnoreCase / …: equality and order of strings. */
    record StringComparerValue(boolean ignoreCase, boolean ordinal) implements java.util.Comparator<Object> {
        @Override
        public int compare(Object a, Object b) {
            return Strings.compare((String) a, (String) b, ignoreCase, ordinal);
        }

        boolean same(Object a, Object b) {
            if (a == null || b == null) {
                return a == b;
            }
            return ignoreCase ? ((String) a).equalsIgnoreCase((String) b) : a.equals(b);
        }
    }

    @Override
    public void define(LibraryBuilder b) {
        String[] names = {"CurrentCulture", "CurrentCultureIgnoreCase", "InvariantCulture", "InvariantCultureIgnoreCase",
            "Ordinal", "OrdinalIgnoreCase"};
        for (int i = 0; i < names.length; i++) {
            comparison.enumMember(names[i], i);
        }
        splitOptions.flags().enumMember("None", 0).enumMember("RemoveEmptyEntries", 1).enumMember("TrimEntries", 2);
        comparer.staticProp("StringComparer Ordinal", () -> new StringComparerValue(false, true))
                .staticProp("StringComparer OrdinalIgnoreCase", () -> new StringComparerValue(true, true))
                .staticProp("StringComparer InvariantCulture", () -> new StringComparerValue(false, false))
                .staticProp("StringComparer InvariantCultureIgnoreCase", () -> new StringComparerValue(true, false))
                .staticProp("StringComparer CurrentCulture", () -> new StringComparerValue(false, false))
                .staticProp("StringComparer CurrentCultureIgnoreCase", () -> new StringComparerValue(true, false))
                .method("bool Equals(string x, string y)", (c, x, y) -> ((StringComparerValue) c).same(x, y))
                .method("int Compare(string x, string y)", (c, x, y) -> ((StringComparerValue) c).compare(x, y));
        string.supertypes("IEnumerable<char>", "IComparable");
        search();
        new StringTransformMembers(string).define();
        statics();
    }

    private void search() {
        string.prop("int Length", s -> ((String) s).length())
                .indexer("char this[int index]", (s, i) -> {
                    String str = (String) s;
                    int index = (Integer) i;
                    if (index < 0 || index >= str.length()) {
                        throw DotNetException.indexOutOfRange();
                    }
                    return str.charAt(index);
                })
                .method("bool Contains(string value)", (s, v) -> ((String) s).contains(Strings.arg(v, "value")))
                .method("bool Contains(char value)", (s, v) -> ((String) s).indexOf((Character) v) >= 0)
                .method("bool Contains(string value, StringComparison comparisonType)",
                        (s, v, c) -> Strings.indexOf((String) s, (String) v, 0, c) >= 0)
                .method("bool StartsWith(string value)", (s, v) -> ((String) s).startsWith(Strings.arg(v, "value")))
                .method("bool StartsWith(char value)", (s, v) -> !((String) s).isEmpty() && ((String) s).charAt(0) == (Character) v)
                .method("bool StartsWith(string value, StringComparison comparisonType)", (s, v, c) -> {
                    String str = (String) s;
                    String value = Strings.arg(v, "value");
                    return str.regionMatches(Strings.ignoresCase(c), 0, value, 0, value.length());
                })
                .method("bool StartsWith(string value, bool ignoreCase, CultureInfo culture)", (s, v, i, c) -> {
                    String value = Strings.arg(v, "value");
                    return ((String) s).regionMatches((Boolean) i, 0, value, 0, value.length());
                })
                .method("bool EndsWith(string value)", (s, v) -> ((String) s).endsWith(Strings.arg(v, "value")))
                .method("bool EndsWith(char value)", (s, v) -> {
                    String str = (String) s;
                    return !str.isEmpty() && str.charAt(str.length() - 1) == (Character) v;
                })
                .method("bool EndsWith(string value, StringComparison comparisonType)", (s, v, c) -> {
                    String str = (String) s;
                    String value = Strings.arg(v, "value");
                    return str.length() >= value.length()
                            && str.regionMatches(Strings.ignoresCase(c), str.length() - value.length(), value, 0, value.length());
                })
                .method("int IndexOf(string value)", (s, v) -> Strings.indexOf((String) s, (String) v, 0, null))
                .method("int IndexOf(char value)", (s, v) -> ((String) s).indexOf((Character) v))
                .method("int IndexOf(string value, int startIndex)", (s, v, i) -> Strings.indexOf((String) s, (String) v, (Integer) i, null))
                .method("int IndexOf(char value, int startIndex)", (s, v, i) -> ((String) s).indexOf((Character) v, (Integer) i))
                .method("int IndexOf(string value, StringComparison comparisonType)", (s, v, c) -> Strings.indexOf((String) s, (String) v, 0, c))
                .method("int IndexOfAny(char[] anyOf)", (s, a) -> {
                    String str = (String) s;
                    char[] chars = Strings.charArray(a);
                    for (int i = 0; i < str.length(); i++) {
                        for (char c : chars) {
                            if (str.charAt(i) == c) {
                                return i;
                            }
                        }
                    }
                    return -1;
                })
                .method("int LastIndexOf(string value)", (s, v) -> Strings.lastIndexOf((String) s, (String) v, null))
                .method("int LastIndexOf(char value)", (s, v) -> ((String) s).lastIndexOf((Character) v))
                .method("int LastIndexOf(string value, StringComparison comparisonType)", (s, v, c) -> Strings.lastIndexOf((String) s, (String) v, c))
                .method("bool Equals(string value)", (s, v) -> s.equals(v))
                .method("bool Equals(string value, StringComparison comparisonType)", (s, v, c) -> Strings.equals((String) s, (String) v, c))
                .method("int CompareTo(string value)", (s, v) -> Strings.compare((String) s, (String) v, false, false))
                .method("char[] ToCharArray()", s -> ((String) s).chars().mapToObj(c -> (char) c).toArray(Character[]::new))
                .method("string ToString()", s -> s)
                .method("bool IsNormalized()", s -> true);
    }

    private void statics() {
        string.constant("string Empty", "")
                .staticMethod("bool IsNullOrEmpty(string value)", s -> s == null || ((String) s).isEmpty())
                .staticMethod("bool IsNullOrWhiteSpace(string value)", s -> s == null || ((String) s).chars().allMatch(c -> Strings.isWhiteSpace((char) c)))
                .staticMethod("bool Equals(string a, string b)", (x, y) -> java.util.Objects.equals(x, y))
                .staticMethod("bool Equals(string a, string b, StringComparison comparisonType)", (x, y, c) -> Strings.equals((String) x, (String) y, c))
                .staticMethod("int Compare(string strA, string strB)", (x, y) -> Strings.compare((String) x, (String) y, false, false))
                .staticMethod("int Compare(string strA, string strB, bool ignoreCase)", (x, y, i) -> Strings.compare((String) x, (String) y, (Boolean) i, false))
                .staticMethod("int Compare(string strA, string strB, StringComparison comparisonType)",
                        (x, y, c) -> Strings.compare((String) x, (String) y, Strings.ignoresCase(c), Strings.isOrdinal(c)))
                .staticMethod("int CompareOrdinal(string strA, string strB)", (x, y) -> Strings.compare((String) x, (String) y, false, true))
                .raw("static string Format(string format, params object[] args)", (f, t, a) ->
                        checked(f, CompositeFormat.format((String) a[0], (Object[]) a[1])))
                .raw("static string Format(IFormatProvider provider, string format, params object[] args)", (f, t, a) ->
                        checked(f, CompositeFormat.format((String) a[1], (Object[]) a[2])))
                .raw("static string Join(string separator, params string[] value)", (f, t, a) -> join(f, a[0], a[1]))
                .raw("static string Join(string separator, params object[] values)", (f, t, a) -> join(f, a[0], a[1]))
                .raw("static string Join(char separator, params string[] value)", (f, t, a) -> join(f, String.valueOf(a[0]), a[1]))
                .raw("static string Join(string separator, IEnumerable<string> values)", (f, t, a) -> join(f, a[0], a[1]))
                .raw("static string Join<T>(string separator, IEnumerable<T> values)", (f, t, a) -> join(f, a[0], a[1]))
                .raw("static string Concat(params string[] values)", (f, t, a) -> join(f, "", a[0]))
                .raw("static string Concat(params object[] args)", (f, t, a) -> join(f, "", a[0]))
                .raw("static string Concat(IEnumerable<string> values)", (f, t, a) -> join(f, "", a[0]))
                .raw("static string Concat<T>(IEnumerable<T> values)", (f, t, a) -> join(f, "", a[0]))
                .rawCtor("(char c, int count)", (f, t, a) -> {
                    int n = (Integer) a[1];
                    if (n < 0) {
                        throw DotNetException.outOfRange("count", "Non-negative number required.");
                    }
                    f.checkLength(n);
                    return String.valueOf((char) (Character) a[0]).repeat(n);
                })
                .ctor("(char[] value)", a -> {
                    StringBuilder s = new StringBuilder();
                    for (Object c : (Object[]) a) {
                        s.append((char) (Character) c);
                    }
                    return s.toString();
                });
        string.priority(1).raw("static string Concat(string a, string b)", (f, t, a) -> join(f, "", new Object[] {a[0], a[1]}));
    }

    static String checked(Frame f, String s) {
        f.checkLength(s.length());
        return s;
    }

    private static String join(Frame f, Object separator, Object values) {
        if (values == null) {
            throw DotNetException.argumentNull("values");
        }
        String sep = separator == null ? "" : ValueFormatter.toString(separator);
        StringBuilder out = new StringBuilder();
        Iterator<?> it = Enumerables.iterate(values);
        boolean first = true;
        while (it.hasNext()) {
            if (!first) {
                out.append(sep);
            }
            first = false;
            out.append(ValueFormatter.toString(it.next()));
            f.checkLength(out.length());
        }
        return out.toString();
    }
}
