package dev.breakwater.gateway.policy.expression.eval;

/**
 * A lambda at run time: its parameters are slots of the frame it was created in, so it sees (and
 * updates) the locals it captured, as C# closures do. Each call is a step of the budget.
 */
public final class Closure {

    private final Frame frame;
    private final int[] slots;
    private final Eval body;

    public Closure(Frame frame, int[] slots, Eval body) {
        this.frame = frame;
        this.slots = slots;
        this.body = body;
    }

    public Frame frame() {
        return frame;
    }

    public Object invoke() {
        frame.step();
        return body.eval(frame);
    }

    public Object invoke(Object a) {
        frame.step();
        frame.locals[slots[0]] = a;
        return body.eval(frame);
    }

    public Object invoke(Object a, Object b) {
        frame.step();
        frame.locals[slots[0]] = a;
        frame.locals[slots[1]] = b;
        return body.eval(frame);
    }

    public Object invoke(Object[] args) {
        frame.step();
        for (int i = 0; i < slots.length; i++) {
            frame.locals[slots[i]] = args[i];
        }
        return body.eval(frame);
    }

    /** For predicates: the lambda's bool result. */
    public boolean test(Object a) {
        return (Boolean) invoke(a);
    }
}
