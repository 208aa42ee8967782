package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.eval.Invoker;

/**
 * Short lambda shapes for declaring members: {@code I*} take the instance first, {@code S*} are static.
 * The builder adapts them to {@link Invoker}.
 */
public final class Fn {

    private Fn() {
    }

    @FunctionalInterface
    public interface I0 {
        Object apply(Object self);
    }

    @FunctionalInterface
    public interface I1 {
        Object apply(Object self, Object a);
    }

    @FunctionalInterface
    public interface I2 {
        Object apply(Object self, Object a, Object b);
    }

    @FunctionalInterface
    public interface I3 {
        Object apply(Object self, Object a, Object b, Object c);
    }

    @FunctionalInterface
    public interface S0 {
        Object apply();
    }

    @FunctionalInterface
    public interface S1 {
        Object apply(Object a);
    }

    @FunctionalInterface
    public interface S2 {
        Object apply(Object a, Object b);
    }

    @FunctionalInterface
    public interface S3 {
        Object apply(Object a, Object b, Object c);
    }

    @FunctionalInterface
    public interface S4 {
        Object apply(Object a, Object b, Object c, Object d);
    }
}
