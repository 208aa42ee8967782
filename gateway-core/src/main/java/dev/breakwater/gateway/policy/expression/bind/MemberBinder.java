package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.syntax.TypeSyntax;
import dev.breakwater.gateway.policy.expression.ExpressionUse;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.eval.Invoker;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Expr;
import dev.breakwater.gateway.policy.expression.types.ArrayType;
import dev.breakwater.gateway.policy.expression.types.IndexerSymbol;
import dev.breakwater.gateway.policy.expression.types.MethodSymbol;
import dev.breakwater.gateway.policy.expression.types.TypeDef;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.ArrayList;
import java.util.List;

/**
 * Member access, calls and indexers, including null-conditional chains: in {@code a?.B.C()} the whole
 * chain is skipped when {@code a} is null, as in C#.
 */
final class MemberBinder {

    private static final Object[] NO_ARGS = new Object[0];
    /** The declaring type shown for indexers in overload messages. */
    private static final TypeDef INDEXER = new TypeDef("", "this", null, TypeDef.Kind.STATIC, List.of(), null);

    private final Binder b;
    final CreationBinder creations;

    final CallBinder calls;
    private final ConditionalAccessBinder conditionals;

    MemberBinder(Binder binder) {
        this.b = binder;
        this.creations = new CreationBinder(binder, this);
        this.calls = new CallBinder(binder);
        this.conditionals = new ConditionalAccessBinder(binder);
    }

    /** The evaluator of a resolved call (see {@link CallBinder#callEval}). */
    Eval callEval(Bound receiver, boolean instance, OverloadResolver.Resolved r) {
        return calls.callEval(receiver, instance, r);
    }

    Bound bindCreation(Expr e) {
        return creations.bind(e);
    }

    Bound bindPostfix(Expr e) {
        Expr conditional = conditionals.innermostConditional(e);
        if (conditional != null) {
            return conditionals.conditionalChain(e, conditional);
        }
        if (e instanceof Expr.MemberAccess m) {
            return memberAccess(m);
        }
        if (e instanceof Expr.Invocation i) {
            return calls.invocation(i);
        }
        return elementAccess((Expr.ElementAccess) e);
    }

    private Bound memberAccess(Expr.MemberAccess m) {
        Bound target = b.expressions.bind(m.target());
        String name = m.name();
        switch (target.kind) {
            case NAMESPACE -> {
                return namespaceMember(target, m);
            }
            case TYPE -> {
                Members.PropertyHit hit = Members.property(target.type, name, true);
                if (hit != null) {
                    return staticProperty(m.position(), hit);
                }
                List<MethodSymbol> methods = Members.methods(target.type, name, true);
                if (!methods.isEmpty()) {
                    return Bound.methodGroup(m.position(), name, target, methods);
                }
                throw Members.notAMember(m.position(), name, target.type);
            }
            case VALUE -> {
                if (Types.VOID.equals(target.type)) {
                    throw new CompileError(m.position(), "'" + name + "': the expression before '.' has no value");
                }
                Members.PropertyHit hit = Members.property(target.type, name, false);
                if (hit != null) {
                    return instanceProperty(m.position(), target, hit);
                }
                if (!Members.methods(target.type, name, false).isEmpty() || !b.library.extensions(name).isEmpty()) {
                    return Bound.methodGroup(m.position(), name, target, List.of());
                }
                throw Members.notAMember(m.position(), name, target.type);
            }
            default -> throw new CompileError(m.position(), "'" + name + "' cannot be applied here");
        }
    }

    private Bound namespaceMember(Bound namespace, Expr.MemberAccess m) {
        String dotted = namespace.name + "." + m.name();
        int arity = m.typeArguments().size();
        TypeDef def = b.library.names().find(dotted, arity);
        if (def != null) {
            return Bound.type(m.position(), b.expressions.type(new TypeSyntax(
                    m.position(), dotted, m.typeArguments(), false, 0)));
        }
        String refusal = b.library.names().refusal(dotted);
        if (refusal != null) {
            throw new CompileError(m.position(), "'" + dotted + "' " + refusal);
        }
        return Bound.namespace(m.position(), dotted);
    }

