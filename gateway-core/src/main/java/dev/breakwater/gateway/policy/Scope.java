package dev.breakwater.gateway.policy;

/** Where a policy document is attached, outermost first; inner scopes include outer ones through {@code <base/>}. */
public enum Scope {
    GLOBAL, API, OPERATION
}
