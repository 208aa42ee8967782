package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.eval.RuntimeTypes;
import dev.breakwater.gateway.policy.expression.types.NamedType;
import dev.breakwater.gateway.policy.expression.types.Types;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.runtime.DefaultValues;
import dev.breakwater.gateway.policy.expression.runtime.Linq;
import dev.breakwater.gateway.policy.expression.runtime.LinqShapes;
import dev.breakwater.gateway.policy.expression.types.TypeDef;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** System.Linq.Enumerable, IOrderedEnumerable and IGrouping (evaluated eagerly; see {@link Linq}). */
final class LinqArea implements LibraryArea {

    private static final String[] NUMBERS = {"int", "long", "double", "float", "decimal"};

    private TypeBuilder enumerable;
    private TypeBuilder ordered;
    private TypeBuilder grouping;

    @Override
    public void declare(LibraryBuilder b) {
        enumerable = b.declare("System.Linq", "Enumerable", TypeDef.Kind.STATIC, null);
        ordered = b.declare("System.Linq", "IOrderedEnumerable", TypeDef.Kind.INTERFACE, LinqShapes.Ordered.class, "out T");
        grouping = b.declare("System.Linq", "IGrouping", TypeDef.Kind.INTERFACE, LinqShapes.Grouping.class, "out TKey", "out TElement");
    }

    private static final String SRC = "this IEnumerable<TSource> source";

    @Override
    public void define(LibraryBuilder b) {
        ordered.supertypes("IEnumerable<T>");
        grouping.supertypes("IEnumerable<TElement>").prop("TKey Key", g -> ((LinqShapes.Grouping) g).key());
        TypeBuilder e = enumerable;
        e.staticMethod("IEnumerable<TResult> Select<TSource, TResult>(" + SRC + ", Func<TSource, TResult> selector)", Linq::select)
                .staticMethod("IEnumerable<TResult> Select<TSource, TResult>(" + SRC + ", Func<TSource, int, TResult> selector)", Linq::selectIndexed)
                .staticMethod("IEnumerable<TResult> SelectMany<TSource, TResult>(" + SRC + ", Func<TSource, IEnumerable<TResult>> selector)", Linq::selectMany)
                .staticMethod("IEnumerable<TSource> Where<TSource>(" + SRC + ", Func<TSource, bool> predicate)", Linq::where)
                .staticMethod("bool Any<TSource>(" + SRC + ")", s -> Linq.any(s, null))
                .staticMethod("bool Any<TSource>(" + SRC + ", Func<TSource, bool> predicate)", Linq::any)
                .staticMethod("bool All<TSource>(" + SRC + ", Func<TSource, bool> predicate)", Linq::all)
                .staticMethod("int Count<TSource>(" + SRC + ")", s -> Linq.count(s, null))
                .staticMethod("int Count<TSource>(" + SRC + ", Func<TSource, bool> predicate)", Linq::count)
                .staticMethod("long LongCount<TSource>(" + SRC + ")", s -> (long) Linq.count(s, null));
        for (String which : new String[] {"First", "Last", "Single"}) {
            String w = which.toLowerCase();
            e.staticMethod("TSource " + which + "<TSource>(" + SRC + ")", s -> Linq.pick(s, null, w, false, null))
                    .staticMethod("TSource " + which + "<TSource>(" + SRC + ", Func<TSource, bool> predicate)", (s, p) -> Linq.pick(s, p, w, false, null))
                    .reified().staticMethod("TSource " + which + "OrDefault<TSource>(" + SRC + ")", (s, t) ->
                            Linq.pick(s, null, w, true, DefaultValues.of((TypeSymbol) t)))
                    .reified().staticMethod("TSource " + which + "OrDefault<TSource>(" + SRC + ", Func<TSource, bool> predicate)",
                            (s, p, t) -> Linq.pick(s, p, w, true, DefaultValues.of((TypeSymbol) t)));
        }
        aggregates(e);
        ordering(e);
        sets(e);
        conversions(e);
    }