    private Bound staticProperty(int position, Members.PropertyHit hit) {
        var p = hit.property();
        if (p.isConstant()) {
            return Bound.constant(position, p.type(), p.constantValue());
        }
        Invoker get = p.getter();
        return Bound.value(position, p.type(), f -> get.invoke(f, null, NO_ARGS));
    }

    private Bound instanceProperty(int position, Bound target, Members.PropertyHit hit) {
        var p = hit.property();
        noteUse(hit.owner(), p.name(), target);
        Invoker get = p.getter();
        Eval t = target.eval;
        boolean nullable = Types.isNullable(target.type);
        Eval read = f -> {
            Object self = t.eval(f);
            if (self == null && !nullable) {
                throw DotNetException.nullReference();
            }
            f.charge(self);
            return get.invoke(f, self, NO_ARGS);
        };
        if (p.setter() == null) {
            return Bound.value(position, p.type(), read);
        }
        Invoker set = p.setter();
        LValue lvalue = new LValue() {
            @Override
            public TypeSymbol type() {
                return p.type();
            }

            @Override
            public Eval assign(Update update, boolean readFirst, boolean yieldOld) {
                return f -> {
                    Object self = t.eval(f);
                    if (self == null) {
                        throw DotNetException.nullReference();
                    }
                    Object old = readFirst ? get.invoke(f, self, NO_ARGS) : null;
                    Object value = update.apply(f, old);
                    set.invoke(f, self, new Object[] {value});
                    return yieldOld ? old : value;
                };
            }
        };
        return Bound.variable(position, p.type(), read, lvalue);
    }

    /** Records that a body is read, so that the engine buffers it. */
    private void noteUse(TypeDef owner, String property, Bound target) {
        if (!property.equals("Body")) {
            return;
        }
        if (owner.name().equals("IRequest")) {
            b.uses.add(ExpressionUse.REQUEST_BODY);
        } else if (owner.name().equals("IResponse") && !target.fromCast) {
            b.uses.add(ExpressionUse.RESPONSE_BODY);
        }
    }

    private Bound elementAccess(Expr.ElementAccess x) {
        Bound target = b.expressions.bindValue(x.target());
        if (target.type instanceof ArrayType array) {
            return arrayElement(x, target, array);
        }
        List<IndexerSymbol> indexers = Members.indexers(target.type);
        if (indexers.isEmpty()) {
            throw new CompileError(x.position(), "cannot apply indexing with [] to a value of type '" + target.type.display() + "'");
        }
        List<MethodSymbol> asMethods = new ArrayList<>();
        for (IndexerSymbol i : indexers) {
            asMethods.add(new MethodSymbol("this[]", INDEXER, false, false, List.of(), i.parameters(), i.type(), i.getter(), 0));
        }
        List<Argument> args = Argument.bindAll(b, x.arguments());
        OverloadResolver.Resolved r = b.overloads.resolve(x.position(), target.type.display() + "[]", asMethods, List.of(), args);
        IndexerSymbol chosen = indexers.get(indexOfSame(asMethods, r.method()));
        Eval read = calls.callEval(target, true, r);
        if (chosen.setter() == null) {
            return Bound.value(x.position(), r.returnType(), read);
        }
        return Bound.variable(x.position(), r.returnType(), read, IndexerLValue.of(target.eval, r.arguments(),
                chosen.getter(), chosen.setter(), r.returnType()));
    }

    private static int indexOfSame(List<MethodSymbol> methods, MethodSymbol chosen) {
        for (int i = 0; i < methods.size(); i++) {
            if (methods.get(i) == chosen) {
                return i;
            }
        }
        throw new IllegalStateException("indexer not found");
    }

    private Bound arrayElement(Expr.ElementAccess x, Bound target, ArrayType array) {
        if (x.arguments().size() != 1 || x.arguments().get(0).name() != null || x.arguments().get(0).refKind() != null) {
            throw new CompileError(x.position(), "an array takes one index");
        }
        Bound index = b.expressions.bindValue(x.arguments().get(0).value());
        Eval i = (Types.LONG.equals(index.type) ? b.converter.explicit(index, Types.INT, index.position)
                : b.converter.implicit(index, Types.INT)).eval;
        Eval t = target.eval;
        Eval read = f -> ArrayLValue.get(t.eval(f), (Integer) i.eval(f));
        return Bound.variable(x.position(), array.element(), read, new ArrayLValue(array.element(), t, i));
    }
}
