package dev.breakwater.gateway.policy.expression.eval;

import dev.breakwater.gateway.policy.expression.ExpressionContext;
import dev.breakwater.gateway.policy.expression.ExpressionLimits;

/**
 * The state of one evaluation: the {@code context}, the local variable slots of the whole expression
 * (lambdas and local functions included), the value being returned, and the step budget.
 */
public final class Frame {

    public final ExpressionContext context;
    public final Object[] locals;
    public final ExpressionLimits limits;
    /** The value of the {@code return} that ended the block (see {@link Exec#RETURN}). */
    public Object returnValue;
    private int steps;
    private int depth;

    public Frame(ExpressionContext context, int slots, ExpressionLimits limits) {
        this.context = context;
        this.locals = new Object[slots];
        this.limits = limits;
    }

    /** Counts one step (a loop iteration, a call, an element visited); fails when the budget is spent. */
    public void step() {
        if (++steps > limits.maxSteps()) {
            throw DotNetException.budgetExceeded("the expression ran more than " + limits.maxSteps() + " steps");
        }
    }

    /** Counts {@code n} steps at once (work proportional to a collection's size). */
    public void steps(int n) {
        steps += Math.max(0, n);
        if (steps > limits.maxSteps() || steps < 0) {
            throw DotNetException.budgetExceeded("the expression ran more than " + limits.maxSteps() + " steps");
        }
    }

    /**
     * Charges the work a library call does on a value in proportion to its size (a step per 4096
     * characters or per 32 elements), so that a loop over large strings or collections stays bounded.
     */
    public void charge(Object value) {
        int n;
        if (value instanceof String s) {
            n = s.length() >> 12;
        } else if (value instanceof java.util.Collection<?> c) {
            n = c.size() >> 5;
        } else if (value instanceof java.util.Map<?, ?> m) {
            n = m.size() >> 5;
        } else if (value instanceof Object[] a) {
            n = a.length >> 5;
        } else if (value instanceof byte[] b) {
            n = b.length >> 12;
        } else if (value instanceof dev.breakwater.gateway.policy.expression.runtime.json.JContainer j) {
            n = j.count() >> 5;
        } else {
            return;
        }
        if (n > 0) {
            steps(n);
        }
    }

    /** Fails when a string being built would be longer than allowed; charges its size to the budget. */
    public void checkLength(long length) {
        if (length >= 4096) {
            steps((int) Math.min(length >> 12, Integer.MAX_VALUE));
        }
        if (length > limits.maxStringLength()) {
            throw DotNetException.budgetExceeded("a string longer than " + limits.maxStringLength()
                    + " characters was built");
        }
    }

    /** Fails when a collection being built would hold more elements than allowed; charges its size. */
    public void checkSize(long size) {
        if (size >= 32) {
            steps((int) Math.min(size >> 5, Integer.MAX_VALUE));
        }
        if (size > limits.maxCollectionSize()) {
            throw DotNetException.budgetExceeded("a collection of more than " + limits.maxCollectionSize()
                    + " elements was built");
        }
    }

    /** Enters a local function call; the depth is bounded so that recursion cannot exhaust the Java stack. */
    public void enterCall() {
        if (++depth > limits.maxCallDepth()) {
            throw DotNetException.budgetExceeded("local functions nested deeper than " + limits.maxCallDepth() + " calls");
        }
        step();
    }

    public void exitCall() {
        depth--;
    }
}
