package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.runtime.ValueFormatter;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.syntax.Expr;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.util.ArrayList;
import java.util.List;

/** {@code $"…{x,alignment:format}…"}: each hole formatted as .NET's ToString(format), null as "". */
final class InterpolationBinder {

    private final Binder b;

    InterpolationBinder(Binder binder) {
        this.b = binder;
    }

    Bound bind(Expr.Interpolated i) {
        List<Eval> pieces = new ArrayList<>();
        for (Object part : i.parts()) {
            if (part instanceof String s) {
                pieces.add(f -> s);
                continue;
            }
            Expr.Hole hole = (Expr.Hole) part;
            Eval value = b.expressions.bindValue(hole.value()).eval;
            String format = hole.format();
            int alignment = hole.alignment() == null ? 0 : (Integer) ((Expr.Literal) hole.alignment()).value();
            if (Math.abs(alignment) >= 1_000_000) {
                throw new CompileError(hole.value().position(), "an alignment must be below 1000000");
            }
            pieces.add(f -> {
                Object v = value.eval(f);
                String text = format == null ? ValueFormatter.toString(v) : ValueFormatter.format(v, format);
                return pad(text, alignment);
            });
        }
        Eval[] all = pieces.toArray(new Eval[0]);
        return Bound.value(i.position(), Types.STRING, f -> {
            StringBuilder s = new StringBuilder();
            for (Eval piece : all) {
                s.append((String) piece.eval(f));
                f.checkLength(s.length());
            }
            return s.toString();
        });
    }

    private static String pad(String text, int alignment) {
        int width = Math.abs(alignment);
        if (text.length() >= width) {
            return text;
        }
        String spaces = " ".repeat(width - text.length());
        return alignment > 0 ? spaces + text : text + spaces;
    }
}
