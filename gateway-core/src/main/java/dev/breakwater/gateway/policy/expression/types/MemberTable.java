package dev.breakwater.gateway.policy.expression.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The members one type declares (not inherited ones): methods, properties, indexers, constructors, conversions. */
public final class MemberTable {

    private Map<String, List<MethodSymbol>> methods = new HashMap<>();
    private Map<String, PropertySymbol> properties = new HashMap<>();
    private List<IndexerSymbol> indexers = new ArrayList<>();
    private List<MethodSymbol> constructors = new ArrayList<>();
    private List<ConversionSymbol> conversions = new ArrayList<>();
    private boolean frozen;

    public List<MethodSymbol> methods(String name) {
        return methods.getOrDefault(name, List.of());
    }

    public PropertySymbol property(String name) {
        return properties.get(name);
    }

    public boolean hasMember(String name) {
        return methods.containsKey(name) || properties.containsKey(name);
    }

    public List<IndexerSymbol> indexers() {
        return indexers;
    }

    public List<MethodSymbol> constructors() {
        return constructors;
    }

    public List<ConversionSymbol> conversions() {
        return conversions;
    }

    public void addMethod(MethodSymbol m) {
        checkOpen();
        if (m.isConstructor()) {
            constructors.add(m);
        } else {
            methods.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
        }
    }

    public void addProperty(PropertySymbol p) {
        checkOpen();
        properties.put(p.name(), p);
    }

    public void addIndexer(IndexerSymbol i) {
        checkOpen();
        indexers.add(i);
    }

    public void addConversion(ConversionSymbol c) {
        checkOpen();
        conversions.add(c);
    }

    boolean frozen() {
        return frozen;
    }

    void freeze() {
        if (frozen) {
            return;
        }
        Map<String, List<MethodSymbol>> m = new HashMap<>();
        methods.forEach((k, v) -> m.put(k, List.copyOf(v)));
        methods = Collections.unmodifiableMap(m);
        properties = Collections.unmodifiableMap(properties);
        indexers = List.copyOf(indexers);
        constructors = List.copyOf(constructors);
        conversions = List.copyOf(conversions);
        frozen = true;
    }

    private void checkOpen() {
        if (frozen) {
            throw new IllegalStateException("member table is frozen");
        }
    }
}
