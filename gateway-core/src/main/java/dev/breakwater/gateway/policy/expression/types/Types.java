package dev.breakwater.gateway.policy.expression.types;

import java.math.BigDecimal;
import java.util.List;

/**
 * The definitions the binder itself needs (predefined types, Nullable, IEnumerable, Func…). Their members
 * are added by the library; after that they never change.
 */
public final class Types {

    private Types() {
    }

    public static final TypeDef OBJECT_DEF = def("System", "Object", "object", TypeDef.Kind.CLASS, Object.class);
    public static final TypeDef STRING_DEF = def("System", "String", "string", TypeDef.Kind.CLASS, String.class);
    public static final TypeDef BOOL_DEF = def("System", "Boolean", "bool", TypeDef.Kind.STRUCT, Boolean.class);
    public static final TypeDef CHAR_DEF = def("System", "Char", "char", TypeDef.Kind.STRUCT, Character.class);
    public static final TypeDef BYTE_DEF = def("System", "Byte", "byte", TypeDef.Kind.STRUCT, Byte.class);
    public static final TypeDef SHORT_DEF = def("System", "Int16", "short", TypeDef.Kind.STRUCT, Short.class);
    public static final TypeDef INT_DEF = def("System", "Int32", "int", TypeDef.Kind.STRUCT, Integer.class);
    public static final TypeDef LONG_DEF = def("System", "Int64", "long", TypeDef.Kind.STRUCT, Long.class);
    public static final TypeDef FLOAT_DEF = def("System", "Single", "float", TypeDef.Kind.STRUCT, Float.class);
    public static final TypeDef DOUBLE_DEF = def("System", "Double", "double", TypeDef.Kind.STRUCT, Double.class);
    public static final TypeDef DECIMAL_DEF = def("System", "Decimal", "decimal", TypeDef.Kind.STRUCT, BigDecimal.class);
    public static final TypeDef VOID_DEF = def("System", "Void", "void", TypeDef.Kind.STRUCT, null);

    public static final NamedType OBJECT = OBJECT_DEF.type();
    public static final NamedType STRING = STRING_DEF.type();
    public static final NamedType BOOL = BOOL_DEF.type();
    public static final NamedType CHAR = CHAR_DEF.type();
    public static final NamedType BYTE = BYTE_DEF.type();
    public static final NamedType SHORT = SHORT_DEF.type();
    public static final NamedType INT = INT_DEF.type();
    public static final NamedType LONG = LONG_DEF.type();
    public static final NamedType FLOAT = FLOAT_DEF.type();
    public static final NamedType DOUBLE = DOUBLE_DEF.type();
    public static final NamedType DECIMAL = DECIMAL_DEF.type();
    public static final NamedType VOID = VOID_DEF.type();

    public static final TypeDef NULLABLE = generic("System", "Nullable", TypeDef.Kind.STRUCT, null, "T");
    public static final TypeDef IENUMERABLE = generic("System.Collections.Generic", "IEnumerable",
            TypeDef.Kind.INTERFACE, null, "out T");
    public static final TypeDef FUNC0 = generic("System", "Func", TypeDef.Kind.DELEGATE, null, "out TResult");
    public static final TypeDef FUNC1 = generic("System", "Func", TypeDef.Kind.DELEGATE, null, "T", "out TResult");
    public static final TypeDef FUNC2 = generic("System", "Func", TypeDef.Kind.DELEGATE, null, "T1", "T2", "out TResult");
    public static final TypeDef FUNC3 = generic("System", "Func", TypeDef.Kind.DELEGATE, null, "T1", "T2", "T3",
            "out TResult");
    public static final TypeDef ACTION1 = generic("System", "Action", TypeDef.Kind.DELEGATE, null, "T");
    public static final TypeDef PREDICATE = generic("System", "Predicate", TypeDef.Kind.DELEGATE, null, "T");
    public static final TypeDef COMPARISON = generic("System", "Comparison", TypeDef.Kind.DELEGATE, null, "T");
    /** The members every array has (Length, the IList interfaces), as a generic definition over the element type. */
    public static final TypeDef ARRAY_OF = generic("System", "Array`1", TypeDef.Kind.CLASS, Object.class, "T");

    private static TypeDef def(String ns, String name, String keyword, TypeDef.Kind kind, Class<?> runtime) {
        return new TypeDef(ns, name, keyword, kind, List.of(), runtime);
    }

    private static TypeDef generic(String ns, String name, TypeDef.Kind kind, Class<?> runtime, String... params) {
        List<TypeParameter> ps = new java.util.ArrayList<>();
        for (String p : params) {
            boolean out = p.startsWith("out ");
            ps.add(new TypeParameter(out ? p.substring(4) : p, out));
        }
        return new TypeDef(ns, name, null, kind, ps, runtime);
    }

    public static boolean isNullable(TypeSymbol t) {
        return t instanceof NamedType n && n.def() == NULLABLE;
    }

    /** {@code T?} for a value type T; reference types are returned as they are. */
    public static TypeSymbol nullable(TypeSymbol t) {
        return t.isValueType() && !isNullable(t) ? NULLABLE.of(t) : t;
    }

    /** T for {@code T?}, else the type itself. */
    public static TypeSymbol underlying(TypeSymbol t) {
        return isNullable(t) ? ((NamedType) t).arguments().get(0) : t;
    }

    public static boolean isDelegate(TypeSymbol t) {
        return t instanceof NamedType n && n.def().kind() == TypeDef.Kind.DELEGATE;
    }

    /** A delegate type's parameter types. */
    public static List<TypeSymbol> delegateParameters(TypeSymbol t) {
        NamedType n = (NamedType) t;
        List<TypeSymbol> args = n.arguments();
        TypeDef d = n.def();
        if (d == ACTION1 || d == PREDICATE) {
            return args;
        }
        if (d == COMPARISON) {
            return List.of(args.get(0), args.get(0));
        }
        return args.subList(0, args.size() - 1);
    }

    /** A delegate type's return type ({@code void} for Action). */
    public static TypeSymbol delegateReturn(TypeSymbol t) {
        NamedType n = (NamedType) t;
        TypeDef d = n.def();
        if (d == ACTION1) {
            return VOID;
        }
        if (d == PREDICATE) {
            return BOOL;
        }
        if (d == COMPARISON) {
            return INT;
        }
        return n.arguments().get(n.arguments().size() - 1);
    }

    /** The Func definition for {@code arity} parameters. */
    public static TypeDef func(int arity) {
        return switch (arity) {
            case 0 -> FUNC0;
            case 1 -> FUNC1;
            case 2 -> FUNC2;
            case 3 -> FUNC3;
            default -> throw new IllegalArgumentException("Func with " + arity + " parameters");
        };
    }

    /** The .NET full name of a type, as cast failure messages print it ({@code System.String}). */
    public static String dotNetName(TypeSymbol t) {
        if (isNullable(t)) {
            return "System.Nullable`1[" + dotNetName(underlying(t)) + "]";
        }
        if (t instanceof NamedType n && n.arguments().isEmpty()) {
            return n.def().fullName();
        }
        if (t instanceof ArrayType a) {
            return dotNetName(a.element()) + "[]";
        }
        return t.display();
    }

    public static boolean isString(TypeSymbol t) {
        return STRING.equals(t);
    }

    public static boolean isBool(TypeSymbol t) {
        return BOOL.equals(t);
    }

    public static boolean isObject(TypeSymbol t) {
        return OBJECT.equals(t);
    }
}
