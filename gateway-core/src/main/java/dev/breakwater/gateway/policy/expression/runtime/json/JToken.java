package dev.breakwater.gateway.policy.expression.runtime.json;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.RuntimeTypes;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Newtonsoft's JToken: a node of a JSON tree that knows its parent, so that {@code Remove()},
 * {@code Replace()}, {@code Parent} and {@code Path} work as in Json.NET. A token added to a second
 * container is cloned, as Json.NET does.
 */
public abstract class JToken implements Iterable<JToken>, RuntimeTypes.DotNetTyped {

    JContainer parent;

    /** A {@link JTokenType} constant. */
    public abstract int type();

    public JContainer parent() {
        return parent;
    }

    public JToken root() {
        JToken t = this;
        while (t.parent != null) {
            t = t.parent;
        }
        return t;
    }

    /** The children (properties of an object, items of an array, the value of a property). */
    public List<JToken> children() {
        return Collections.emptyList();
    }

    @Override
    public Iterator<JToken> iterator() {
        return children().iterator();
    }

    public boolean hasValues() {
        return !children().isEmpty();
    }

    public abstract JToken deepClone();

    /** The number of tokens in this subtree (what copying it costs). */
    public int nodeCount() {
        int n = 1;
        for (JToken c : children()) {
            n += c.nodeCount();
        }
        return n;
    }

    /** {@code token[key]}: only containers have children. */
    public JToken get(Object key) {
        throw DotNetException.invalidOperation("Cannot access child value on " + dotNetTypeName() + ".");
    }

    public void set(Object key, JToken value) {
        throw DotNetException.invalidOperation("Cannot set child value on " + dotNetTypeName() + ".");
    }

    public JToken next() {
        if (parent == null) {
            return null;
        }
        List<JToken> siblings = parent.children();
        int i = indexIn(siblings);
        return i >= 0 && i + 1 < siblings.size() ? siblings.get(i + 1) : null;
    }

    public JToken previous() {
        if (parent == null) {
            return null;
        }
        List<JToken> siblings = parent.children();
        int i = indexIn(siblings);
        return i > 0 ? siblings.get(i - 1) : null;
    }

    private int indexIn(List<JToken> siblings) {
        for (int i = 0; i < siblings.size(); i++) {
            if (siblings.get(i) == this) {
                return i;
            }
        }
        return -1;
    }

    /** Removes this token from its parent. */
    public void remove() {
        if (parent == null) {
            throw DotNetException.invalidOperation("The parent is missing.");
        }
        parent.removeChild(this);
    }

    /** Replaces this token in its parent. */
    public void replace(JToken value) {
        if (parent == null) {
            throw DotNetException.invalidOperation("The parent is missing.");
        }
        parent.replaceChild(this, value);
    }

    /** The JSON path from the root, as Json.NET writes it ({@code a.b[0]}, {@code ['x y']}). */
    public String path() {
        StringBuilder b = new StringBuilder();
        pathInto(b);
        return b.toString();
    }

    void pathInto(StringBuilder b) {
        if (parent == null) {
            return;
        }
        if (parent instanceof JProperty p) {
            p.pathInto(b);
            return;
        }
        parent.pathInto(b);
        if (parent instanceof JArray a) {
            b.append('[').append(a.indexOf(this)).append(']');
        }
    }

    /** Indented JSON, as Json.NET's ToString() of a container (a JValue overrides this). */
    @Override
    public String toString() {
        return JsonText.write(this, true);
    }

    /** ToString(Formatting): JSON text for any token, a JValue included. */
    public String toJson(boolean indented) {
        return JsonText.write(this, indented);
    }

    @Override
    public String dotNetTypeName() {
        return "Newtonsoft.Json.Linq." + getClass().getSimpleName();
    }
}