    private void aggregates(TypeBuilder e) {
        for (String n : NUMBERS) {
            String average = n.equals("decimal") ? "decimal" : n.equals("float") ? "float" : "double";
            e.staticMethod(n + " Sum(this IEnumerable<" + n + "> source)", s -> Linq.sum(Linq.items(s), n))
                    .staticMethod(n + "? Sum(this IEnumerable<" + n + "?> source)", s -> Linq.sum(Linq.items(s), n))
                    .staticMethod(n + " Sum<TSource>(" + SRC + ", Func<TSource, " + n + "> selector)", (s, f) -> Linq.sum(Linq.select(s, f), n))
                    .staticMethod(n + "? Sum<TSource>(" + SRC + ", Func<TSource, " + n + "?> selector)", (s, f) -> Linq.sum(Linq.select(s, f), n))
                    .staticMethod(average + " Average(this IEnumerable<" + n + "> source)", s -> Linq.average(Linq.items(s), average, false))
                    .staticMethod(average + "? Average(this IEnumerable<" + n + "?> source)", s -> Linq.average(Linq.items(s), average, true))
                    .staticMethod(average + " Average<TSource>(" + SRC + ", Func<TSource, " + n + "> selector)",
                            (s, f) -> Linq.average(Linq.select(s, f), average, false))
                    .staticMethod(n + " Min(this IEnumerable<" + n + "> source)", s -> Linq.extreme(Linq.items(s), false, false))
                    .staticMethod(n + " Max(this IEnumerable<" + n + "> source)", s -> Linq.extreme(Linq.items(s), true, false))
                    .staticMethod(n + "? Min(this IEnumerable<" + n + "?> source)", s -> Linq.extreme(Linq.items(s), false, true))
                    .staticMethod(n + "? Max(this IEnumerable<" + n + "?> source)", s -> Linq.extreme(Linq.items(s), true, true))
                    .priority(1).staticMethod(n + " Min<TSource>(" + SRC + ", Func<TSource, " + n + "> selector)",
                            (s, f) -> Linq.extreme(Linq.select(s, f), false, false))
                    .priority(1).staticMethod(n + " Max<TSource>(" + SRC + ", Func<TSource, " + n + "> selector)",
                            (s, f) -> Linq.extreme(Linq.select(s, f), true, false));
        }
        e.reified().staticMethod("TSource Min<TSource>(" + SRC + ")", (s, t) ->
                        Linq.extreme(Linq.items(s), false, ((TypeSymbol) t).acceptsNull()))
                .reified().staticMethod("TSource Max<TSource>(" + SRC + ")", (s, t) ->
                        Linq.extreme(Linq.items(s), true, ((TypeSymbol) t).acceptsNull()))
                .reified().staticMethod("TResult Min<TSource, TResult>(" + SRC + ", Func<TSource, TResult> selector)", (s, f, t1, t2) ->
                        Linq.extreme(Linq.select(s, f), false, ((TypeSymbol) t2).acceptsNull()))
                .reified().staticMethod("TResult Max<TSource, TResult>(" + SRC + ", Func<TSource, TResult> selector)", (s, f, t1, t2) ->
                        Linq.extreme(Linq.select(s, f), true, ((TypeSymbol) t2).acceptsNull()))
                .staticMethod("TSource Aggregate<TSource>(" + SRC + ", Func<TSource, TSource, TSource> func)",
                        (s, f) -> LinqShapes.aggregate(s, null, f, false))
                .staticMethod("TAccumulate Aggregate<TSource, TAccumulate>(" + SRC + ", TAccumulate seed, Func<TAccumulate, TSource, TAccumulate> func)",
                        (s, seed, f) -> LinqShapes.aggregate(s, seed, f, true));
    }

