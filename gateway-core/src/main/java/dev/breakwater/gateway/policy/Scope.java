package dev.breakwater.gateway.policy;

import java.util.Locale;

/** Where a policy document is attached, outermost first; inner scopes include outer ones through {@code <base/>}. */
public enum Scope {
    GLOBAL, PRODUCT, API, OPERATION;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** As APIM names it in {@code context.LastError.Scope}: {@code global}, {@code product}, {@code api}, {@code operation}. */
    public String label() {
        return label;
    }
}
