package dev.breakwater.gateway.policy.expression.context;

/** APIM's IGroup. */
public interface GroupView {
    String id();

    String name();
}
