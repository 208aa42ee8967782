package dev.breakwater.gateway.policy.expression.runtime;

import dev.breakwater.gateway.policy.expression.types.PropertySymbol;
import dev.breakwater.gateway.policy.expression.types.TypeDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A value of a .NET enum ({@code StringComparison.Ordinal}, {@code RegexOptions.IgnoreCase | …}). */
public final class EnumValue {

    private final TypeDef type;
    private final long value;

    public EnumValue(TypeDef type, long value) {
        this.type = type;
        this.value = value;
    }

    public TypeDef type() {
        return type;
    }

    public long value() {
        return value;
    }

    public boolean has(EnumValue flag) {
        return (value & flag.value) == flag.value;
    }

    /** As .NET prints it: the member name, "A, B" for flag combinations, else the number. */
    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        long rest = value;
        String exact = null;
        for (String name : memberNames()) {
            PropertySymbol p = type.members().property(name);
            long v = ((EnumValue) p.constantValue()).value;
            if (v == value) {
                exact = name;
            }
            if (type.isFlags() && v != 0 && (value & v) == v) {
                names.add(name);
                rest &= ~v;
            }
        }
        if (exact != null) {
            return exact;
        }
        if (type.isFlags() && rest == 0 && !names.isEmpty()) {
            return String.join(", ", names);
        }
        return Long.toString(value);
    }

    private List<String> memberNames() {
        return type.enumMemberNames();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnumValue e && e.type == type && e.value == value;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type.fullName(), value);
    }
}
