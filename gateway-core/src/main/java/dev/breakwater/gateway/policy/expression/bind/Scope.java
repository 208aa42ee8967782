package dev.breakwater.gateway.policy.expression.bind;

import dev.breakwater.gateway.policy.expression.eval.Frame;
import dev.breakwater.gateway.policy.expression.syntax.CompileError;
import dev.breakwater.gateway.policy.expression.types.TypeSymbol;

import java.util.HashMap;
import java.util.Map;

/**
 * A block's names: locals (each a slot of the evaluation frame) and local functions. Lookups walk out
 * to enclosing scopes; C# forbids a local that hides one of an enclosing scope, and so does this.
 */
final class Scope {

    /** A local variable: its slot in {@link Frame#locals}. */
    record Local(String name, TypeSymbol type, int slot, boolean constant, Object constantValue) { }

    private final Scope parent;
    private final Slots slots;
    private final Map<String, Local> locals = new HashMap<>();
    private final Map<String, LocalFunction> functions = new HashMap<>();

    /** Allocates frame slots for the whole expression. */
    static final class Slots {
        private int next;

        int allocate() {
            return next++;
        }

        int count() {
            return next;
        }
    }

    Scope(Scope parent, Slots slots) {
        this.parent = parent;
        this.slots = slots;
    }

    Scope child() {
        return new Scope(this, slots);
    }

    Slots slots() {
        return slots;
    }

    Local declare(int position, String name, TypeSymbol type) {
        return declare(position, name, type, false, null);
    }

    Local declare(int position, String name, TypeSymbol type, boolean constant, Object value) {
        if (lookup(name) != null || lookupFunction(name) != null) {
            throw new CompileError(position, "a local variable named '" + name
                    + "' is already defined in this scope or an enclosing one");
        }
        Local local = new Local(name, type, slots.allocate(), constant, value);
        locals.put(name, local);
        return local;
    }

    void declareFunction(int position, LocalFunction function) {
        if (lookup(function.name()) != null || functions.containsKey(function.name())) {
            throw new CompileError(position, "'" + function.name() + "' is already defined in this scope");
        }
        functions.put(function.name(), function);
    }

    Local lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Local l = s.locals.get(name);
            if (l != null) {
                return l;
            }
        }
        return null;
    }

    LocalFunction lookupFunction(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            LocalFunction f = s.functions.get(name);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
