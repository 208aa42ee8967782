package dev.breakwater.gateway.policy.expression.runtime.json;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Enumerables;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Newtonsoft's JObject: properties in insertion order; a missing property reads as null. */
public final class JObject extends JContainer {

    private final LinkedHashMap<String, JProperty> properties = new LinkedHashMap<>();

    @Override
    public int type() {
        return JTokenType.OBJECT;
    }

    @Override
    public List<JToken> children() {
        return new ArrayList<>(properties.values());
    }

    public List<JProperty> properties() {
        return new ArrayList<>(properties.values());
    }

    public JProperty property(String name) {
        return properties.get(name);
    }

    public boolean containsKey(String name) {
        return properties.containsKey(name);
    }

    /** The value of property {@code name}, or null when there is none. */
    public JToken getValue(String name) {
        JProperty p = properties.get(name);
        return p == null ? null : p.value();
    }

    @Override
    public JToken get(Object key) {
        if (!(key instanceof String name)) {
            throw DotNetException.argument("Accessed JObject values with invalid key value: " + key + ". Object property name expected.");
        }
        return getValue(name);
    }

    @Override
    public void set(Object key, JToken value) {
        if (!(key instanceof String name)) {
            throw DotNetException.argument("Set JObject values with invalid key value: " + key + ". Object property name expected.");
        }
        JProperty p = properties.get(name);
        if (p != null) {
            p.setValue(value);
        } else {
            addProperty(new JProperty(name, value));
        }
    }

    /** {@code Add(name, value)}: fails when the property exists. */
    public void add(String name, JToken value) {
        addProperty(new JProperty(name, value));
    }

    private void addProperty(JProperty p) {
        if (properties.containsKey(p.name())) {
            throw DotNetException.argument("Can not add property " + p.name()
                    + " to Newtonsoft.Json.Linq.JObject. Property with the same name already exists on object.");
        }
        JProperty adopted = (JProperty) adopt(p);
        properties.put(adopted.name(), adopted);
    }

    /** Parsing: a later duplicate replaces the earlier property, as Json.NET's default does. */
    void putParsed(String name, JToken value) {
        JProperty p = properties.get(name);
        if (p != null) {
            p.setValue(value);
        } else {
            addProperty(new JProperty(name, value));
        }
    }

    @Override
    public void add(Object content) {
        if (content instanceof JProperty p) {
            addProperty(p);
            return;
        }
        if (content instanceof JObject o) {
            for (JProperty p : o.properties()) {
                addProperty(p);
            }
            return;
        }
        if (content != null && !(content instanceof JToken) && !(content instanceof String) && Enumerables.isEnumerable(content)) {
            for (Iterator<?> it = Enumerables.iterate(content); it.hasNext(); ) {
                add(it.next());
            }
            return;
        }
        String what = content instanceof JToken t ? t.dotNetTypeName() : "Newtonsoft.Json.Linq.JValue";
        throw DotNetException.argument("Can not add " + what + " to Newtonsoft.Json.Linq.JObject.");
    }

    public boolean remove(String name) {
        JProperty p = properties.remove(name);
        if (p != null) {
            p.parent = null;
        }
        return p != null;
    }

    @Override
    void removeChild(JToken child) {
        if (child instanceof JProperty p && properties.get(p.name()) == p) {
            remove(p.name());
        }
    }

    @Override
    void replaceChild(JToken child, JToken value) {
        if (!(child instanceof JProperty old) || !(value instanceof JProperty replacement)) {
            throw DotNetException.argument("Can not add " + (value == null ? "null" : value.dotNetTypeName()) + " to Newtonsoft.Json.Linq.JObject.");
        }
        LinkedHashMap<String, JProperty> copy = new LinkedHashMap<>(properties);
        properties.clear();
        for (Map.Entry<String, JProperty> e : copy.entrySet()) {
            if (e.getValue() == old) {
                old.parent = null;
                JProperty adopted = (JProperty) adopt(replacement);
                properties.put(adopted.name(), adopted);
            } else {
                properties.put(e.getKey(), e.getValue());
            }
        }
    }

    @Override
    public void removeAll() {
        for (JProperty p : properties.values()) {
            p.parent = null;
        }
        properties.clear();
    }

    /** The object as {@code IEnumerable<KeyValuePair<string, JToken>>} (its GetEnumerator in C#). */
    public List<Map.Entry<Object, Object>> pairs() {
        List<Map.Entry<Object, Object>> list = new ArrayList<>();
        for (JProperty p : properties.values()) {
            list.add(new AbstractMap.SimpleImmutableEntry<>(p.name(), p.value()));
        }
        return list;
    }

    @Override
    public JToken deepClone() {
        JObject copy = new JObject();
        for (JProperty p : properties.values()) {
            copy.addProperty((JProperty) p.deepClone());
        }
        return copy;
    }
}
