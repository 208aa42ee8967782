package dev.breakwater.gateway.policy.runtime.views;

import dev.breakwater.gateway.policy.expression.ExpressionContext;
import dev.breakwater.gateway.policy.expression.context.ApiView;
import dev.breakwater.gateway.policy.expression.context.DeploymentView;
import dev.breakwater.gateway.policy.expression.context.LastErrorView;
import dev.breakwater.gateway.policy.expression.context.OperationView;
import dev.breakwater.gateway.policy.expression.context.ProductView;
import dev.breakwater.gateway.policy.expression.context.RequestView;
import dev.breakwater.gateway.policy.expression.context.ResponseView;
import dev.breakwater.gateway.policy.expression.context.SubscriptionView;
import dev.breakwater.gateway.policy.expression.context.UserView;
import dev.breakwater.gateway.policy.runtime.PolicyContext;
import dev.breakwater.gateway.policy.runtime.PolicyError;
import dev.breakwater.gateway.policy.runtime.ResponseMessage;
import dev.breakwater.gateway.policy.runtime.TraceEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code context} of policy expressions over one request's {@link PolicyContext}, with APIM's
 * member names. Made once per request, when an expression first runs; every view reads the live
 * state, so an expression sees what the policies before it did.
 */
public final class ExpressionFacade implements ExpressionContext {

    private final PolicyContext context;
    private final RequestView request;
    private UUID requestId;

    private ExpressionFacade(PolicyContext context) {
        this.context = context;
        this.request = new RequestViewImpl(context);
    }

    /** The facade of a request, made on first use. */
    public static ExpressionFacade of(PolicyContext context) {
        Object view = context.expressionView();
        if (view instanceof ExpressionFacade facade) {
            return facade;
        }
        ExpressionFacade facade = new ExpressionFacade(context);
        context.setExpressionView(facade);
        return facade;
    }

    /** A response stored in a variable by a call-out, as expressions see it ({@code IResponse}). */
    public static ResponseView viewOf(ResponseMessage response) {
        return new ResponseViewImpl(response);
    }

    /**
     * The response behind a value that {@link #viewOf} made (a call-out's response in a variable),
     * or {@code null} when the value is something else.
     */
    public static ResponseMessage messageOf(Object value) {
        return value instanceof ResponseViewImpl view ? view.response() : null;
    }

    @Override
    public ApiView api() {
        return context.route() == null ? null : new RouteViews.Api(context.route());
    }

    @Override
    public OperationView operation() {
        return context.route() == null || context.route().operationId() == null ? null
                : new RouteViews.Operation(context.route());
    }

    @Override
    public RequestView request() {
        return request;
    }

    @Override
    public ResponseView response() {
        if (context.responseAbsent()) {
            return null;
        }
        ResponseMessage response = context.responseIfAny();
        return new ResponseViewImpl(response != null ? response : context.response());
    }

    @Override
    public Map<String, Object> variables() {
        return context.variablesView();
    }

    /** The request id as a Guid; an id from the client that is not one maps to a stable name-based one. */
    @Override
    public UUID requestId() {
        if (requestId == null) {
            String id = context.requestId();
            try {
                requestId = UUID.fromString(id);
            } catch (IllegalArgumentException notAGuid) {
                requestId = UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
            }
        }
        return requestId;
    }

    @Override
    public Instant timestamp() {
        return context.client().timestamp();
    }

    @Override
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - context.client().startNanos());
    }

    @Override
    public LastErrorView lastError() {
        PolicyError error = context.lastError();
        return error == null ? null : new RouteViews.LastError(error);
    }

    @Override
    public DeploymentView deployment() {
        return new RouteViews.Deploy(context.deployment());
    }

    @Override
    public SubscriptionView subscription() {
        return AccessViews.subscription(context.caller());
    }

    @Override
    public ProductView product() {
        return AccessViews.product(context.caller());
    }

    @Override
    public UserView user() {
        return AccessViews.user(context.caller());
    }

    @Override
    public boolean tracing() {
        return false;
    }

    @Override
    public void trace(String message) {
        context.trace(new TraceEntry("expression", "information", message, Map.of()));
    }

    @Override
    public Clock clock() {
        return context.clock();
    }
}
