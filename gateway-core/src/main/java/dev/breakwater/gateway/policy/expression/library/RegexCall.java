package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.eval.Frame;
import dev.breakwater.gateway.policy.expression.eval.Invoker;
import dev.breakwater.gateway.policy.expression.eval.Specializable;
import dev.breakwater.gateway.policy.expression.runtime.DotNetRegex;
import dev.breakwater.gateway.policy.expression.runtime.EnumValue;
import dev.breakwater.gateway.policy.expression.types.Conversions;

/**
 * A Regex call that takes its pattern (and options) as arguments: with a constant pattern, as almost
 * every policy writes it, the pattern is translated and compiled once, when the expression is compiled.
 */
final class RegexCall implements Specializable {

    /** The work of the call, given the regex and the arguments. */
    @FunctionalInterface
    interface Body {
        Object run(DotNetRegex regex, Frame frame, Object[] args);
    }

    private final int patternIndex;
    private final int optionsIndex;
    private final Body body;

    /** {@code optionsIndex} is -1 when the overload takes no options. */
    RegexCall(int patternIndex, int optionsIndex, Body body) {
        this.patternIndex = patternIndex;
        this.optionsIndex = optionsIndex;
        this.body = body;
    }

    private DotNetRegex regex(Object[] args) {
        long options = optionsIndex < 0 ? 0 : ((EnumValue) args[optionsIndex]).value();
        return new DotNetRegex((String) args[patternIndex], options);
    }

    @Override
    public Object invoke(Frame frame, Object target, Object[] args) {
        return body.run(regex(args), frame, args);
    }

    @Override
    public Invoker specialize(Object[] constants) {
        boolean patternKnown = constants[patternIndex] != Conversions.NOT_CONSTANT && constants[patternIndex] != null;
        boolean optionsKnown = optionsIndex < 0 || constants[optionsIndex] != Conversions.NOT_CONSTANT;
        if (!patternKnown || !optionsKnown) {
            return this;
        }
        DotNetRegex compiled;
        try {
            compiled = regex(constants);
        } catch (RuntimeException e) {
            // An invalid constant pattern fails when it runs, as in .NET (ArgumentException).
            return this;
        }
        return (frame, target, args) -> body.run(compiled, frame, args);
    }
}
