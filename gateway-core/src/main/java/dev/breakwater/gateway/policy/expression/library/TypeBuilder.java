package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.runtime.EnumValue;
import dev.breakwater.gateway.policy.expression.eval.Invoker;
import dev.breakwater.gateway.policy.expression.syntax.SignatureReader;
import dev.breakwater.gateway.policy.expression.types.ConversionSymbol;
import dev.breakwater.gateway.policy.expression.types.IndexerSymbol;
import dev.breakwater.gateway.policy.expression.types.NamedType;
import dev.breakwater.gateway.policy.expression.types.PropertySymbol;
import dev.breakwater.gateway.policy.expression.types.TypeDef;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Declares the members of one type as C# signatures next to their Java implementation, e.g.
 * {@code string.method("bool Contains(string value)", (s, v) -> …)}. A signature whose parameter count
 * does not match the lambda is a programming error, found when the library is built.
 */
public final class TypeBuilder extends MethodDeclarations {

    TypeBuilder(LibraryBuilder library, TypeDef def) {
        super(library, def);
    }

    @Override
    TypeBuilder self() {
        return this;
    }

    public TypeDef def() {
        return def;
    }

    /** The type, for non-generic definitions. */
    public NamedType type() {
        return def.type();
    }

    /** A type written in the library's signature language, with this type's parameters in scope. */
    public TypeSymbol resolve(String type) {
        return library.resolve(type, scope);
    }

    public TypeBuilder supertypes(String... types) {
        List<TypeSymbol> list = new ArrayList<>();
        for (String t : types) {
            list.add(library.resolve(t, scope));
        }
        def.setSupertypes(list);
        return this;
    }

    public TypeBuilder instanceTest(Predicate<Object> test) {
        def.setInstanceTest(test);
        return this;
    }

    public TypeBuilder flags() {
        def.setFlags(true);
        return this;
    }

    // Properties.

    public TypeBuilder prop(String decl, Fn.I0 get) {
        return property(decl, (f, t, a) -> get.apply(t), null);
    }

    public TypeBuilder prop(String decl, Fn.I0 get, Fn.I1 set) {
        return property(decl, (f, t, a) -> get.apply(t), (f, t, a) -> set.apply(t, a[0]));
    }

    public TypeBuilder staticProp(String decl, Fn.S0 get) {
        return property("static " + decl, (f, t, a) -> get.apply(), null);
    }

    /** A property whose getter needs the evaluation frame (the clock, the budget). */
    public TypeBuilder rawProp(String decl, Invoker get) {
        return property(decl, get, null);
    }

    public TypeBuilder constant(String decl, Object value) {
        SignatureReader.Declaration d = SignatureReader.read("static " + decl);
        def.members().addProperty(new PropertySymbol(d.name(), library.resolve(d.type(), scope), true,
                (f, t, a) -> value, null, true, value));
        return this;
    }

    private TypeBuilder property(String decl, Invoker get, Invoker set) {
        SignatureReader.Declaration d = SignatureReader.read(decl);
        if (d.parameters() != null) {
            throw new IllegalStateException("not a property: " + decl);
        }
        def.members().addProperty(new PropertySymbol(d.name(), library.resolve(d.type(), scope), d.isStatic(),
                get, set, false, null));
        return this;
    }

    // Methods.

    public TypeBuilder indexer(String decl, Fn.I1 get) {
        return indexer(decl, get, null);
    }

    public TypeBuilder indexer(String decl, Fn.I1 get, Fn.I2 set) {
        SignatureReader.Declaration d = SignatureReader.read(decl);
        def.members().addIndexer(new IndexerSymbol(parameters(d, scope), library.resolve(d.type(), scope),
                (f, t, a) -> get.apply(t, a[0]), set == null ? null : (f, t, a) -> set.apply(t, a[0], a[1])));
        return this;
    }

    /** An indexer whose setter needs the frame (to charge the budget); it gets the key then the value. */
    public TypeBuilder rawIndexer(String decl, Fn.I1 get, Invoker set) {
        SignatureReader.Declaration d = SignatureReader.read(decl);
        def.members().addIndexer(new IndexerSymbol(parameters(d, scope), library.resolve(d.type(), scope),
                (f, t, a) -> get.apply(t, a[0]), set));
        return this;
    }

    public TypeBuilder implicitFrom(String type, UnaryOperator<Object> convert) {
        def.members().addConversion(new ConversionSymbol(library.resolve(type, scope), def.type(), true, convert));
        return this;
    }

    public TypeBuilder explicitTo(String type, UnaryOperator<Object> convert) {
        def.members().addConversion(new ConversionSymbol(def.type(), library.resolve(type, scope), false, convert));
        return this;
    }

    public TypeBuilder explicitFrom(String type, UnaryOperator<Object> convert) {
        def.members().addConversion(new ConversionSymbol(library.resolve(type, scope), def.type(), false, convert));
        return this;
    }

    /** An enum member; the value at run time is an {@link EnumValue}. */
    public TypeBuilder enumMember(String name, long value) {
        Object v = new EnumValue(def, value);
        def.members().addProperty(new PropertySymbol(name, def.type(), true, (f, t, a) -> v, null, true, v));
        def.addEnumMemberName(name);
        return this;
    }

}