    @SuppressWarnings("unchecked")
    private void ordering(TypeBuilder e) {
        e.staticMethod("IOrderedEnumerable<TSource> OrderBy<TSource, TKey>(" + SRC + ", Func<TSource, TKey> keySelector)",
                        (s, k) -> LinqShapes.orderBy(s, k, null, false))
                .staticMethod("IOrderedEnumerable<TSource> OrderBy<TSource, TKey>(" + SRC + ", Func<TSource, TKey> keySelector, StringComparer comparer)",
                        (s, k, c) -> LinqShapes.orderBy(s, k, (Comparator<Object>) c, false))
                .staticMethod("IOrderedEnumerable<TSource> OrderByDescending<TSource, TKey>(" + SRC + ", Func<TSource, TKey> keySelector)",
                        (s, k) -> LinqShapes.orderBy(s, k, null, true))
                .staticMethod("IOrderedEnumerable<TSource> ThenBy<TSource, TKey>(this IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector)",
                        (s, k) -> LinqShapes.thenBy(s, k, null, false))
                .staticMethod("IOrderedEnumerable<TSource> ThenByDescending<TSource, TKey>(this IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector)",
                        (s, k) -> LinqShapes.thenBy(s, k, null, true))
                .staticMethod("IEnumerable<TSource> Reverse<TSource>(" + SRC + ")", s -> {
                    List<Object> all = Linq.items(s);
                    Collections.reverse(all);
                    return all;
                })
                .staticMethod("IEnumerable<IGrouping<TKey, TSource>> GroupBy<TSource, TKey>(" + SRC + ", Func<TSource, TKey> keySelector)",
                        (s, k) -> LinqShapes.groupBy(s, k, null))
                .staticMethod("IEnumerable<IGrouping<TKey, TElement>> GroupBy<TSource, TKey, TElement>(" + SRC
                        + ", Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector)", (s, k, el) -> LinqShapes.groupBy(s, k, el));
    }

    private void sets(TypeBuilder e) {
        e.staticMethod("IEnumerable<TSource> Distinct<TSource>(" + SRC + ")", LinqShapes::distinct)
                .staticMethod("IEnumerable<TSource> Skip<TSource>(" + SRC + ", int count)", (s, n) -> LinqShapes.skip(s, (Integer) n))
                .staticMethod("IEnumerable<TSource> Take<TSource>(" + SRC + ", int count)", (s, n) -> LinqShapes.take(s, (Integer) n))
                .staticMethod("IEnumerable<TSource> SkipWhile<TSource>(" + SRC + ", Func<TSource, bool> predicate)", LinqShapes::skipWhile)
                .staticMethod("IEnumerable<TSource> TakeWhile<TSource>(" + SRC + ", Func<TSource, bool> predicate)", LinqShapes::takeWhile)
                .raw("static IEnumerable<TSource> Concat<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second)", (f, t, a) -> {
                    List<Object> all = LinqShapes.concat(a[0], a[1]);
                    f.checkSize(all.size());
                    return all;
                })
                .staticMethod("IEnumerable<TSource> Union<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second)",
                        (x, y) -> LinqShapes.distinct(LinqShapes.concat(x, y)))
                .staticMethod("IEnumerable<TSource> Intersect<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second)", (x, y) -> {
                    LinkedHashSet<Object> set = new LinkedHashSet<>(Linq.items(x));
                    set.retainAll(Linq.items(y));
                    return new ArrayList<>(set);
                })
                .staticMethod("IEnumerable<TSource> Except<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second)", (x, y) -> {
                    LinkedHashSet<Object> set = new LinkedHashSet<>(Linq.items(x));
                    set.removeAll(Linq.items(y));
                    return new ArrayList<>(set);
                })
                .staticMethod("bool Contains<TSource>(" + SRC + ", TSource value)", (s, v) -> LinqShapes.contains(s, v, null))
                .staticMethod("bool Contains<TSource>(" + SRC + ", TSource value, StringComparer comparer)", LinqShapes::contains)
                .staticMethod("bool SequenceEqual<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second)", LinqShapes::sequenceEqual)
                .staticMethod("TSource ElementAt<TSource>(" + SRC + ", int index)", (s, i) -> {
                    List<Object> all = Linq.items(s);
                    int index = (Integer) i;
                    if (index < 0 || index >= all.size()) {
                        throw DotNetException.outOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
                    }
                    return all.get(index);
                })
                .reified().staticMethod("TSource ElementAtOrDefault<TSource>(" + SRC + ", int index)", (s, i, t) -> {
                    List<Object> all = Linq.items(s);
                    int index = (Integer) i;
                    return index >= 0 && index < all.size() ? all.get(index) : DefaultValues.of((TypeSymbol) t);
                })
                .reified().staticMethod("IEnumerable<TSource> DefaultIfEmpty<TSource>(" + SRC + ")", (s, t) -> {
                    List<Object> all = Linq.items(s);
                    if (all.isEmpty()) {
                        all.add(DefaultValues.of((TypeSymbol) t));
                    }
                    return all;
                });
    }

