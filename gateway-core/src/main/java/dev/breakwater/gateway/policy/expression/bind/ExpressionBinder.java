package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.runtime.DefaultValues;
import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Expr;
import dev.breakwater.gateway.policy.expression.syntax.TypeSyntax;
import dev.breakwater.gateway.policy.expression.types.NullType;
import dev.breakwater.gateway.policy.expression.types.TypeDef;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Binds expressions: dispatch by syntax, literals, names, ?:, casts, is/as, default, interpolation. */
final class ExpressionBinder {

    private final Binder b;
    private final TypeTestBinder typeTests;
    private final InterpolationBinder interpolation;

    ExpressionBinder(Binder binder) {
        this.b = binder;
        this.typeTests = new TypeTestBinder(binder);
        this.interpolation = new InterpolationBinder(binder);
    }

    /** Binds {@code e}; the result may be a type, namespace, method group or lambda. */
    Bound bind(Expr e) {
        Bound substituted = b.substitutions.get(e);
        if (substituted != null) {
            return substituted;
        }
        if (e instanceof Expr.Literal l) {
            return literal(l);
        } else if (e instanceof Expr.Name n) {
            return name(n);
        } else if (e instanceof Expr.MemberAccess || e instanceof Expr.Invocation || e instanceof Expr.ElementAccess) {
            return b.members.bindPostfix(e);
        } else if (e instanceof Expr.Unary || e instanceof Expr.Binary || e instanceof Expr.IncrementDecrement
                || e instanceof Expr.Assignment) {
            return b.operators.bind(e);
        } else if (e instanceof Expr.Conditional c) {
            return conditional(c);
        } else if (e instanceof Expr.Cast c) {
            return b.converter.explicit(bind(c.operand()), type(c.type()), c.position());
        } else if (e instanceof Expr.IsType t) {
            return typeTests.isType(t);
        } else if (e instanceof Expr.IsConstant t) {
            return typeTests.isConstant(t);
        } else if (e instanceof Expr.As a) {
            return typeTests.as(a);
        } else if (e instanceof Expr.Lambda l) {
            return Bound.lambda(l);
        } else if (e instanceof Expr.ObjectCreation || e instanceof Expr.ArrayCreation || e instanceof Expr.AnonymousObject) {
            return b.members.bindCreation(e);
        } else if (e instanceof Expr.Default d) {
            TypeSymbol t = type(d.type());
            return Bound.constant(d.position(), t, DefaultValues.of(t));
        } else if (e instanceof Expr.Interpolated i) {
            return interpolation.bind(i);
        } else if (e instanceof Expr.Throw t) {
            Eval exception = bindValue(t.exception()).eval;
            return Bound.value(t.position(), NullType.INSTANCE, f -> {
                throw DotNetException.toThrow(exception.eval(f));
            });
        }
        throw new CompileError(e.position(), "unsupported expression");
    }

    /** Binds {@code e} as a value (not a type, namespace, method group or lambda). */
    Bound bindValue(Expr e) {
        Bound bound = bind(e);
        if (!bound.isValue()) {
            String problem = switch (bound.kind) {
                case TYPE -> "'" + bound.type.display() + "' is a type, not a value";
                case NAMESPACE -> "'" + bound.name + "' is not allowed in policy expressions";
                case METHOD_GROUP -> "'" + bound.name + "' is a method: call it with ( )";
                case LAMBDA -> "a lambda needs a delegate type here (a LINQ method argument or a Func<…> variable)";
                default -> "a value is expected";
            };
            throw new CompileError(bound.position, problem);
        }
        return bound;
    }

    /** Binds {@code e} and converts it implicitly to {@code target}. */
    Bound bindValue(Expr e, TypeSymbol target) {
        return b.converter.implicit(e instanceof Expr.Lambda l ? Bound.lambda(l) : bind(e), target);
    }

    /** Binds a condition: it must be {@code bool}. */
    Bound condition(Expr e) {
        Bound c = bindValue(e);
        if (!Types.isBool(c.type)) {
            if (Types.isNullable(c.type) && Types.isBool(Types.underlying(c.type))) {
                throw new CompileError(e.position(), "cannot implicitly convert type 'bool?' to 'bool' (compare with '== true')");
            }
            throw new CompileError(e.position(), "a condition must be a bool, not '" + c.type.display() + "'");
        }
        return c;
    }

    TypeSymbol type(TypeSyntax syntax) {
        return b.library.resolver().resolve(syntax, Map.of());
    }

