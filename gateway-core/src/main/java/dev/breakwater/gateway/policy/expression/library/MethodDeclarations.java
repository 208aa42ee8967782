package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.eval.Frame;
import dev.breakwater.gateway.policy.expression.eval.Invoker;
import dev.breakwater.gateway.policy.expression.syntax.SignatureReader;
import dev.breakwater.gateway.policy.expression.types.MethodSymbol;
import dev.breakwater.gateway.policy.expression.types.ParameterSymbol;
import dev.breakwater.gateway.policy.expression.types.TypeDef;
import dev.breakwater.gateway.policy.expression.types.TypeParameter;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Declares the members of one type as C# signatures next to their Java implementation, e.g.
 * {@code string.method("bool Contains(string value)", (s, v) -> …)}. A signature whose parameter count
 * does not match the lambda is a programming error, found when the library is built.
 */
/**
 * The method, constructor and operator half of {@link TypeBuilder}: C# signatures next to lambdas of
 * the matching arity, checked when the library is built.
 */
abstract class MethodDeclarations {

    final LibraryBuilder library;
    final TypeDef def;
    final Map<String, TypeParameter> scope = new HashMap<>();
    boolean reifiedNext;
    int priorityNext;
    java.util.function.Function<List<TypeSymbol>, String> checkNext;

    MethodDeclarations(LibraryBuilder library, TypeDef def) {
        this.library = library;
        this.def = def;
        for (TypeParameter p : def.typeParameters()) {
            scope.put(p.name(), p);
        }
    }

    abstract TypeBuilder self();

    /** The next method gets its generic type arguments (as TypeSymbols) after its ordinary arguments. */
    public TypeBuilder reified() {
        reifiedNext = true;
        return self();
    }

    /** The next method refuses type arguments for which {@code check} returns a reason. */
    public TypeBuilder typeArguments(java.util.function.Function<List<TypeSymbol>, String> check) {
        checkNext = check;
        return self();
    }

    /** The next method wins ties against equally good overloads with a lower priority. */
    public TypeBuilder priority(int priority) {
        priorityNext = priority;
        return self();
    }

    public TypeBuilder method(String decl, Fn.I0 fn) {
        return add(decl, false, 0, (f, t, a) -> fn.apply(t));
    }

    public TypeBuilder method(String decl, Fn.I1 fn) {
        return add(decl, false, 1, (f, t, a) -> fn.apply(t, a[0]));
    }

    public TypeBuilder method(String decl, Fn.I2 fn) {
        return add(decl, false, 2, (f, t, a) -> fn.apply(t, a[0], a[1]));
    }

    public TypeBuilder method(String decl, Fn.I3 fn) {
        return add(decl, false, 3, (f, t, a) -> fn.apply(t, a[0], a[1], a[2]));
    }

    public TypeBuilder staticMethod(String decl, Fn.S0 fn) {
        return add("static " + decl, false, 0, (f, t, a) -> fn.apply());
    }

    public TypeBuilder staticMethod(String decl, Fn.S1 fn) {
        return add("static " + decl, false, 1, (f, t, a) -> fn.apply(a[0]));
    }

    public TypeBuilder staticMethod(String decl, Fn.S2 fn) {
        return add("static " + decl, false, 2, (f, t, a) -> fn.apply(a[0], a[1]));
    }

    public TypeBuilder staticMethod(String decl, Fn.S3 fn) {
        return add("static " + decl, false, 3, (f, t, a) -> fn.apply(a[0], a[1], a[2]));
    }

    public TypeBuilder staticMethod(String decl, Fn.S4 fn) {
        return add("static " + decl, false, 4, (f, t, a) -> fn.apply(a[0], a[1], a[2], a[3]));
    }

    /** A method written against the raw invoker (frame, target, arguments); static when the declaration says so. */
    public TypeBuilder raw(String decl, Invoker invoker) {
        return add(decl, false, -1, invoker);
    }

    public TypeBuilder ctor(String params, Fn.S0 fn) {
        return add(params, true, 0, (f, t, a) -> fn.apply());
    }

    public TypeBuilder ctor(String params, Fn.S1 fn) {
        return add(params, true, 1, (f, t, a) -> fn.apply(a[0]));
    }

    public TypeBuilder ctor(String params, Fn.S2 fn) {
        return add(params, true, 2, (f, t, a) -> fn.apply(a[0], a[1]));
    }

    public TypeBuilder ctor(String params, Fn.S3 fn) {
        return add(params, true, 3, (f, t, a) -> fn.apply(a[0], a[1], a[2]));
    }

    public TypeBuilder rawCtor(String params, Invoker invoker) {
        return add(params, true, -1, invoker);
    }

    /** A user-defined operator, e.g. {@code "DateTime op_Addition(DateTime d, TimeSpan t)"}. */
    public TypeBuilder operator(String decl, Fn.S2 fn) {
        return add("static " + decl, false, 2, (f, t, a) -> fn.apply(a[0], a[1]));
    }

    public TypeBuilder operator(String decl, Fn.S1 fn) {
        return add("static " + decl, false, 1, (f, t, a) -> fn.apply(a[0]));
    }

    TypeBuilder add(String decl, boolean constructor, int arity, Invoker invoker) {
        SignatureReader.Declaration d = SignatureReader.read(decl);
        Map<String, TypeParameter> methodScope = new HashMap<>(scope);
        List<TypeParameter> typeParameters = new ArrayList<>();
        for (String name : d.typeParameters()) {
            TypeParameter p = new TypeParameter(name, false);
            typeParameters.add(p);
            methodScope.put(name, p);
        }
        List<ParameterSymbol> params = parameters(d, methodScope);
        boolean reified = reifiedNext;
        int expected = params.size() + (reified ? typeParameters.size() : 0);
        if (arity >= 0 && arity != expected) {
            throw new IllegalStateException(def.fullName() + ": '" + decl + "' has " + expected
                    + " parameters but its implementation takes " + arity);
        }
        boolean extension = !d.parameters().isEmpty() && "this".equals(d.parameters().get(0).modifier());
        TypeSymbol returns = constructor ? def.selfConstructed() : library.resolve(d.type(), methodScope);
        MethodSymbol m = new MethodSymbol(constructor ? ".ctor" : d.name(), def, d.isStatic() || extension || constructor,
                extension, typeParameters, params, returns, reified ? new Reified(invoker) : invoker, priorityNext, checkNext);
        def.members().addMethod(m);
        if (extension) {
            library.addExtension(m);
        }
        reifiedNext = false;
        priorityNext = 0;
        checkNext = null;
        return self();
    }

    List<ParameterSymbol> parameters(SignatureReader.Declaration d, Map<String, TypeParameter> s) {
        List<ParameterSymbol> params = new ArrayList<>();
        for (SignatureReader.Param p : d.parameters()) {
            String ref = "out".equals(p.modifier()) || "ref".equals(p.modifier()) ? p.modifier() : null;
            params.add(new ParameterSymbol(p.name(), library.resolve(p.type(), s), ref, p.hasDefault(),
                    p.defaultValue(), "params".equals(p.modifier())));
        }
        return params;
    }

    /** Marks an invoker that takes the method's type arguments after its arguments. */
    public record Reified(Invoker inner) implements Invoker {
        @Override
        public Object invoke(Frame frame, Object target, Object[] args) {
            return inner.invoke(frame, target, args);
        }
    }

    static boolean isVoid(TypeSymbol t) {
        return Types.VOID.equals(t);
    }
}
