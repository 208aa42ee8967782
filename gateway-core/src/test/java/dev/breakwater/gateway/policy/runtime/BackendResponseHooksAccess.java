package dev.breakwater.gateway.policy.runtime;

/** For tests of other packages that play the flow's part: runs the backend response hooks as RequestFlow does before outbound. */
public final class BackendResponseHooksAccess {

    private BackendResponseHooksAccess() {
    }

    public static void apply(PolicyContext context) {
        BackendResponseHooks.apply(context);
    }
}
