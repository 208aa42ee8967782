package dev.breakwater.gateway.policy.expression.runtime.json;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;

import java.util.List;

/** Newtonsoft's JProperty: a name and exactly one value. */
public final class JProperty extends JContainer {

    private final String name;
    private JToken value;

    public JProperty(String name, JToken value) {
        if (name == null) {
            throw DotNetException.argumentNull("name");
        }
        this.name = name;
        this.value = adopt(value);
    }

    public String name() {
        return name;
    }

    public JToken value() {
        return value;
    }

    public void setValue(JToken newValue) {
        if (value != null) {
            value.parent = null;
        }
        value = adopt(newValue);
    }

    @Override
    public int type() {
        return JTokenType.PROPERTY;
    }

    @Override
    public List<JToken> children() {
        return List.of(value);
    }

    @Override
    public void add(Object content) {
        throw DotNetException.argument("Newtonsoft.Json.Linq.JProperty cannot have multiple values.");
    }

    @Override
    void removeChild(JToken child) {
        throw DotNetException.invalidOperation("Cannot add or remove items from Newtonsoft.Json.Linq.JProperty.");
    }

    @Override
    void replaceChild(JToken child, JToken replacement) {
        setValue(replacement);
    }

    @Override
    public void removeAll() {
        throw DotNetException.invalidOperation("Cannot add or remove items from Newtonsoft.Json.Linq.JProperty.");
    }

    @Override
    void pathInto(StringBuilder b) {
        if (parent != null) {
            parent.pathInto(b);
        }
        boolean plain = !name.isEmpty() && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
        if (plain) {
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(name);
        } else {
            b.append("['").append(name.replace("'", "\\'")).append("']");
        }
    }

    @Override
    public JToken deepClone() {
        return new JProperty(name, value.deepClone());
    }
}
