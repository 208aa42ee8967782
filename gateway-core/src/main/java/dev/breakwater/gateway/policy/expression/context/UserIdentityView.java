package dev.breakwater.gateway.policy.expression.context;

/** APIM's IUserIdentity. */
public interface UserIdentityView {
    String id();

    String provider();
}