    private void conversions(TypeBuilder e) {
        e.reified().staticMethod("TSource[] ToArray<TSource>(" + SRC + ")", (s, t) -> toArray(Linq.items(s), (TypeSymbol) t))
                .staticMethod("List<TSource> ToList<TSource>(" + SRC + ")", Linq::items)
                .staticMethod("HashSet<TSource> ToHashSet<TSource>(" + SRC + ")", s -> new LinkedHashSet<>(Linq.items(s)))
                .staticMethod("Dictionary<TKey, TSource> ToDictionary<TSource, TKey>(" + SRC + ", Func<TSource, TKey> keySelector)",
                        (s, k) -> LinqShapes.toDictionary(s, k, null))
                .staticMethod("Dictionary<TKey, TElement> ToDictionary<TSource, TKey, TElement>(" + SRC
                        + ", Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector)", LinqShapes::toDictionary)
                .reified().staticMethod("IEnumerable<TResult> OfType<TResult>(this IEnumerable<object> source)", (s, t) ->
                        Linq.items(s).stream().filter(v -> v != null && ((TypeSymbol) t).isInstance(v)).toList())
                .reified().staticMethod("IEnumerable<TResult> Cast<TResult>(this IEnumerable<object> source)", (s, t) -> {
                    List<Object> all = Linq.items(s);
                    for (Object v : all) {
                        if (v != null && !((TypeSymbol) t).isInstance(v)) {
                            throw DotNetException.invalidCast(RuntimeTypes.nameOf(v), Types.dotNetName((TypeSymbol) t));
                        }
                    }
                    return all;
                })
                .reified().staticMethod("IEnumerable<TResult> Empty<TResult>()", t -> new ArrayList<>())
                .raw("static IEnumerable<int> Range(int start, int count)", (f, t, a) -> {
                    int count = (Integer) a[1];
                    if (count < 0) {
                        throw DotNetException.outOfRange("count", "Specified argument was out of the range of valid values.");
                    }
                    f.checkSize(count);
                    List<Object> all = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        all.add((Integer) a[0] + i);
                    }
                    return all;
                })
                .reified().raw("static IEnumerable<TResult> Repeat<TResult>(TResult element, int count)", (f, t, a) -> {
                    int count = (Integer) a[1];
                    f.checkSize(count);
                    return new ArrayList<>(Collections.nCopies(Math.max(count, 0), a[0]));
                });
    }

    private static Object toArray(List<Object> items, TypeSymbol element) {
        if (Types.BYTE.equals(element)) {
            byte[] bytes = new byte[items.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (Byte) items.get(i);
            }
            return bytes;
        }
        TypeSymbol u = Types.underlying(element);
        Class<?> type = u instanceof NamedType n && n.def().runtimeClass() != null
                ? n.def().runtimeClass() : Object.class;
        Object[] array = (Object[]) java.lang.reflect.Array.newInstance(type, items.size());
        return items.toArray(array);
    }
}
