package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.ExpressionUse;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.eval.Invoker;
import dev.breakwater.gateway.policy.expression.eval.Ref;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Expr;
import dev.breakwater.gateway.policy.expression.types.ArrayType;
import dev.breakwater.gateway.policy.expression.types.IndexerSymbol;
import dev.breakwater.gateway.policy.expression.types.MethodSymbol;
import dev.breakwater.gateway.policy.expression.types.ParameterSymbol;
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

    MemberBinder(Binder binder) {
        this.b = binder;
        this.creations = new CreationBinder(binder, this);
    }

    Bound bindCreation(Expr e) {
        return creations.bind(e);
    }

    Bound bindPostfix(Expr e) {
        Expr conditional = innermostConditional(e);
        if (conditional != null) {
            return conditionalChain(e, conditional);
        }
        if (e instanceof Expr.MemberAccess m) {
            return memberAccess(m);
        }
        if (e instanceof Expr.Invocation i) {
            return invocation(i);
        }
        return elementAccess((Expr.ElementAccess) e);
    }

    private Expr innermostConditional(Expr e) {
        Expr found = null;
        for (Expr node = e; node != null; node = target(node)) {
            if (b.substitutions.containsKey(node)) {
                break;
            }
            boolean conditional = node instanceof Expr.MemberAccess m && m.conditional()
                    || node instanceof Expr.ElementAccess x && x.conditional();
            if (conditional && !b.plainAccess.contains(node)) {
                found = node;
            }
        }
        return found;
    }

    private static Expr target(Expr node) {
        if (node instanceof Expr.MemberAccess m) {
            return m.target();
        }
        if (node instanceof Expr.Invocation i) {
            return i.target();
        }
        if (node instanceof Expr.ElementAccess x) {
            return x.target();
        }
        return null;
    }

    private Bound conditionalChain(Expr whole, Expr conditional) {
        Expr receiverSyntax = target(conditional);
        Bound receiver = b.expressions.bindValue(receiverSyntax);
        if (!receiver.type.acceptsNull()) {
            throw new CompileError(conditional.position(), "'?.' needs a value that can be null, not '"
                    + receiver.type.display() + "'");
        }
        int slot = b.slots.allocate();
        Bound placeholder = Bound.value(receiver.position, Types.underlying(receiver.type), f -> f.locals[slot]);
        if (receiver.fromCast) {
            placeholder = placeholder.markedFromCast();
        }
        b.substitutions.put(receiverSyntax, placeholder);
        b.plainAccess.add(conditional);
        Bound rest;
        try {
            rest = b.expressions.bindValue(whole);
        } finally {
            b.substitutions.remove(receiverSyntax);
            b.plainAccess.remove(conditional);
        }
        TypeSymbol type = rest.type.isValueType() && !Types.VOID.equals(rest.type) ? Types.nullable(rest.type) : rest.type;
        Eval r = receiver.eval;
        Eval tail = rest.eval;
        return Bound.value(whole.position(), type, f -> {
            Object v = r.eval(f);
            if (v == null) {
                return null;
            }
            f.locals[slot] = v;
            return tail.eval(f);
        });
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
                throw notAMember(m.position(), name, target.type);
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
                throw notAMember(m.position(), name, target.type);
            }
            default -> throw new CompileError(m.position(), "'" + name + "' cannot be applied here");
        }
    }

    private Bound namespaceMember(Bound namespace, Expr.MemberAccess m) {
        String dotted = namespace.name + "." + m.name();
        int arity = m.typeArguments().size();
        TypeDef def = b.library.names().find(dotted, arity);
        if (def != null) {
            return Bound.type(m.position(), b.expressions.type(new dev.breakwater.gateway.policy.expression.syntax.TypeSyntax(
                    m.position(), dotted, m.typeArguments(), false, 0)));
        }
        String refusal = b.library.names().refusal(dotted);
        if (refusal != null) {
            throw new CompileError(m.position(), "'" + dotted + "' " + refusal);
        }
        return Bound.namespace(m.position(), dotted);
    }

    CompileError notAMember(int position, String name, TypeSymbol type) {
        return new CompileError(position, "'" + name + "' is not a member of " + type.display());
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

    private Bound invocation(Expr.Invocation inv) {
        Expr callee = inv.target();
        if (callee instanceof Expr.MemberAccess m && !b.substitutions.containsKey(callee)) {
            Bound receiver = b.expressions.bind(m.target());
            List<TypeSymbol> typeArgs = m.typeArguments().stream().map(b.expressions::type).toList();
            return call(inv.position(), receiver, m.name(), m.position(), typeArgs, inv.arguments());
        }
        if (callee instanceof Expr.Name n) {
            LocalFunction function = b.scope.lookupFunction(n.name());
            if (function != null && b.scope.lookup(n.name()) == null) {
                List<Argument> args = Argument.bindAll(b, inv.arguments());
                OverloadResolver.Resolved r = b.overloads.resolve(inv.position(), n.name(), List.of(function.symbol()),
                        List.of(), args);
                return Bound.value(inv.position(), r.returnType(), callEval(null, false, r));
            }
        }
        Bound target = b.expressions.bind(callee);
        if (target.isValue() && Types.isDelegate(target.type)) {
            return delegateCall(inv, target);
        }
        if (target.kind == Bound.Kind.NAMESPACE) {
            throw new CompileError(inv.position(), "'" + target.name + "' is not allowed in policy expressions");
        }
        throw new CompileError(inv.position(), "only methods can be called here");
    }

    /** {@code receiver.name<typeArgs>(args)} where receiver is a value, a type or a namespace. */
    Bound call(int position, Bound receiver, String name, int namePosition, List<TypeSymbol> typeArgs,
               List<Expr.Argument> syntax) {
        switch (receiver.kind) {
            case NAMESPACE -> throw new CompileError(namePosition, "'" + receiver.name + "." + name
                    + "' is not allowed in policy expressions");
            case TYPE -> {
                List<MethodSymbol> methods = Members.methods(receiver.type, name, true);
                if (methods.isEmpty()) {
                    throw notAMember(namePosition, name, receiver.type);
                }
                List<Argument> args = Argument.bindAll(b, syntax);
                String what = receiver.type.display() + "." + name;
                OverloadResolver.Resolved r = b.overloads.resolve(position, what, methods, typeArgs, args);
                return result(position, null, false, r);
            }
            case VALUE -> {
                if (Types.VOID.equals(receiver.type)) {
                    throw new CompileError(namePosition, "'" + name + "': the expression before '.' has no value");
                }
                List<MethodSymbol> methods = Members.methods(receiver.type, name, false);
                List<MethodSymbol> extensions = b.library.extensions(name);
                if (methods.isEmpty() && extensions.isEmpty()) {
                    if (Members.property(receiver.type, name, false) != null) {
                        throw new CompileError(namePosition, "'" + name + "' is a property of "
                                + receiver.type.display() + ", not a method");
                    }
                    throw notAMember(namePosition, name, receiver.type);
                }
                List<Argument> args = Argument.bindAll(b, syntax);
                String what = receiver.type.display() + "." + name;
                if (!methods.isEmpty()) {
                    OverloadResolver.Resolved r = b.overloads.tryResolve(position, what, methods, typeArgs, args,
                            extensions.isEmpty());
                    if (r != null) {
                        return result(position, receiver, !Types.isNullable(receiver.type), r);
                    }
                }
                List<Argument> withReceiver = new ArrayList<>();
                withReceiver.add(Argument.value(receiver));
                withReceiver.addAll(args);
                List<MethodSymbol> applicable = extensions.stream()
                        .filter(m -> receiverFits(receiver, m)).toList();
                if (applicable.isEmpty()) {
                    if (methods.isEmpty()) {
                        throw notAMember(namePosition, name, receiver.type);
                    }
                    return result(position, receiver, !Types.isNullable(receiver.type),
                            b.overloads.resolve(position, what, methods, typeArgs, args));
                }
                OverloadResolver.Resolved r = b.overloads.resolve(position, what, applicable, typeArgs, withReceiver);
                return result(position, null, false, r);
            }
            default -> throw new CompileError(namePosition, "'" + name + "' cannot be called here");
        }
    }

    /** A quick filter: can the receiver be the extension method's first argument at all? */
    private boolean receiverFits(Bound receiver, MethodSymbol m) {
        ParameterSymbol first = m.parameters().get(0);
        if (!first.type().containsTypeParameters()) {
            return b.converter.isImplicit(receiver, first.type());
        }
        if (first.type() instanceof dev.breakwater.gateway.policy.expression.types.NamedType n) {
            return dev.breakwater.gateway.policy.expression.types.TypeRelations.findConstructed(receiver.type, n.def()) != null;
        }
        if (first.type() instanceof ArrayType) {
            return receiver.type instanceof ArrayType;
        }
        return true;
    }

    private Bound result(int position, Bound receiver, boolean instance, OverloadResolver.Resolved r) {
        return Bound.value(position, r.returnType(), callEval(receiver, instance, r));
    }

    /** The evaluator of a resolved call: receiver (null-checked for instance methods), arguments, out stores. */
    Eval callEval(Bound receiver, boolean instance, OverloadResolver.Resolved r) {
        Eval target = receiver == null ? null : receiver.eval;
        Eval[] args = r.arguments();
        int[] outSlots = r.outSlots();
        Invoker invoker = r.method().invoker();
        int n = args.length;
        return f -> {
            Object self = null;
            if (target != null) {
                self = target.eval(f);
                if (instance && self == null) {
                    throw DotNetException.nullReference();
                }
            }
            Object[] values = n == 0 ? NO_ARGS : new Object[n];
            for (int i = 0; i < n; i++) {
                values[i] = args[i].eval(f);
            }
            f.step();
            Object result = invoker.invoke(f, self, values);
            if (outSlots != null) {
                for (int i = 0; i < outSlots.length; i++) {
                    if (outSlots[i] >= 0) {
                        f.locals[outSlots[i]] = ((Ref) values[i]).value;
                    }
                }
            }
            return result;
        };
    }

    private Bound delegateCall(Expr.Invocation inv, Bound target) {
        List<TypeSymbol> params = Types.delegateParameters(target.type);
        if (params.size() != inv.arguments().size()) {
            throw new CompileError(inv.position(), "the delegate takes " + params.size() + " arguments");
        }
        Eval[] args = new Eval[params.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = b.expressions.bindValue(inv.arguments().get(i).value(), params.get(i)).eval;
        }
        Eval t = target.eval;
        return Bound.value(inv.position(), Types.delegateReturn(target.type), f -> {
            var closure = (dev.breakwater.gateway.policy.expression.eval.Closure) t.eval(f);
            if (closure == null) {
                throw DotNetException.nullReference();
            }
            Object[] values = new Object[args.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = args[i].eval(f);
            }
            return closure.invoke(values);
        });
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
        Eval read = callEval(target, true, r);
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
