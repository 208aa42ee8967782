package dev.breakwater.gateway.policy.expression.types;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The definition of a .NET type an expression may use: its name, type parameters, supertypes, the Java
 * class of its run-time values and its members. Built once by the library, then frozen.
 */
public final class TypeDef {

    public enum Kind { CLASS, STRUCT, INTERFACE, ENUM, DELEGATE, STATIC }

    private final String namespace;
    private final String name;
    private final String keyword;
    private final Kind kind;
    private final List<TypeParameter> typeParameters;
    private final Class<?> runtimeClass;
    private final MemberTable members = new MemberTable();
    private Predicate<Object> instanceTest;
    private List<TypeSymbol> supertypes = List.of();
    private boolean flags;
    private NamedType self;
    private final List<String> enumMembers = new ArrayList<>();
    private Object defaultValue;

    public TypeDef(String namespace, String name, String keyword, Kind kind, List<TypeParameter> typeParameters,
                   Class<?> runtimeClass) {
        this.namespace = namespace;
        this.name = name;
        this.keyword = keyword;
        this.kind = kind;
        this.typeParameters = List.copyOf(typeParameters);
        this.runtimeClass = runtimeClass;
        this.instanceTest = runtimeClass == null ? v -> false : runtimeClass::isInstance;
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    public String fullName() {
        return namespace.isEmpty() ? name : namespace + "." + name;
    }

    /** The C# keyword for predefined types ({@code int}), else the simple name. */
    public String displayName() {
        return keyword != null ? keyword : name;
    }

    public Kind kind() {
        return kind;
    }

    public List<TypeParameter> typeParameters() {
        return typeParameters;
    }

    /** The Java class of run-time values, or null when the type has no instances of its own (static classes). */
    public Class<?> runtimeClass() {
        return runtimeClass;
    }

    public boolean isInstance(Object value) {
        return instanceTest.test(value);
    }

    public MemberTable members() {
        return members;
    }

    /** Base class and interfaces, written with this definition's type parameters. */
    public List<TypeSymbol> supertypes() {
        return supertypes;
    }

    /** A [Flags] enum: its values combine with {@code |} and print as "A, B". */
    public boolean isFlags() {
        return flags;
    }

    /** {@code default(T)} for a struct the library defines (DateTime, TimeSpan, Guid…); null otherwise. */
    public Object defaultValue() {
        return defaultValue;
    }

    public void setDefaultValue(Object value) {
        checkOpen();
        this.defaultValue = value;
    }

    /** An enum's member names in declaration order. */
    public List<String> enumMemberNames() {
        return enumMembers;
    }

    public void addEnumMemberName(String name) {
        checkOpen();
        enumMembers.add(name);
    }

    /** The type itself, for a non-generic definition. */
    public NamedType type() {
        if (self == null) {
            self = new NamedType(this, List.of());
        }
        return self;
    }

    /** This generic definition constructed with {@code arguments}. */
    public NamedType of(TypeSymbol... arguments) {
        return new NamedType(this, List.of(arguments));
    }

    /** The definition constructed with its own type parameters (for member signatures). */
    public NamedType selfConstructed() {
        return new NamedType(this, new ArrayList<>(typeParameters));
    }

    // Building, used by the library before freezing.

    public void setSupertypes(List<TypeSymbol> supertypes) {
        checkOpen();
        this.supertypes = List.copyOf(supertypes);
    }

    public void setInstanceTest(Predicate<Object> test) {
        checkOpen();
        this.instanceTest = test;
    }

    public void setFlags(boolean flags) {
        checkOpen();
        this.flags = flags;
    }

    public void freeze() {
        members.freeze();
    }

    private void checkOpen() {
        if (members.frozen()) {
            throw new IllegalStateException(fullName() + " is frozen");
        }
    }

    @Override
    public String toString() {
        return fullName();
    }
}
