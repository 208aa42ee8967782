package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.eval.Frame;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Ref;
import dev.breakwater.gateway.policy.expression.runtime.Strings;
import dev.breakwater.gateway.policy.expression.runtime.json.JArray;
import dev.breakwater.gateway.policy.expression.runtime.json.JContainer;
import dev.breakwater.gateway.policy.expression.runtime.json.JObject;
import dev.breakwater.gateway.policy.expression.runtime.json.JProperty;
import dev.breakwater.gateway.policy.expression.runtime.json.JToken;
import dev.breakwater.gateway.policy.expression.runtime.json.JValue;
import dev.breakwater.gateway.policy.expression.runtime.json.JsonText;
import dev.breakwater.gateway.policy.expression.runtime.json.JsonValues;

/** JObject and JArray: constructors, indexers, Add/Remove/Property…, Parse and FromObject. */
final class JsonContainerMembers {

    private final TypeBuilder object;
    private final TypeBuilder array;

    JsonContainerMembers(TypeBuilder object, TypeBuilder array) {
        this.object = object;
        this.array = array;
    }

    void define() {
        defineObject();
        defineArray();
    }

    private static JToken t(Object o) {
        return (JToken) o;
    }

    private static void charge(Frame f, Object content) {
        JsonArea.charge(f, content);
    }

    private void defineObject() {
        object.supertypes("JContainer", "IEnumerable<KeyValuePair<string, JToken>>")
                .ctor("()", JObject::new)
                .rawCtor("(params object[] content)", (f, x, a) -> {
                    JObject o = new JObject();
                    for (Object item : (Object[]) a[0]) {
                        charge(f, item);
                        o.add(item);
                    }
                    return o;
                })
                .rawIndexer("JToken this[string propertyName]", (o, k) -> ((JObject) o).get(k), (f, o, a) -> {
                    charge(f, a[1]);
                    ((JObject) o).set(a[0], t(a[1]));
                    return null;
                })
                .raw("void Add(string propertyName, JToken value)", (f, o, a) -> {
                    charge(f, a[1]);
                    ((JObject) o).add((String) a[0], t(a[1]));
                    return null;
                })
                .method("bool Remove(string propertyName)", (o, n) -> ((JObject) o).remove((String) n))
                .method("JProperty Property(string name)", (o, n) -> ((JObject) o).property((String) n))
                .method("JProperty Property(string name, StringComparison comparison)", (o, n, c) -> property((JObject) o, (String) n, c))
                .method("IEnumerable<JProperty> Properties()", o -> ((JObject) o).properties())
                .method("IEnumerable<JToken> PropertyValues()", o -> ((JObject) o).properties().stream().map(JProperty::value).toList())
                .method("bool ContainsKey(string propertyName)", (o, n) -> ((JObject) o).containsKey((String) n))
                .method("bool TryGetValue(string propertyName, out JToken value)", (o, n, r) -> {
                    JToken v = ((JObject) o).getValue((String) n);
                    return Ref.set(r, v, v != null);
                })
                .method("JToken GetValue(string propertyName)", (o, n) -> ((JObject) o).getValue((String) n))
                .method("JToken GetValue(string propertyName, StringComparison comparison)", (o, n, c) -> {
                    JProperty p = property((JObject) o, (String) n, c);
                    return p == null ? null : p.value();
                })
                .method("void Merge(object content)", (o, c) -> {
                    merge((JObject) o, c);
                    return null;
                })
                .staticMethod("JObject Parse(string json)", s -> expect(JsonText.parse((String) s), JObject.class, "JObject"))
                .staticMethod("JObject FromObject(object o)", o -> expect(JsonValues.from(o).deepClone(), JObject.class, "JObject"));
    }

    private static JProperty property(JObject o, String name, Object comparison) {
        JProperty exact = o.property(name);
        if (exact != null || !Strings.ignoresCase(comparison)) {
            return exact;
        }
        for (JProperty p : o.properties()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        return null;
    }

    /** JObject.Merge with default settings: objects merge deeply, arrays concatenate, values replace. */
    private static void merge(JObject target, Object content) {
        if (!(content instanceof JObject source)) {
            return;
        }
        for (JProperty p : source.properties()) {
            JToken existing = target.getValue(p.name());
            if (existing instanceof JObject eo && p.value() instanceof JObject so) {
                merge(eo, so);
            } else if (existing instanceof JArray ea && p.value() instanceof JArray sa) {
                for (JToken item : sa) {
                    ea.add(item.deepClone());
                }
            } else if (!(p.value() instanceof JValue v && v.value() == null && existing != null)) {
                target.set(p.name(), p.value().deepClone());
            }
        }
    }

    static JToken expect(JToken t, Class<? extends JToken> type, String name) {
        if (!type.isInstance(t)) {
            throw DotNetException.of("Newtonsoft.Json.JsonReaderException", "Error reading " + name
                    + " from JsonReader. Current JsonReader item is not " + (name.equals("JArray") ? "an array" : "an object")
                    + ": " + (t.type() == 2 ? "StartArray" : t.type() == 1 ? "StartObject" : "String") + ". Path '', line 1, position 1.");
        }
        return t;
    }

    private void defineArray() {
        array.supertypes("JContainer")
                .ctor("()", JArray::new)
                .rawCtor("(params object[] content)", (f, x, args) -> {
                    JArray a = new JArray();
                    for (Object item : (Object[]) args[0]) {
                        charge(f, item);
                        a.add(item);
                    }
                    return a;
                })
                .rawIndexer("JToken this[int index]", (o, i) -> ((JArray) o).get((int) (Integer) i), (f, o, a) -> {
                    charge(f, a[1]);
                    ((JArray) o).set(a[0], t(a[1]));
                    return null;
                })
                .raw("void Insert(int index, JToken item)", (f, o, a) -> {
                    charge(f, a[1]);
                    ((JArray) o).insert((Integer) a[0], t(a[1]));
                    return null;
                })
                .method("bool Remove(JToken item)", (o, v) -> ((JArray) o).removeToken(t(v)))
                .method("void RemoveAt(int index)", (o, i) -> {
                    ((JArray) o).removeAt((Integer) i);
                    return null;
                })
                .method("int IndexOf(JToken item)", (o, v) -> ((JArray) o).indexOf(t(v)))
                .method("bool Contains(JToken item)", (o, v) -> ((JArray) o).indexOf(t(v)) >= 0)
                .method("void Clear()", o -> {
                    ((JArray) o).removeAll();
                    return null;
                })
                .staticMethod("JArray Parse(string json)", s -> expect(JsonText.parse((String) s), JArray.class, "JArray"))
                .staticMethod("JArray FromObject(object o)", o -> expect(JsonValues.from(o).deepClone(), JArray.class, "JArray"));
    }
}
