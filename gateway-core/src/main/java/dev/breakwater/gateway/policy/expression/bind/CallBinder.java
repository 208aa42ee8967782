package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.Closure;
import dev.breakwater.gateway.policy.expression.types.NamedType;
import dev.breakwater.gateway.policy.expression.types.TypeRelations;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.eval.Invoker;
import dev.breakwater.gateway.policy.expression.eval.Specializable;
import dev.breakwater.gateway.policy.expression.eval.Ref;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Expr;
import dev.breakwater.gateway.policy.expression.types.ArrayType;
import dev.breakwater.gateway.policy.expression.types.MethodSymbol;
import dev.breakwater.gateway.policy.expression.types.ParameterSymbol;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.ArrayList;
import java.util.List;

/**
 * Calls: instance, static and extension methods (an instance method wins when one applies, as in C#),
 * local functions and delegates; the evaluator null-checks the receiver and stores {@code out} values.
 */
final class CallBinder {

    private static final Object[] NO_ARGS = new Object[0];

    private final Binder b;

    CallBinder(Binder binder) {
        this.b = binder;
    }

    Bound invocation(Expr.Invocation inv) {
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
                    throw Members.notAMember(namePosition, name, receiver.type);
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
                    throw Members.notAMember(namePosition, name, receiver.type);
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
                        throw Members.notAMember(namePosition, name, receiver.type);
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
        if (first.type() instanceof NamedType n) {
            return TypeRelations.findConstructed(receiver.type, n.def()) != null;
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
        Invoker declared = r.method().invoker();
        Invoker invoker = declared instanceof Specializable s ? s.specialize(r.constants()) : declared;
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
                f.charge(values[i]);
            }
            f.step();
            f.charge(self);
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
            var closure = (Closure) t.eval(f);
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
}
