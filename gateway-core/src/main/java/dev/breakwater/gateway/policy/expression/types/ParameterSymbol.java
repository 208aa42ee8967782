package dev.breakwater.gateway.policy.expression.types;

/**
 * A parameter of a library method.
 *
 * @param refKind      null, "out" or "ref"
 * @param hasDefault   optional parameter ({@code bool ignoreCase = false})
 * @param defaultValue its value when omitted
 * @param isParams     {@code params T[] values}
 */
public record ParameterSymbol(String name, TypeSymbol type, String refKind, boolean hasDefault, Object defaultValue,
                              boolean isParams) {

    public ParameterSymbol substitute(java.util.Map<TypeParameter, TypeSymbol> map) {
        TypeSymbol t = type.substitute(map);
        return t == type ? this : new ParameterSymbol(name, t, refKind, hasDefault, defaultValue, isParams);
    }

    public boolean isOut() {
        return "out".equals(refKind);
    }

    public boolean isByReference() {
        return refKind != null;
    }
}
