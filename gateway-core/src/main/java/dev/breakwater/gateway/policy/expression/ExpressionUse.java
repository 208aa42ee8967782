package dev.breakwater.gateway.policy.expression;

/** Parts of the request state an expression reads, so the engine prepares them only when needed. */
public enum ExpressionUse {
    /** {@code context.Request.Body}: the request body must be buffered. */
    REQUEST_BODY,
    /** {@code context.Response.Body} (or an {@code IResponse} body that may be it). */
    RESPONSE_BODY
}
