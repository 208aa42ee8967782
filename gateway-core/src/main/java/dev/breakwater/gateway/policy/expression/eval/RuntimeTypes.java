package dev.breakwater.gateway.policy.expression.eval;

import java.math.BigDecimal;
import java.util.Map;

/** The .NET type name of a run-time value, for messages such as "Unable to cast object of type …". */
public final class RuntimeTypes {

    private static final Map<Class<?>, String> NAMES = Map.ofEntries(
            Map.entry(String.class, "System.String"), Map.entry(Integer.class, "System.Int32"),
            Map.entry(Long.class, "System.Int64"), Map.entry(Double.class, "System.Double"),
            Map.entry(Float.class, "System.Single"), Map.entry(BigDecimal.class, "System.Decimal"),
            Map.entry(Boolean.class, "System.Boolean"), Map.entry(Character.class, "System.Char"),
            Map.entry(Byte.class, "System.Byte"), Map.entry(Short.class, "System.Int16"),
            Map.entry(byte[].class, "System.Byte[]"), Map.entry(String[].class, "System.String[]"),
            Map.entry(java.util.UUID.class, "System.Guid"));

    private RuntimeTypes() {
    }

    public static String nameOf(Object value) {
        if (value == null) {
            return "null";
        }
        String n = NAMES.get(value.getClass());
        if (n != null) {
            return n;
        }
        if (value instanceof DotNetTyped t) {
            return t.dotNetTypeName();
        }
        if (value instanceof java.util.List) {
            return "System.Collections.Generic.List`1";
        }
        if (value instanceof java.util.Map) {
            return "System.Collections.Generic.Dictionary`2";
        }
        if (value instanceof Object[] array) {
            String element = NAMES.get(array.getClass().getComponentType());
            return (element == null ? "System.Object" : element) + "[]";
        }
        return value.getClass().getSimpleName();
    }

    /** Implemented by run-time classes that stand for a .NET type. */
    public interface DotNetTyped {
        String dotNetTypeName();
    }
}
