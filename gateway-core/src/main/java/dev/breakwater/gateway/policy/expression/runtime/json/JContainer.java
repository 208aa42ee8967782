package dev.breakwater.gateway.policy.expression.runtime.json;

import java.util.ArrayList;
import java.util.List;

/** A token with children: JObject, JArray, JProperty. */
public abstract class JContainer extends JToken {

    /** Adopts {@code token} as a child, cloning it when it already belongs elsewhere (as Json.NET does). */
    JToken adopt(JToken token) {
        JToken t = token == null ? JValue.createNull() : token;
        if (t.parent != null || t == this) {
            t = t.deepClone();
        }
        t.parent = this;
        return t;
    }

    abstract void removeChild(JToken child);

    abstract void replaceChild(JToken child, JToken value);

    /** {@code Add(object)}: a value, a token, or every element of an enumerable. */
    public abstract void add(Object content);

    public int count() {
        return children().size();
    }

    /** All descendants, depth first. */
    public List<JToken> descendants() {
        List<JToken> all = new ArrayList<>();
        for (JToken c : children()) {
            all.add(c);
            if (c instanceof JContainer cc) {
                all.addAll(cc.descendants());
            }
        }
        return all;
    }

    public JToken first() {
        List<JToken> c = children();
        return c.isEmpty() ? null : c.get(0);
    }

    public JToken last() {
        List<JToken> c = children();
        return c.isEmpty() ? null : c.get(c.size() - 1);
    }

    public abstract void removeAll();
}
