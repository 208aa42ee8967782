package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.Exec;
import dev.breakwater.gateway.policy.expression.eval.Frame;
import dev.breakwater.gateway.policy.expression.types.MethodSymbol;
import dev.breakwater.gateway.policy.expression.types.ParameterSymbol;
import dev.breakwater.gateway.policy.expression.types.TypeDef;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A local function ({@code int Twice(int x) { … }} inside a block). Its parameters and locals are slots
 * [{@code firstSlot}, {@code endSlot}) of the frame; a recursive call saves and restores that range, so
 * each activation has its own values. The activation count lives in a frame slot too (per evaluation).
 */
final class LocalFunction {

    private static final TypeDef LOCAL = new TypeDef("", "<local function>", null, TypeDef.Kind.STATIC, List.of(), null);

    private final String name;
    private final MethodSymbol symbol;
    private final int depthSlot;
    private int[] parameterSlots;
    private int firstSlot;
    private int endSlot;
    private Exec body;

    LocalFunction(String name, TypeSymbol returnType, List<String> parameterNames, List<TypeSymbol> parameterTypes,
                  int depthSlot) {
        this.name = name;
        this.depthSlot = depthSlot;
        List<ParameterSymbol> params = new ArrayList<>();
        for (int i = 0; i < parameterTypes.size(); i++) {
            params.add(new ParameterSymbol(parameterNames.get(i), parameterTypes.get(i), null, false, null, false));
        }
        this.symbol = new MethodSymbol(name, LOCAL, true, false, List.of(), params, returnType,
                (f, t, a) -> call(f, a), 0);
    }

    String name() {
        return name;
    }

    MethodSymbol symbol() {
        return symbol;
    }

    /** Completes the function once its body is bound. */
    void define(int[] parameterSlots, int firstSlot, int endSlot, Exec body) {
        this.parameterSlots = parameterSlots;
        this.firstSlot = firstSlot;
        this.endSlot = endSlot;
        this.body = body;
    }

    private Object call(Frame f, Object[] args) {
        f.enterCall();
        Object d = f.locals[depthSlot];
        int depth = d == null ? 0 : (Integer) d;
        Object[] saved = depth > 0 ? Arrays.copyOfRange(f.locals, firstSlot, endSlot) : null;
        f.locals[depthSlot] = depth + 1;
        try {
            for (int i = 0; i < parameterSlots.length; i++) {
                f.locals[parameterSlots[i]] = args[i];
            }
            int completion = body.exec(f);
            return completion == Exec.RETURN ? f.returnValue : null;
        } finally {
            if (saved != null) {
                System.arraycopy(saved, 0, f.locals, firstSlot, saved.length);
            }
            f.locals[depthSlot] = depth;
            f.exitCall();
        }
    }
}
