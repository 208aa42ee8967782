package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.runtime.DefaultValues;
import dev.breakwater.gateway.policy.expression.types.ArrayType;
import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.runtime.AnonymousObject;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Expr;
import dev.breakwater.gateway.policy.expression.types.MethodSymbol;
import dev.breakwater.gateway.policy.expression.types.NamedType;
import dev.breakwater.gateway.policy.expression.types.PropertySymbol;
import dev.breakwater.gateway.policy.expression.types.TypeDef;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code new}: objects of allowed types (with object and collection initializers), arrays
 * ({@code new T[n]}, {@code new T[] {…}}, {@code new[] {…}}) and anonymous objects.
 */
final class CreationBinder {

    private final Binder b;
    private final MemberBinder members;
    private int anonymousCount;

    CreationBinder(Binder binder, MemberBinder members) {
        this.b = binder;
        this.members = members;
    }

    Bound bind(Expr e) {
        if (e instanceof Expr.ObjectCreation o) {
            return object(o);
        }
        if (e instanceof Expr.ArrayCreation a) {
            return array(a);
        }
        return anonymous((Expr.AnonymousObject) e);
    }

    private Bound object(Expr.ObjectCreation o) {
        TypeSymbol type = b.expressions.type(o.type());
        if (!(type instanceof NamedType named) || named.def().kind() == TypeDef.Kind.INTERFACE
                || named.def().kind() == TypeDef.Kind.STATIC || named.def().kind() == TypeDef.Kind.DELEGATE) {
            throw new CompileError(o.position(), "cannot create an instance of '" + type.display() + "'");
        }
        List<MethodSymbol> constructors = Members.constructors(named);
        List<Expr.Argument> syntax = o.arguments() == null ? List.of() : o.arguments();
        Eval create;
        if (constructors.isEmpty()) {
            if (!syntax.isEmpty() || !type.isValueType()) {
                throw new CompileError(o.position(), "'" + type.display() + "' cannot be created with 'new' in policy expressions");
            }
            Object value = DefaultValues.of(type);
            create = f -> value;
        } else {
            List<Argument> args = Argument.bindAll(b, syntax);
            OverloadResolver.Resolved r = b.overloads.resolve(o.position(), "new " + type.display(), constructors, List.of(), args);
            create = members.callEval(null, false, r);
        }
        if (o.initializers() == null) {
            return Bound.value(o.position(), type, create);
        }
        int slot = b.slots.allocate();
        Expr.Name self = new Expr.Name(o.position(), "<new>", List.of());
        b.substitutions.put(self, Bound.value(o.position(), type, f -> f.locals[slot]));
        List<Eval> steps = new ArrayList<>();
        try {
            for (Expr.Initializer init : o.initializers()) {
                Expr step;
                if (init instanceof Expr.MemberInitializer m) {
                    step = new Expr.Assignment(m.position(), "=",
                            new Expr.MemberAccess(m.position(), self, m.name(), List.of(), false), m.value());
                } else if (init instanceof Expr.IndexInitializer x) {
                    step = new Expr.Assignment(x.position(), "=",
                            new Expr.ElementAccess(x.position(), self, x.arguments(), false), x.value());
                } else {
                    Expr.ElementInitializer el = (Expr.ElementInitializer) init;
                    List<Expr.Argument> args = el.values().stream()
                            .map(v -> new Expr.Argument(v.position(), null, null, v, null, null)).toList();
                    step = new Expr.Invocation(el.position(),
                            new Expr.MemberAccess(el.position(), self, "Add", List.of(), false), args);
                }
                steps.add(b.expressions.bindValue(step).eval);
            }
        } finally {
            b.substitutions.remove(self);
        }
        Eval[] all = steps.toArray(new Eval[0]);
        return Bound.value(o.position(), type, f -> {
            Object value = create.eval(f);
            f.locals[slot] = value;
            for (Eval step : all) {
                step.eval(f);
            }
            return value;
        });
    }

    private Bound array(Expr.ArrayCreation a) {
        TypeSymbol element;
        List<Bound> values = new ArrayList<>();
        if (a.elements() != null) {
            for (Expr e : a.elements()) {
                values.add(e instanceof Expr.Lambda l ? Bound.lambda(l) : b.expressions.bind(e));
            }
        }
        if (a.elementType() != null) {
            element = b.expressions.type(a.elementType());
        } else {
            element = bestType(a, values);
        }
        TypeSymbol arrayType = new ArrayType(element);
        if (a.elements() == null) {
            Eval size = b.converter.implicit(b.expressions.bindValue(a.size()), Types.INT).eval;
            return Bound.value(a.position(), arrayType, f -> ArrayValues.allocate(element, (Integer) size.eval(f), f));
        }
        if (a.size() != null) {
            Bound size = b.expressions.bindValue(a.size());
            if (!size.isConstant() || !Integer.valueOf(values.size()).equals(size.constant)) {
                throw new CompileError(a.position(), "the array size must be a constant equal to the number of elements");
            }
        }
        Eval[] evals = new Eval[values.size()];
        for (int i = 0; i < evals.length; i++) {
            evals[i] = b.converter.implicit(values.get(i), element).eval;
        }
        Eval create = ArrayValues.creator(element, evals);
        return Bound.value(a.position(), arrayType, f -> {
            f.checkSize(evals.length);
            return create.eval(f);
        });
    }

    private TypeSymbol bestType(Expr.ArrayCreation a, List<Bound> values) {
        for (Bound candidate : values) {
            if (!candidate.isValue() || candidate.isNullLiteral()) {
                continue;
            }
            boolean all = true;
            for (Bound v : values) {
                all &= b.converter.isImplicit(v, candidate.type);
            }
            if (all) {
                return candidate.type;
            }
        }
        throw new CompileError(a.position(), "no best type found for the implicitly-typed array");
    }

    private Bound anonymous(Expr.AnonymousObject a) {
        TypeDef def = new TypeDef("", "<anonymous type " + (++anonymousCount) + ">", null, TypeDef.Kind.CLASS,
                List.of(), AnonymousObject.class);
        String[] names = new String[a.members().size()];
        Eval[] values = new Eval[names.length];
        for (int i = 0; i < names.length; i++) {
            Expr.AnonymousMember m = a.members().get(i);
            Bound v = b.expressions.bindValue(m.value());
            if (Types.VOID.equals(v.type) || v.isNullLiteral()) {
                throw new CompileError(m.value().position(), "cannot assign '" + v.type.display() + "' to anonymous type property '" + m.name() + "'");
            }
            names[i] = m.name();
            values[i] = v.eval;
            int index = i;
            def.members().addProperty(new PropertySymbol(m.name(), v.type, false,
                    (f, t, args) -> ((AnonymousObject) t).values()[index], null, false, null));
        }
        def.freeze();
        return Bound.value(a.position(), def.type(), f -> {
            Object[] v = new Object[values.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = values[i].eval(f);
            }
            return new AnonymousObject(names, v);
        });
    }
}
