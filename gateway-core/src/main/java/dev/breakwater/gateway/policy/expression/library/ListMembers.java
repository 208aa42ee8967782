package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.runtime.Strings;
import dev.breakwater.gateway.policy.expression.eval.Closure;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.runtime.Sequences;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The members of {@code List<T>} (an ArrayList at run time). */
final class ListMembers {

    private final TypeBuilder list;

    ListMembers(TypeBuilder list) {
        this.list = list;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> l(Object o) {
        return (List<Object>) o;
    }

    void define() {
        list.supertypes("IList<T>", "IReadOnlyList<T>")
                .ctor("()", () -> new ArrayList<>())
                .ctor("(int capacity)", c -> new ArrayList<>())
                .rawCtor("(IEnumerable<T> collection)", (f, t, a) -> {
                    List<Object> items = Sequences.toList(a[0]);
                    f.checkSize(items.size());
                    return new ArrayList<>(items);
                })
                .prop("int Count", o -> l(o).size())
                .raw("void AddRange(IEnumerable<T> collection)", (f, o, a) -> {
                    List<Object> items = Sequences.toList(a[0]);
                    f.checkSize((long) l(o).size() + items.size());
                    l(o).addAll(items);
                    return null;
                })
                .raw("void Insert(int index, T item)", (f, o, a) -> {
                    f.checkSize(l(o).size() + 1L);
                    int i = (Integer) a[0];
                    if (i < 0 || i > l(o).size()) {
                        throw DotNetException.outOfRange("index", "Index must be within the bounds of the List.");
                    }
                    l(o).add(i, a[1]);
                    return null;
                })
                .method("T[] ToArray()", o -> l(o).toArray())
                .method("void Sort()", o -> {
                    l(o).sort(ListMembers::natural);
                    return null;
                })
                .method("void Sort(Comparison<T> comparison)", (o, c) -> {
                    l(o).sort((x, y) -> (Integer) ((Closure) c).invoke(x, y));
                    return null;
                })
                .method("void Reverse()", o -> {
                    Collections.reverse(l(o));
                    return null;
                })
                .method("T Find(Predicate<T> match)", (o, p) -> l(o).stream().filter(((Closure) p)::test).findFirst().orElse(null))
                .method("List<T> FindAll(Predicate<T> match)", (o, p) -> new ArrayList<>(l(o).stream().filter(((Closure) p)::test).toList()))
                .method("int FindIndex(Predicate<T> match)", (o, p) -> {
                    for (int i = 0; i < l(o).size(); i++) {
                        if (((Closure) p).test(l(o).get(i))) {
                            return i;
                        }
                    }
                    return -1;
                })
                .method("bool Exists(Predicate<T> match)", (o, p) -> l(o).stream().anyMatch(((Closure) p)::test))
                .method("bool TrueForAll(Predicate<T> match)", (o, p) -> l(o).stream().allMatch(((Closure) p)::test))
                .method("int RemoveAll(Predicate<T> match)", (o, p) -> {
                    int before = l(o).size();
                    List<Object> keep = new ArrayList<>();
                    for (Object v : l(o)) {
                        if (!((Closure) p).test(v)) {
                            keep.add(v);
                        }
                    }
                    l(o).clear();
                    l(o).addAll(keep);
                    return before - keep.size();
                })
                .method("void ForEach(Action<T> action)", (o, a) -> {
                    for (Object v : new ArrayList<>(l(o))) {
                        ((Closure) a).invoke(v);
                    }
                    return null;
                })
                .method("List<T> GetRange(int index, int count)", (o, i, n) -> {
                    int from = (Integer) i;
                    int count = (Integer) n;
                    if (from < 0 || count < 0 || from + count > l(o).size()) {
                        throw DotNetException.argument("Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
                    }
                    return new ArrayList<>(l(o).subList(from, from + count));
                })
                .method("int LastIndexOf(T item)", (o, v) -> {
                    for (int i = l(o).size() - 1; i >= 0; i--) {
                        if (Objects.equals(l(o).get(i), v)) {
                            return i;
                        }
                    }
                    return -1;
                });
    }

    /** Comparer.Default: numbers by value, strings culture-aware, others by Comparable. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int natural(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof String x && b instanceof String y) {
            return Strings.compare(x, y, false, false);
        }
        if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable c) {
            return c.compareTo(b);
        }
        throw DotNetException.invalidOperation("Failed to compare two elements in the array.");
    }

    static Comparator<Object> naturalOrder() {
        return ListMembers::natural;
    }
}
