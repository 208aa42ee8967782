package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.eval.Exec;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Stmt;
import dev.breakwater.gateway.policy.expression.types.Conversions;
import dev.breakwater.gateway.policy.expression.types.NumericKind;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code switch} on strings, integers, chars, bools and enums with constant labels. As in C#, control
 * must not fall through from one section to the next ({@code break}, {@code return}, {@code continue}
 * or {@code throw} must end each section).
 */
final class SwitchBinder {

    private final StatementBinder s;

    SwitchBinder(StatementBinder statements) {
        this.s = statements;
    }

    StatementBinder.Bound bind(Stmt.Switch sw) {
        Bound subject = s.b.expressions.bindValue(sw.subject());
        TypeSymbol type = subject.type;
        TypeSymbol base = Types.underlying(type);
        if (!(Types.isString(base) || Types.isBool(base) || NumericKind.of(base) != null || Conversions.isEnum(base))) {
            throw new CompileError(sw.subject().position(), "switch needs a string, integer, char, bool or enum, not '"
                    + type.display() + "'");
        }
        Map<Object, Integer> cases = new HashMap<>();
        int defaultSection = -1;
        List<Exec> sections = new ArrayList<>();
        StatementBinder.Target target = new StatementBinder.Target(false);
        for (int i = 0; i < sw.sections().size(); i++) {
            Stmt.SwitchSection section = sw.sections().get(i);
            for (Stmt.SwitchLabel label : section.labels()) {
                if (label.value() == null) {
                    if (defaultSection >= 0) {
                        throw new CompileError(label.position(), "the switch has two 'default' labels");
                    }
                    defaultSection = i;
                    continue;
                }
                Object key = constant(label, type);
                if (cases.containsKey(key)) {
                    throw new CompileError(label.position(), "the switch has two 'case " + key + ":' labels");
                }
                cases.put(key, i);
            }
            StatementBinder.Bound body = s.withTarget(target, () -> s.b.inChildScope(() -> s.block(section.statements())));
            if (body.completes()) {
                Stmt.SwitchLabel first = section.labels().get(0);
                String label = first.value() == null ? "default:" : "case …:";
                throw new CompileError(first.position(), "control cannot fall through from one case label ('" + label
                        + "') to another: end the section with break or return");
            }
            sections.add(body.exec());
        }
        Exec[] bodies = sections.toArray(new Exec[0]);
        int fallback = defaultSection;
        Eval e = subject.eval;
        Exec exec = f -> {
            Integer section = cases.get(e.eval(f));
            int chosen = section != null ? section : fallback;
            if (chosen < 0) {
                return Exec.NORMAL;
            }
            int r = bodies[chosen].exec(f);
            return r == Exec.BREAK ? Exec.NORMAL : r;
        };
        return new StatementBinder.Bound(exec, target.broken || defaultSection < 0);
    }

    private Object constant(Stmt.SwitchLabel label, TypeSymbol type) {
        Bound value = s.b.expressions.bindValue(label.value());
        if (value.isNullLiteral() && type.acceptsNull()) {
            return null;
        }
        if (!value.isConstant()) {
            throw new CompileError(label.position(), "a case label must be a constant");
        }
        Bound converted = s.b.converter.implicit(value, type);
        if (!converted.isConstant()) {
            throw new CompileError(label.position(), "a case label must be a constant of the switch's type");
        }
        return converted.constant;
    }
}
