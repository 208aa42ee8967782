package dev.breakwater.gateway.policy.runtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The headers of a message as policies see and edit them: name and value pairs in order, names
 * compared ignoring case, a name that occurs twice keeping both values. The gateway's own type,
 * so that policies and expressions do not depend on the HTTP library; the proxy converts at the
 * edges. Not thread-safe: one request uses it at a time.
 */
public final class Headers {

    private final List<String> names;
    private final List<String> values;

    public Headers() {
        this(8);
    }

    public Headers(int capacity) {
        names = new ArrayList<>(capacity);
        values = new ArrayList<>(capacity);
    }

    /** Adds a value, after any the name already has. */
    public Headers add(String name, String value) {
        names.add(name);
        values.add(value);
        return this;
    }

    /** Replaces every value of the name with this one. */
    public Headers set(String name, String value) {
        remove(name);
        return add(name, value);
    }

    /** Removes every value of the name; true when there was one. */
    public boolean remove(String name) {
        boolean removed = false;
        for (int i = names.size() - 1; i >= 0; i--) {
            if (names.get(i).equalsIgnoreCase(name)) {
                names.remove(i);
                values.remove(i);
                removed = true;
            }
        }
        return removed;
    }

    public boolean contains(String name) {
        for (String present : names) {
            if (present.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The first value of the name, or {@code null}. */
    public String first(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return values.get(i);
            }
        }
        return null;
    }

    /** Every value of the name, in order; empty when absent. */
    public List<String> all(String name) {
        List<String> found = new ArrayList<>(2);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                found.add(values.get(i));
            }
        }
        return found;
    }

    /** The distinct names, in the case first seen, in order. */
    public Set<String> names() {
        Set<String> distinct = new LinkedHashSet<>();
        for (String name : names) {
            if (distinct.stream().noneMatch(seen -> seen.equalsIgnoreCase(name))) {
                distinct.add(name);
            }
        }
        return distinct;
    }

    public int size() {
        return names.size();
    }

    /** The name of the i-th pair. */
    public String name(int i) {
        return names.get(i);
    }

    /** The value of the i-th pair. */
    public String value(int i) {
        return values.get(i);
    }

    /** A copy. */
    public Headers copy() {
        Headers copy = new Headers(names.size() + 4);
        copy.names.addAll(names);
        copy.values.addAll(values);
        return copy;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            text.append(names.get(i)).append(": ").append(values.get(i)).append('\n');
        }
        return text.toString();
    }
}
