package dev.breakwater.gateway.policy.expression;

import dev.breakwater.gateway.policy.expression.context.ApiView;
import dev.breakwater.gateway.policy.expression.context.DeploymentView;
import dev.breakwater.gateway.policy.expression.context.LastErrorView;
import dev.breakwater.gateway.policy.expression.context.OperationView;
import dev.breakwater.gateway.policy.expression.context.ProductView;
import dev.breakwater.gateway.policy.expression.context.RequestView;
import dev.breakwater.gateway.policy.expression.context.ResponseView;
import dev.breakwater.gateway.policy.expression.context.SubscriptionView;
import dev.breakwater.gateway.policy.expression.context.UserView;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code context} variable of policy expressions: a read-only view of one request with APIM's
 * member names. The engine implements it over the request's state; parts that do not exist yet
 * (subscription, product, user; the response before the backend answered) are null.
 */
public interface ExpressionContext {

    ApiView api();

    OperationView operation();

    RequestView request();

    ResponseView response();

    /**
     * The variables set by set-variable (and other policies), by name. Values are .NET values as
     * {@link CompiledExpression#evaluate} returns them; send-request stores a {@link ResponseView}.
     */
    Map<String, Object> variables();

    UUID requestId();

    /** When the request arrived. */
    Instant timestamp();

    /** Time since {@link #timestamp()}. */
    Duration elapsed();

    LastErrorView lastError();

    DeploymentView deployment();

    SubscriptionView subscription();

    ProductView product();

    UserView user();

    boolean tracing();

    /** {@code context.Trace(message)}: adds a message to the request's trace. */
    void trace(String message);

    /** The clock behind {@code DateTime.UtcNow} and {@code DateTime.Now} (UTC: the gateway's local time is UTC). */
    default Clock clock() {
        return Clock.systemUTC();
    }
}
