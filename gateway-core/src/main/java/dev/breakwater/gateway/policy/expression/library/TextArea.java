package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Frame;
import dev.breakwater.gateway.policy.expression.runtime.CompositeFormat;
import dev.breakwater.gateway.policy.expression.runtime.ValueFormatter;
import dev.breakwater.gateway.policy.expression.types.TypeDef;

import java.util.Random;

/** System.Text.StringBuilder and System.Random. Every append is checked against the string limit. */
final class TextArea implements LibraryArea {

    private TypeBuilder builder;
    private TypeBuilder random;

    @Override
    public void declare(LibraryBuilder b) {
        builder = b.declare("System.Text", "StringBuilder", TypeDef.Kind.CLASS, StringBuilder.class);
        random = b.declare("System", "Random", TypeDef.Kind.CLASS, Random.class);
    }

    private static StringBuilder sb(Frame f, Object o, int growth) {
        StringBuilder s = (StringBuilder) o;
        f.checkLength((long) s.length() + growth);
        return s;
    }

    @Override
    public void define(LibraryBuilder b) {
        builder.ctor("()", () -> new StringBuilder())
                .ctor("(string value)", v -> new StringBuilder(v == null ? "" : (String) v))
                .ctor("(int capacity)", c -> new StringBuilder())
                .prop("int Length", s -> ((StringBuilder) s).length())
                .raw("StringBuilder Append(string value)", (f, s, a) -> append(f, s, ValueFormatter.toString(a[0])))
                .raw("StringBuilder Append(char value)", (f, s, a) -> append(f, s, String.valueOf(a[0])))
                .raw("StringBuilder Append(object value)", (f, s, a) -> append(f, s, ValueFormatter.toString(a[0])))
                .raw("StringBuilder Append(char value, int repeatCount)", (f, s, a) -> {
                    int n = (Integer) a[1];
                    sb(f, s, Math.max(n, 0));
                    return append(f, s, String.valueOf(a[0]).repeat(Math.max(n, 0)));
                })
                .raw("StringBuilder AppendLine()", (f, s, a) -> append(f, s, "\n"))
                .raw("StringBuilder AppendLine(string value)", (f, s, a) -> append(f, s, ValueFormatter.toString(a[0]) + "\n"))
                .raw("StringBuilder AppendFormat(string format, params object[] args)", (f, s, a) ->
                        append(f, s, CompositeFormat.format((String) a[0], (Object[]) a[1])))
                .raw("StringBuilder Insert(int index, string value)", (f, s, a) -> {
                    String v = ValueFormatter.toString(a[1]);
                    sb(f, s, v.length()).insert((int) (Integer) a[0], v);
                    return s;
                })
                .raw("StringBuilder Replace(string oldValue, string newValue)", (f, s, a) -> {
                    StringBuilder str = (StringBuilder) s;
                    String replaced = str.toString().replace((String) a[0], a[1] == null ? "" : (String) a[1]);
                    f.checkLength(replaced.length());
                    str.setLength(0);
                    str.append(replaced);
                    return s;
                })
                .method("StringBuilder Remove(int startIndex, int length)", (s, i, n) -> {
                    ((StringBuilder) s).delete((Integer) i, (Integer) i + (Integer) n);
                    return s;
                })
                .method("StringBuilder Clear()", s -> {
                    ((StringBuilder) s).setLength(0);
                    return s;
                })
                .method("string ToString()", s -> s.toString())
                .indexer("char this[int index]", (s, i) -> ((StringBuilder) s).charAt((Integer) i));
        random.ctor("()", () -> new Random())
                .ctor("(int seed)", s -> new Random((Integer) s))
                .method("int Next()", r -> ((Random) r).nextInt(Integer.MAX_VALUE))
                .method("int Next(int maxValue)", (r, m) -> {
                    if ((Integer) m < 0) {
                        throw DotNetException.outOfRange("maxValue", "'maxValue' must be greater than zero.");
                    }
                    return (Integer) m == 0 ? 0 : ((Random) r).nextInt((Integer) m);
                })
                .method("int Next(int minValue, int maxValue)", (r, lo, hi) -> {
                    int min = (Integer) lo;
                    int max = (Integer) hi;
                    if (min > max) {
                        throw DotNetException.outOfRange("minValue", "'minValue' cannot be greater than maxValue.");
                    }
                    return min == max ? min : min + (int) (((Random) r).nextDouble() * ((long) max - min));
                })
                .method("double NextDouble()", r -> ((Random) r).nextDouble())
                .method("void NextBytes(byte[] buffer)", (r, buf) -> {
                    ((Random) r).nextBytes((byte[]) buf);
                    return null;
                });
    }

    private static Object append(Frame f, Object s, String text) {
        sb(f, s, text.length()).append(text);
        return s;
    }
}
