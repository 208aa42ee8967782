package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.DotNetException;
import dev.breakwater.gateway.policy.expression.eval.Frame;
import dev.breakwater.gateway.policy.expression.runtime.DefaultValues;
import dev.breakwater.gateway.policy.expression.eval.Eval;
import dev.breakwater.gateway.policy.expression.types.NamedType;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;
import dev.breakwater.gateway.policy.expression.types.Types;

import java.lang.reflect.Array;

/**
 * Creates .NET arrays: {@code byte[]} is a Java {@code byte[]}; other arrays are Java arrays of the
 * element's run-time class, so that {@code is string[]} can be checked; value-type elements start at
 * their default, as in .NET.
 */
final class ArrayValues {

    private ArrayValues() {
    }

    static Class<?> runtimeClass(TypeSymbol element) {
        TypeSymbol t = Types.underlying(element);
        if (t instanceof NamedType n && n.def().runtimeClass() != null) {
            return n.def().runtimeClass();
        }
        return Object.class;
    }

    /** A new array of {@code length} elements. */
    static Object allocate(TypeSymbol element, int length, Frame f) {
        f.checkSize(length);
        if (length < 0) {
            throw DotNetException.of("System.OverflowException",
                    "Arithmetic operation resulted in an overflow.");
        }
        if (Types.BYTE.equals(element)) {
            return new byte[length];
        }
        Object[] array = (Object[]) Array.newInstance(runtimeClass(element), length);
        Object initial = DefaultValues.of(element);
        if (initial != null) {
            java.util.Arrays.fill(array, initial);
        }
        return array;
    }

    /** An evaluator that builds an array from {@code elements}. */
    static Eval creator(TypeSymbol element, Eval[] elements) {
        if (Types.BYTE.equals(element)) {
            return f -> {
                byte[] bytes = new byte[elements.length];
                for (int i = 0; i < elements.length; i++) {
                    bytes[i] = (Byte) elements[i].eval(f);
                }
                return bytes;
            };
        }
        Class<?> type = runtimeClass(element);
        return f -> {
            Object[] array = (Object[]) Array.newInstance(type, elements.length);
            for (int i = 0; i < elements.length; i++) {
                array[i] = elements[i].eval(f);
            }
            return array;
        };
    }
}
