package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Ref;
import dev.breakwater.gateway.policy.expression.runtime.IgnoreCaseMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/** IReadOnlyDictionary, IDictionary and Dictionary (a LinkedHashMap, or an IgnoreCaseMap with OrdinalIgnoreCase). */
final class DictionaryMembers {

    private final TypeBuilder readOnlyDictionary;
    private final TypeBuilder dictionary;
    private final TypeBuilder dictionaryClass;

    DictionaryMembers(TypeBuilder readOnlyDictionary, TypeBuilder dictionary, TypeBuilder dictionaryClass) {
        this.readOnlyDictionary = readOnlyDictionary;
        this.dictionary = dictionary;
        this.dictionaryClass = dictionaryClass;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> map(Object m) {
        return (Map<Object, Object>) m;
    }

    void define() {
        readOnlyDictionary.supertypes("IReadOnlyCollection<KeyValuePair<TKey, TValue>>")
                .indexer("TValue this[TKey key]", (m, k) -> lookup(m, k))
                .method("bool ContainsKey(TKey key)", (m, k) -> map(m).containsKey(key(k)))
                .method("bool TryGetValue(TKey key, out TValue value)", (m, k, r) -> tryGet(m, k, r))
                .prop("IEnumerable<TKey> Keys", m -> new ArrayList<>(map(m).keySet()))
                .prop("IEnumerable<TValue> Values", m -> new ArrayList<>(map(m).values()));
        dictionary.supertypes("ICollection<KeyValuePair<TKey, TValue>>")
                .rawIndexer("TValue this[TKey key]", (m, k) -> lookup(m, k), (f, m, a) -> {
                    Map<Object, Object> map = map(m);
                    if (!map.containsKey(a[0])) {
                        f.checkSize(map.size() + 1L);
                    }
                    return map.put(key(a[0]), a[1]);
                })
                .method("bool ContainsKey(TKey key)", (m, k) -> map(m).containsKey(key(k)))
                .method("bool TryGetValue(TKey key, out TValue value)", (m, k, r) -> tryGet(m, k, r))
                .raw("void Add(TKey key, TValue value)", (f, m, a) -> {
                    Object k = a[0];
                    Object v = a[1];
                    f.checkSize(map(m).size() + 1L);
                    if (map(m).containsKey(key(k))) {
                        throw DotNetException.argument("An item with the same key has already been added. Key: " + k);
                    }
                    map(m).put(k, v);
                    return null;
                })
                .method("bool Remove(TKey key)", (m, k) -> {
                    boolean had = map(m).containsKey(key(k));
                    map(m).remove(k);
                    return had;
                })
                .prop("ICollection<TKey> Keys", m -> new ArrayList<>(map(m).keySet()))
                .prop("ICollection<TValue> Values", m -> new ArrayList<>(map(m).values()));
        dictionaryClass.supertypes("IDictionary<TKey, TValue>", "IReadOnlyDictionary<TKey, TValue>")
                .instanceTest(v -> v instanceof LinkedHashMap || v instanceof IgnoreCaseMap)
                .ctor("()", () -> new LinkedHashMap<>())
                .ctor("(int capacity)", c -> new LinkedHashMap<>())
                .ctor("(StringComparer comparer)", c -> comparer(c))
                .ctor("(IDictionary<TKey, TValue> dictionary)", d -> new LinkedHashMap<>(map(d)))
                .ctor("(IDictionary<TKey, TValue> dictionary, StringComparer comparer)", (d, c) -> {
                    Map<Object, Object> m = comparer(c);
                    m.putAll(map(d));
                    return m;
                })
                .prop("int Count", m -> map(m).size())
                .method("bool ContainsValue(TValue value)", (m, v) -> map(m).containsValue(v))
                .method("bool TryAdd(TKey key, TValue value)", (m, k, v) -> map(m).putIfAbsent(key(k), v) == null)
                .method("void Clear()", m -> {
                    map(m).clear();
                    return null;
                });
    }

    private static Map<Object, Object> comparer(Object comparer) {
        return comparer instanceof StringArea.StringComparerValue c && c.ignoreCase() ? new IgnoreCaseMap() : new LinkedHashMap<>();
    }

    private static Object key(Object k) {
        if (k == null) {
            throw DotNetException.argumentNull("key");
        }
        return k;
    }

    private static Object lookup(Object m, Object k) {
        Map<Object, Object> map = map(m);
        Object v = map.get(key(k));
        if (v == null && !map.containsKey(k)) {
            throw DotNetException.keyNotFound(k);
        }
        return v;
    }

    private static Object tryGet(Object m, Object k, Object ref) {
        Map<Object, Object> map = map(m);
        Object v = map.get(key(k));
        if (v == null && !map.containsKey(k)) {
            ((Ref) ref).value = null;
            return false;
        }
        ((Ref) ref).value = v;
        return true;
    }
}
