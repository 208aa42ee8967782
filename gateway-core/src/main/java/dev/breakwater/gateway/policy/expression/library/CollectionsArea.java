package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.eval.Closure;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Enumerables;
import dev.breakwater.gateway.policy.expression.runtime.Sequences;
import dev.breakwater.gateway.policy.expression.types.TypeDef;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The collection interfaces, List, Dictionary, HashSet, KeyValuePair and arrays. Lists are Java
 * ArrayLists, dictionaries LinkedHashMaps (insertion order, as .NET's Dictionary in practice), sets
 * LinkedHashSets; the budget caps their size.
 */
final class CollectionsArea implements LibraryArea {

    private TypeBuilder enumerable;
    private TypeBuilder readOnlyCollection;
    private TypeBuilder collection;
    private TypeBuilder list;
    private TypeBuilder readOnlyList;
    private TypeBuilder listClass;
    private TypeBuilder readOnlyDictionary;
    private TypeBuilder dictionary;
    private TypeBuilder dictionaryClass;
    private TypeBuilder pair;
    private TypeBuilder hashSet;
    private TypeBuilder arrayOf;
    private TypeBuilder array;

    @Override
    public void declare(LibraryBuilder b) {
        String ns = "System.Collections.Generic";
        enumerable = b.declare(Types.IENUMERABLE);
        readOnlyCollection = b.declare(ns, "IReadOnlyCollection", TypeDef.Kind.INTERFACE, null, "out T");
        collection = b.declare(ns, "ICollection", TypeDef.Kind.INTERFACE, null, "T");
        list = b.declare(ns, "IList", TypeDef.Kind.INTERFACE, null, "T");
        readOnlyList = b.declare(ns, "IReadOnlyList", TypeDef.Kind.INTERFACE, null, "out T");
        listClass = b.declare(ns, "List", TypeDef.Kind.CLASS, ArrayList.class, "T");
        readOnlyDictionary = b.declare(ns, "IReadOnlyDictionary", TypeDef.Kind.INTERFACE, Map.class, "TKey", "TValue");
        dictionary = b.declare(ns, "IDictionary", TypeDef.Kind.INTERFACE, Map.class, "TKey", "TValue");
        dictionaryClass = b.declare(ns, "Dictionary", TypeDef.Kind.CLASS, Map.class, "TKey", "TValue");
        pair = b.declare(ns, "KeyValuePair", TypeDef.Kind.STRUCT, Map.Entry.class, "TKey", "TValue");
        hashSet = b.declare(ns, "HashSet", TypeDef.Kind.CLASS, Set.class, "T");
        array = b.declare("System", "Array", TypeDef.Kind.CLASS, null);
        arrayOf = b.declare(Types.ARRAY_OF);
    }

    @Override
    public void define(LibraryBuilder b) {
        enumerable.instanceTest(Enumerables::isEnumerable);
        readOnlyCollection.supertypes("IEnumerable<T>").instanceTest(v -> v instanceof Collection || v instanceof Map
                || v instanceof Object[] || v instanceof byte[])
                .prop("int Count", Sequences::count);
        collection.supertypes("IEnumerable<T>").instanceTest(v -> v instanceof Collection || v instanceof Object[] || v instanceof byte[])
                .prop("int Count", Sequences::count)
                .prop("bool IsReadOnly", c -> !(c instanceof ArrayList || c instanceof LinkedHashSet || c instanceof LinkedHashMap))
                .raw("void Add(T item)", (f, c, a) -> {
                    f.checkSize(Sequences.count(c) + 1L);
                    return add(c, a[0]);
                })
                .method("void Clear()", c -> {
                    ((Collection<?>) c).clear();
                    return null;
                })
                .method("bool Contains(T item)", (c, v) -> Sequences.indexOf(c, v) >= 0)
                .method("bool Remove(T item)", (c, v) -> ((Collection<?>) c).remove(v));
        list.supertypes("ICollection<T>").instanceTest(v -> v instanceof List || v instanceof Object[] || v instanceof byte[])
                .indexer("T this[int index]", (l, i) -> Sequences.get(l, (Integer) i), (l, i, v) -> {
                    Sequences.set(l, (Integer) i, v);
                    return null;
                })
                .method("int IndexOf(T item)", (l, v) -> Sequences.indexOf(l, v))
                .method("void Insert(int index, T item)", (l, i, v) -> {
                    asList(l).add((Integer) i, v);
                    return null;
                })
                .method("void RemoveAt(int index)", (l, i) -> {
                    asList(l).remove((int) (Integer) i);
                    return null;
                });
        readOnlyList.supertypes("IReadOnlyCollection<T>").instanceTest(v -> v instanceof List || v instanceof Object[] || v instanceof byte[])
                .indexer("T this[int index]", (l, i) -> Sequences.get(l, (Integer) i));
        new ListMembers(listClass).define();
        new DictionaryMembers(readOnlyDictionary, dictionary, dictionaryClass).define();
        pair.instanceTest(v -> v instanceof Map.Entry)
                .ctor("(TKey key, TValue value)", (k, v) -> new AbstractMap.SimpleImmutableEntry<>(k, v))
                .prop("TKey Key", e -> ((Map.Entry<?, ?>) e).getKey())
                .prop("TValue Value", e -> ((Map.Entry<?, ?>) e).getValue());
        pair.def().setDefaultValue(new AbstractMap.SimpleImmutableEntry<>(null, null));
        defineHashSet();
        array.instanceTest(v -> v instanceof Object[] || v instanceof byte[])
                .prop("int Length", Sequences::count)
                .staticMethod("int IndexOf<T>(T[] array, T value)", (a, v) -> Sequences.indexOf(a, v))
                .staticMethod("bool Exists<T>(T[] array, Predicate<T> match)", (a, p) -> find(a, p) >= 0)
                .staticMethod("T Find<T>(T[] array, Predicate<T> match)", (a, p) -> {
                    int i = find(a, p);
                    return i < 0 ? null : Sequences.get(a, i);
                })
                .staticMethod("int FindIndex<T>(T[] array, Predicate<T> match)", (a, p) -> find(a, p))
                .staticMethod("void Reverse(Array array)", a -> {
                    java.util.Collections.reverse(java.util.Arrays.asList((Object[]) a));
                    return null;
                })
                .staticMethod("void Copy(Array sourceArray, Array destinationArray, int length)", (s, d, n) -> {
                    copy(s, 0, d, 0, (Integer) n);
                    return null;
                })
                .raw("static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)",
                        (f, t, a) -> {
                            copy(a[0], (Integer) a[1], a[2], (Integer) a[3], (Integer) a[4]);
                            return null;
                        });
        arrayOf.supertypes("Array", "IList<T>", "IReadOnlyList<T>")
                .instanceTest(v -> v instanceof Object[] || v instanceof byte[]);
    }

    private static int find(Object array, Object predicate) {
        var closure = (Closure) predicate;
        int n = Sequences.count(array);
        for (int i = 0; i < n; i++) {
            if (closure.test(Sequences.get(array, i))) {
                return i;
            }
        }
        return -1;
    }

    private static void copy(Object source, int sourceIndex, Object destination, int destinationIndex, int length) {
        if (source instanceof byte[] s && destination instanceof byte[] d) {
            System.arraycopy(s, sourceIndex, d, destinationIndex, length);
        } else {
            System.arraycopy(source, sourceIndex, destination, destinationIndex, length);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object l) {
        if (l instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw DotNetException.notSupported("Collection was of a fixed size.");
    }

    @SuppressWarnings("unchecked")
    private static Object add(Object c, Object v) {
        if (c instanceof Collection<?> coll) {
            ((Collection<Object>) coll).add(v);
            return null;
        }
        throw DotNetException.notSupported("Collection was of a fixed size.");
    }

    @SuppressWarnings("unchecked")
    private void defineHashSet() {
        hashSet.supertypes("ICollection<T>", "IReadOnlyCollection<T>")
                .instanceTest(v -> v instanceof LinkedHashSet)
                .ctor("()", () -> new LinkedHashSet<>())
                .ctor("(IEnumerable<T> collection)", c -> new LinkedHashSet<>(Sequences.toList(c)))
                .prop("int Count", s -> ((Set<?>) s).size())
                .method("bool Add(T item)", (s, v) -> ((Set<Object>) s).add(v))
                .method("bool Contains(T item)", (s, v) -> ((Set<?>) s).contains(v))
                .method("bool Remove(T item)", (s, v) -> ((Set<?>) s).remove(v))
                .method("void UnionWith(IEnumerable<T> other)", (s, o) -> {
                    ((Set<Object>) s).addAll(Sequences.toList(o));
                    return null;
                })
                .method("void IntersectWith(IEnumerable<T> other)", (s, o) -> {
                    ((Set<Object>) s).retainAll(Sequences.toList(o));
                    return null;
                })
                .method("void ExceptWith(IEnumerable<T> other)", (s, o) -> {
                    ((Set<Object>) s).removeAll(Sequences.toList(o));
                    return null;
                });
    }
}
