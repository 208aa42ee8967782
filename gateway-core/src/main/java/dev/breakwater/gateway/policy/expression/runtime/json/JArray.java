package dev.breakwater.gateway.policy.expression.runtime.json;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Enumerables;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** Newtonsoft's JArray. */
public final class JArray extends JContainer {

    private final List<JToken> items = new ArrayList<>();

    @Override
    public int type() {
        return JTokenType.ARRAY;
    }

    @Override
    public List<JToken> children() {
        return Collections.unmodifiableList(items);
    }

    @Override
    public Iterator<JToken> iterator() {
        return items.iterator();
    }

    public JToken get(int index) {
        if (index < 0 || index >= items.size()) {
            throw DotNetException.outOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
        }
        return items.get(index);
    }

    @Override
    public JToken get(Object key) {
        if (!(key instanceof Integer i)) {
            throw DotNetException.argument("Accessed JArray values with invalid key value: \"" + key + "\". Int32 array index expected.");
        }
        return get((int) i);
    }

    @Override
    public void set(Object key, JToken value) {
        if (!(key instanceof Integer i)) {
            throw DotNetException.argument("Set JArray values with invalid key value: \"" + key + "\". Int32 array index expected.");
        }
        get((int) i).parent = null;
        items.set(i, adopt(value));
    }

    /** {@code Add(object)}: a token or value, or each element of a (non-string) enumerable. */
    @Override
    public void add(Object content) {
        if (content != null && !(content instanceof JToken) && !(content instanceof String) && !(content instanceof byte[])
                && !(content instanceof java.util.Map) && Enumerables.isEnumerable(content)) {
            for (Iterator<?> it = Enumerables.iterate(content); it.hasNext(); ) {
                add(it.next());
            }
            return;
        }
        items.add(adopt(JsonValues.from(content)));
    }

    public void insert(int index, JToken value) {
        if (index < 0 || index > items.size()) {
            throw DotNetException.outOfRange("index", "Index must be within the bounds of the List.");
        }
        items.add(index, adopt(value));
    }

    public void removeAt(int index) {
        get(index).parent = null;
        items.remove(index);
    }

    public int indexOf(JToken token) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == token) {
                return i;
            }
        }
        return -1;
    }

    public boolean removeToken(JToken token) {
        int i = indexOf(token);
        if (i < 0) {
            return false;
        }
        removeAt(i);
        return true;
    }

    @Override
    void removeChild(JToken child) {
        removeToken(child);
    }

    @Override
    void replaceChild(JToken child, JToken value) {
        int i = indexOf(child);
        if (i >= 0) {
            child.parent = null;
            items.set(i, adopt(value));
        }
    }

    @Override
    public void removeAll() {
        for (JToken t : items) {
            t.parent = null;
        }
        items.clear();
    }

    @Override
    public JToken deepClone() {
        JArray copy = new JArray();
        for (JToken t : items) {
            copy.items.add(copy.adopt(t.deepClone()));
        }
        return copy;
    }
}
