package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;

/** An array element: {@code a[i]}, read and assigned with .NET's bounds and null checks. */
final class ArrayLValue implements LValue {

    private final TypeSymbol type;
    private final Eval array;
    private final Eval index;

    ArrayLValue(TypeSymbol type, Eval array, Eval index) {
        this.type = type;
        this.array = array;
        this.index = index;
    }

    static Object get(Object array, int i) {
        if (array == null) {
            throw DotNetException.nullReference();
        }
        if (array instanceof byte[] bytes) {
            check(i, bytes.length);
            return bytes[i];
        }
        Object[] objects = (Object[]) array;
        check(i, objects.length);
        return objects[i];
    }

    private static void check(int i, int length) {
        if (i < 0 || i >= length) {
            throw DotNetException.indexOutOfRange();
        }
    }

    @Override
    public TypeSymbol type() {
        return type;
    }

    @Override
    public Eval assign(Update update, boolean read, boolean yieldOld) {
        return f -> {
            Object a = array.eval(f);
            int i = (Integer) index.eval(f);
            Object old = read ? get(a, i) : null;
            if (a == null) {
                throw DotNetException.nullReference();
            }
            Object value = update.apply(f, old);
            if (a instanceof byte[] bytes) {
                check(i, bytes.length);
                bytes[i] = (Byte) value;
            } else {
                Object[] objects = (Object[]) a;
                check(i, objects.length);
                if (value != null && !objects.getClass().getComponentType().isInstance(value)) {
                    throw DotNetException.of("System.ArrayTypeMismatchException",
                            "Attempted to access an element as a type incompatible with the array.");
                }
                objects[i] = value;
            }
            return yieldOld ? old : value;
        };
    }
}