    private Bound literal(Expr.Literal l) {
        Object v = l.value();
        TypeSymbol t;
        if (v == null) {
            return Bound.value(l.position(), NullType.INSTANCE, f -> null);
        } else if (v instanceof String) {
            t = Types.STRING;
        } else if (v instanceof Boolean) {
            t = Types.BOOL;
        } else if (v instanceof Integer) {
            t = Types.INT;
        } else if (v instanceof Long) {
            t = Types.LONG;
        } else if (v instanceof Double) {
            t = Types.DOUBLE;
        } else if (v instanceof Float) {
            t = Types.FLOAT;
        } else if (v instanceof BigDecimal) {
            t = Types.DECIMAL;
        } else if (v instanceof Character) {
            t = Types.CHAR;
        } else {
            throw new CompileError(l.position(), "unsupported literal");
        }
        return Bound.constant(l.position(), t, v);
    }

    private Bound name(Expr.Name n) {
        String name = n.name();
        if (n.typeArguments().isEmpty()) {
            Scope.Local local = b.scope.lookup(name);
            if (local != null) {
                if (local.constant()) {
                    return Bound.constant(n.position(), local.type(), local.constantValue());
                }
                int slot = local.slot();
                return Bound.variable(n.position(), local.type(), f -> f.locals[slot], LValue.local(local.type(), slot));
            }
            LocalFunction function = b.scope.lookupFunction(name);
            if (function != null) {
                return Bound.methodGroup(n.position(), name, null, List.of(function.symbol()));
            }
            if (name.equals("context")) {
                return Bound.value(n.position(), b.library.contextType().type(), f -> f.context);
            }
        }
        TypeDef def = b.library.names().find(name, n.typeArguments().size());
        if (def != null) {
            return Bound.type(n.position(), type(new TypeSyntax(n.position(), name, n.typeArguments(), false, 0)));
        }
        if (b.library.names().isNamespace(name) || name.equals("Microsoft")) {
            return Bound.namespace(n.position(), name);
        }
        String refusal = b.library.names().refusal(name);
        if (refusal != null) {
            throw new CompileError(n.position(), "'" + name + "' " + refusal);
        }
        if (java.util.Set.of("uint", "ulong", "ushort", "sbyte", "dynamic").contains(name)) {
            return Bound.type(n.position(), type(new TypeSyntax(n.position(), name, List.of(), false, 0)));
        }
        throw new CompileError(n.position(), "the name '" + name + "' does not exist in the current context");
    }

    private Bound conditional(Expr.Conditional c) {
        Eval condition = condition(c.condition()).eval;
        Bound t = c.whenTrue() instanceof Expr.Lambda l ? Bound.lambda(l) : bind(c.whenTrue());
        Bound f = c.whenFalse() instanceof Expr.Lambda l ? Bound.lambda(l) : bind(c.whenFalse());
        TypeSymbol type = commonType(c.position(), t, f, c.whenTrue() instanceof Expr.Throw, c.whenFalse() instanceof Expr.Throw);
        Eval te = b.converter.implicit(t, type).eval;
        Eval fe = b.converter.implicit(f, type).eval;
        return Bound.value(c.position(), type, fr -> (Boolean) condition.eval(fr) ? te.eval(fr) : fe.eval(fr));
    }

    /** The type of {@code a ? x : y} (C#'s rules, plus {@code T?} when one side is null and the other a value type). */
    TypeSymbol commonType(int position, Bound x, Bound y, boolean xThrows, boolean yThrows) {
        if (xThrows) {
            return bindValueType(y);
        }
        if (yThrows) {
            return bindValueType(x);
        }
        TypeSymbol a = bindValueType(x);
        TypeSymbol c = bindValueType(y);
        if (a.equals(c)) {
            return a;
        }
        if (x.isNullLiteral() && c.isValueType()) {
            return Types.nullable(c);
        }
        if (y.isNullLiteral() && a.isValueType()) {
            return Types.nullable(a);
        }
        boolean xy = b.converter.isImplicit(x, c);
        boolean yx = b.converter.isImplicit(y, a);
        if (xy && !yx) {
            return c;
        }
        if (yx && !xy) {
            return a;
        }
        throw new CompileError(position, "the type of the conditional expression cannot be determined: no implicit conversion between '"
                + a.display() + "' and '" + c.display() + "'");
    }

    private TypeSymbol bindValueType(Bound x) {
        if (!x.isValue()) {
            throw new CompileError(x.position, "a value is expected in a conditional expression");
        }
        return x.type;
    }
}
