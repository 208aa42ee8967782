package dev.breakwater.gateway.policy.expression.types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every type an expression may name, by full name ({@code System.Text.RegularExpressions.Regex}) and by
 * simple name ({@code Regex}; APIM imports all the allowed namespaces), with generic arity; plus the
 * names that are known but refused, with the reason.
 */
public final class TypeNames {

    private static final Map<String, TypeDef> KEYWORDS = Map.ofEntries(
            Map.entry("object", Types.OBJECT_DEF), Map.entry("string", Types.STRING_DEF),
            Map.entry("bool", Types.BOOL_DEF), Map.entry("char", Types.CHAR_DEF), Map.entry("byte", Types.BYTE_DEF),
            Map.entry("short", Types.SHORT_DEF), Map.entry("int", Types.INT_DEF), Map.entry("long", Types.LONG_DEF),
            Map.entry("float", Types.FLOAT_DEF), Map.entry("double", Types.DOUBLE_DEF),
            Map.entry("decimal", Types.DECIMAL_DEF), Map.entry("void", Types.VOID_DEF));

    private final Map<String, TypeDef> byFullName = new HashMap<>();
    private final Map<String, List<TypeDef>> bySimpleName = new HashMap<>();
    private final Set<String> namespaces = new HashSet<>();
    private final Map<String, String> refused = new HashMap<>();

    public void register(TypeDef def) {
        String key = key(def.fullName(), def.typeParameters().size());
        if (byFullName.putIfAbsent(key, def) != null) {
            throw new IllegalStateException("type registered twice: " + key);
        }
        bySimpleName.computeIfAbsent(def.name(), k -> new ArrayList<>()).add(def);
        String ns = def.namespace();
        while (!ns.isEmpty()) {
            namespaces.add(ns);
            int dot = ns.lastIndexOf('.');
            ns = dot < 0 ? "" : ns.substring(0, dot);
        }
    }

    /** A name that exists in .NET but not here, with why (e.g. "is not supported yet"). */
    public void refuse(String name, String reason) {
        refused.put(name, reason);
    }

    /** The definition for a keyword, simple or full name with {@code arity} type arguments, or null. */
    public TypeDef find(String name, int arity) {
        if (arity == 0 && KEYWORDS.containsKey(name)) {
            return KEYWORDS.get(name);
        }
        TypeDef def = byFullName.get(key(name, arity));
        if (def != null) {
            return def;
        }
        for (TypeDef d : bySimpleName.getOrDefault(name, List.of())) {
            if (d.typeParameters().size() == arity) {
                return d;
            }
        }
        return null;
    }

    /** True when some type has this simple name (whatever its arity). */
    public boolean hasSimpleName(String name) {
        return bySimpleName.containsKey(name) || KEYWORDS.containsKey(name);
    }

    public boolean isNamespace(String dotted) {
        return namespaces.contains(dotted);
    }

    /** Why a name is refused, or null when it is not a known refused name. */
    public String refusal(String name) {
        String reason = refused.get(name);
        if (reason == null) {
            int dot = name.lastIndexOf('.');
            reason = dot < 0 ? null : refused.get(name.substring(dot + 1));
        }
        return reason;
    }

    public static boolean isKeyword(String name) {
        return KEYWORDS.containsKey(name);
    }

    private static String key(String fullName, int arity) {
        return arity == 0 ? fullName : fullName + "`" + arity;
    }
}
